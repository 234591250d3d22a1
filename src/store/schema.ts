import type { Generated, Selectable } from 'kysely';

/**
 * The store's tables, as Kysely sees them. The same types on both engines: times are ISO 8601
 * UTC strings (`2025-01-31T09:00:00.000Z`, which sort as text), lists and objects are JSON text
 * that paper-row.ts encodes and decodes, and there are no booleans. Columns change only through
 * a new migration in migrations/.
 */
export interface Database {
  papers: PapersTable;
  paper_sources: PaperSourcesTable;
  source_state: SourceStateTable;
  counters: CountersTable;
  shares: SharesTable;
  saves: SavesTable;
}

/** One row per paper: the version-less arXiv id, or the title slug for papers without one. */
export interface PapersTable {
  id: string;
  arxiv_id: string | null;
  title: string;
  abstract: string;
  raw_abstract: string;
  /** JSON array of names. */
  authors: string;
  /** `YYYY-MM`. */
  published: string | null;
  tldr: string;
  /** `Paper.tldrBy`: 'huggingface' when Hugging Face wrote the TL;DR, null when we extracted it. */
  tldr_by: string | null;
  /** JSON object (`PaperLinks`), keys sorted so equal links are equal text. */
  links: string;
  /** `Paper.source`: where the text was read (file and line). */
  origin_file: string;
  origin_line: number;
  /** The source (`arxiv:cs.CL`, `page:…`) whose text the row holds. */
  text_source: string;
  /** arXiv version of the text held; null when no source said. */
  version: number | null;
  version_date: string | null;
  upvotes: number | null;
  github_repo: string | null;
  github_stars: number | null;
  project_page: string | null;
  /** JSON array of Hugging Face's `ai_keywords`. */
  ai_keywords: string | null;
  ai_summary: string | null;
  /** `YYYY-MM-DD`. */
  featured_on: string | null;
  first_seen_at: string;
  /** When anything stored about the paper last changed (text, extras or sources). */
  updated_at: string;
  /** The change sequence number: unique, and higher for every later change (paper-repository.ts). */
  seq: number;
}

/** Which sources have seen a paper. */
export interface PaperSourcesTable {
  paper_id: string;
  source: string;
  first_seen_at: string;
}

/** One row per source: its fetch state, for scheduling and `/paper status`. */
export interface SourceStateTable {
  source: string;
  last_success_at: string | null;
  last_added: number | null;
  last_updated: number | null;
  last_error: string | null;
  last_error_at: string | null;
  consecutive_failures: number;
  next_run_at: string | null;
}

/** Named counters; `papers.seq` hands out change sequence numbers. */
export interface CountersTable {
  name: string;
  value: number;
}

/** One paper card shared into a channel (or a thread), with the size of its thread's discussion. */
export interface SharesTable {
  team_id: string;
  enterprise_id: string | null;
  channel: string;
  /** The card's ts: the thread its discussion happens in. */
  message_ts: string;
  permalink: string | null;
  paper_id: string;
  /** Who shared it; null once they asked to be forgotten. */
  user_id: string | null;
  shared_at: string;
  reply_count: Generated<number>;
  /** The newest reply counted: a redelivered reply (same ts) is not counted twice. */
  last_reply_ts: string | null;
}

/** One paper on one person's reading list. */
export interface SavesTable {
  team_id: string;
  enterprise_id: string | null;
  user_id: string;
  paper_id: string;
  saved_at: string;
  read_at: string | null;
}

export type PaperRow = Selectable<PapersTable>;
export type SourceStateRow = Selectable<SourceStateTable>;
export type ShareRow = Selectable<SharesTable>;

/** The counter row that hands out `papers.seq`. */
export const PAPER_SEQ_COUNTER = 'papers.seq';
