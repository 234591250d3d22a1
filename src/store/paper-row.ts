import type { Paper } from '../corpus/paper.js';
import type { PaperExtras, SourcedPaper } from '../corpus/sourced-paper.js';
import type { StoredPaper } from './paper-repository.js';
import type { PaperRow } from './schema.js';

/**
 * Between papers as the code sees them and rows as the tables hold them. JSON columns are
 * encoded here and nowhere else.
 */

/** The columns a source decides: everything but the id, the times and the sequence number. */
export type PaperContent = Omit<PaperRow, 'id' | 'first_seen_at' | 'updated_at' | 'seq' | 'first_seq'>;

/** The columns that come with a version of the text: replaced together or not at all. */
export type TextColumns = Pick<
  PaperContent,
  | 'arxiv_id'
  | 'title'
  | 'abstract'
  | 'raw_abstract'
  | 'authors'
  | 'published'
  | 'tldr'
  | 'tldr_by'
  | 'links'
  | 'origin_file'
  | 'origin_line'
  | 'text_source'
  | 'version'
  | 'version_date'
>;

/** The Hugging Face extras: each one a source gives replaces the stored one; one it omits is kept. */
export type ExtrasColumns = Omit<PaperContent, keyof TextColumns>;

/** Every column of `papers` a write sets, id aside. */
export const CONTENT_COLUMNS = [
  'arxiv_id',
  'title',
  'abstract',
  'raw_abstract',
  'authors',
  'published',
  'tldr',
  'tldr_by',
  'links',
  'origin_file',
  'origin_line',
  'text_source',
  'version',
  'version_date',
  'upvotes',
  'github_repo',
  'github_stars',
  'project_page',
  'ai_keywords',
  'ai_summary',
  'featured_on',
] as const satisfies readonly (keyof PaperContent)[];

/** Only the content columns of a row. */
export function contentOf(row: PaperContent): PaperContent {
  return Object.fromEntries(CONTENT_COLUMNS.map((column) => [column, row[column]])) as PaperContent;
}

/** The text columns of a source's paper. */
export function textColumns({ paper, extras, source }: SourcedPaper): TextColumns {
  return {
    arxiv_id: paper.arxivId,
    title: paper.title,
    abstract: paper.abstract,
    raw_abstract: paper.rawAbstract,
    authors: JSON.stringify(paper.authors),
    published: paper.published,
    tldr: paper.tldr,
    tldr_by: paper.tldrBy ?? null,
    links: canonicalJson(paper.links),
    origin_file: paper.source.file,
    origin_line: paper.source.line,
    text_source: source,
    version: extras.version ?? null,
    version_date: extras.versionDate ?? null,
  };
}

/** The extras a source gives, as columns; those it omits are absent (not null). */
export function extrasColumns(extras: PaperExtras): Partial<ExtrasColumns> {
  const columns: Partial<ExtrasColumns> = {
    upvotes: extras.upvotes,
    github_repo: extras.githubRepo,
    github_stars: extras.githubStars,
    project_page: extras.projectPage,
    ai_keywords: extras.aiKeywords && JSON.stringify(extras.aiKeywords),
    ai_summary: extras.aiSummary,
    featured_on: extras.featuredOn,
  };
  return Object.fromEntries(Object.entries(columns).filter(([, value]) => value !== undefined));
}

/** A row and its sources as a {@link StoredPaper}. */
export function toStoredPaper(row: PaperRow, sources: string[]): StoredPaper {
  const paper: Paper = {
    id: row.id,
    title: row.title,
    abstract: row.abstract,
    rawAbstract: row.raw_abstract,
    arxivId: row.arxiv_id,
    authors: JSON.parse(row.authors) as string[],
    published: row.published,
    tldr: row.tldr,
    links: JSON.parse(row.links) as Paper['links'],
    source: { file: row.origin_file, line: row.origin_line },
  };
  if (row.tldr_by === 'huggingface') paper.tldrBy = row.tldr_by;
  const extras: PaperExtras = {
    version: row.version ?? undefined,
    versionDate: row.version_date ?? undefined,
    upvotes: row.upvotes ?? undefined,
    githubRepo: row.github_repo ?? undefined,
    githubStars: row.github_stars ?? undefined,
    projectPage: row.project_page ?? undefined,
    aiKeywords: row.ai_keywords === null ? undefined : (JSON.parse(row.ai_keywords) as string[]),
    aiSummary: row.ai_summary ?? undefined,
    featuredOn: row.featured_on ?? undefined,
  };
  for (const key of Object.keys(extras) as (keyof PaperExtras)[]) if (extras[key] === undefined) delete extras[key];
  return { paper, extras, sources, firstSeenAt: row.first_seen_at, updatedAt: row.updated_at, seq: row.seq };
}

/**
 * JSON with object keys sorted, so equal values give equal text whatever order a source built
 * them in (a re-fetch must not look like a change).
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}
