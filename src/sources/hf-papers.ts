import { z } from 'zod';
import type { PaperExtras } from '../corpus/sourced-paper.js';
import { isoDay } from './utc-day.js';

/**
 * Hugging Face's paper JSON, read loosely: unknown keys are allowed and every field but the id is
 * optional. NOTE: an optional field of the wrong type (or null) reads as absent instead of
 * failing the paper: Hugging Face's fields come and go, and a paper without its star count is
 * still a paper.
 */
const optional = <T extends z.ZodType>(schema: T) => schema.nullish().catch(undefined);
const httpUrl = z.url({ protocol: /^https?$/ });

export const hfAuthorSchema = z.looseObject({
  name: optional(z.string()),
  hidden: optional(z.boolean()),
});

/** `paper` of a daily-papers entry, and the answer of `GET /api/papers/{id}`. */
export const hfPaperSchema = z.looseObject({
  /** The arXiv id without version. */
  id: z.string().min(1),
  title: optional(z.string()),
  summary: optional(z.string()),
  /** Read one by one (see {@link hfAuthorNames}): one odd author must not lose the others. */
  authors: optional(z.array(z.unknown())),
  /** arXiv's date. */
  publishedAt: optional(z.string()),
  /** The day it was featured in the daily papers. */
  submittedOnDailyAt: optional(z.string()),
  upvotes: optional(z.number().int().nonnegative()),
  discussionId: optional(z.string()),
  ai_summary: optional(z.string()),
  ai_keywords: optional(z.array(z.string())),
  githubRepo: optional(httpUrl),
  githubStars: optional(z.number().int().nonnegative()),
  projectPage: optional(httpUrl),
  withdrawnAt: optional(z.string()),
});

/** One entry of `GET /api/daily_papers`. Its `publishedAt` is not the featured day: see `paper.submittedOnDailyAt`. */
export const hfDailyEntrySchema = z.looseObject({
  paper: hfPaperSchema,
  title: optional(z.string()),
  summary: optional(z.string()),
  publishedAt: optional(z.string()),
  numComments: optional(z.number()),
});

export type HfPaper = z.infer<typeof hfPaperSchema>;
export type HfDailyEntry = z.infer<typeof hfDailyEntrySchema>;

/** The authors' names, skipping entries without one. */
export function hfAuthorNames(paper: HfPaper): string[] {
  return (paper.authors ?? []).flatMap((author) => {
    const parsed = hfAuthorSchema.safeParse(author);
    const name = parsed.success ? parsed.data.name?.trim() : undefined;
    return name ? [name] : [];
  });
}

/**
 * What Hugging Face adds to a paper. Absent fields stay absent (no `undefined` keys).
 *
 * @example hfExtras(entry.paper); // { upvotes: 47, projectPage: 'https://…', featuredOn: '2026-09-18' }
 */
export function hfExtras(paper: HfPaper): PaperExtras {
  const extras: PaperExtras = {};
  if (paper.upvotes != null) extras.upvotes = paper.upvotes;
  if (paper.githubRepo) extras.githubRepo = paper.githubRepo;
  if (paper.githubStars != null) extras.githubStars = paper.githubStars;
  if (paper.projectPage) extras.projectPage = paper.projectPage;
  const keywords = paper.ai_keywords?.map((k) => k.trim()).filter(Boolean);
  if (keywords?.length) extras.aiKeywords = keywords;
  const summary = paper.ai_summary?.trim();
  if (summary) extras.aiSummary = summary;
  const featuredOn = featuredDay(paper.submittedOnDailyAt);
  if (featuredOn) extras.featuredOn = featuredOn;
  return extras;
}

/** `2026-09-18T00:00:00.000Z` → `2026-09-18` (UTC); undefined if unreadable. */
function featuredDay(value: string | null | undefined): string | undefined {
  const time = value ? Date.parse(value) : Number.NaN;
  return Number.isNaN(time) ? undefined : isoDay(time);
}
