import { z } from 'zod';

/** Where links to a paper point. Absent links are omitted; `code` and `project` may be empty. */
export const paperLinksSchema = z.object({
  abs: z.url().optional(),
  pdf: z.url().optional(),
  hf: z.url().optional(),
  /** An arXiv title search, for papers whose identifier we do not know. */
  search: z.url().optional(),
  code: z.array(z.url()),
  project: z.array(z.url()),
});

export const paperSchema = z.object({
  /** Stable: the arXiv id where known, else a short slug of the title. */
  id: z
    .string()
    .min(1)
    .max(80)
    .regex(/^[a-z0-9./-]+$/),
  title: z.string().min(1),
  /** Abstract as displayed: LaTeX and markup residue made readable. */
  abstract: z.string().min(1),
  /** Abstract exactly as the source gave it. */
  rawAbstract: z.string().min(1),
  arxivId: z.string().nullable(),
  authors: z.array(z.string().min(1)),
  /** `YYYY-MM` of first arXiv submission, from the identifier. */
  published: z
    .string()
    .regex(/^\d{4}-\d{2}$/)
    .nullable(),
  tldr: z.string().min(1),
  /** Whose summary `tldr` is: ours (extractive, from the abstract) unless Hugging Face wrote it. */
  tldrBy: z.literal('huggingface').optional(),
  links: paperLinksSchema,
  source: z.object({ file: z.string(), line: z.number().int().positive() }),
});

export type Paper = z.infer<typeof paperSchema>;
export type PaperLinks = z.infer<typeof paperLinksSchema>;

export const corpusFileSchema = z.object({
  version: z.literal(1),
  sources: z.array(z.string()),
  papers: z.array(paperSchema),
});

export type CorpusFile = z.infer<typeof corpusFileSchema>;
