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
  watches: WatchesTable;
  digest_claims: DigestClaimsTable;
  claims: ClaimsTable;
  leases: LeasesTable;
  installations: InstallationsTable;
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
  /** The change number the paper was first stored with; never changes (null only in a store older than 0005, never after it). */
  first_seq: number | null;
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

/** A channel's standing query: a digest of new matching papers, daily or weekly. */
export interface WatchesTable {
  /** A random UUID. */
  id: string;
  team_id: string;
  enterprise_id: string | null;
  channel: string;
  /** Its number in the channel (`/paper unwatch 2`): the next free one when it was set. */
  number: number;
  /** As typed. */
  query: string;
  /** The query lowercased with its spaces collapsed: one watch per channel and query. */
  query_key: string;
  cadence: 'daily' | 'weekly';
  /** Who set it; null once they asked to be forgotten. */
  created_by: string | null;
  created_at: string;
  /** Set when a digest could not be posted in the channel (the bot was removed, …): no digests until it is set again. */
  paused_at: string | null;
  paused_reason: string | null;
}

/**
 * One digest period of one watch, claimed before its digest is posted: the primary key makes the
 * claim, so a period is posted at most once, whoever tries. `state`: `claimed` (posting, or the
 * process stopped while it was), `posted`, `empty` (nothing new), `failed`. The window is the
 * papers' `first_seen_at` range it covers; the next digest starts where the last posted or empty
 * one ended, so papers of a failed period are not lost.
 */
export interface DigestClaimsTable {
  watch_id: string;
  /** `daily:2026-12-01`, `weekly:2026-11-30` (the Monday). */
  period: string;
  state: 'claimed' | 'posted' | 'empty' | 'failed';
  claimed_at: string;
  /** Which process claimed it (host and pid), for the operator. */
  claimed_by: string;
  window_from: string;
  window_to: string;
  papers: number | null;
  message_ts: string | null;
  error: string | null;
  finished_at: string | null;
  /** The papers' change number the digest covered up to (`first_seq` ≤ this); null for claims older than 0005. */
  seq_to: number | null;
}

/** Something one instance took on for a while: a Slack event, a Share click (`kind` says which). */
export interface ClaimsTable {
  kind: string;
  id: string;
  claimed_at: string;
  /** After this the claim is void: the id may be claimed again (and the row purged). */
  expires_at: string;
}

/** A job only one instance may run at a time (fetching sources, posting digests), held until `expires_at` unless renewed. */
export interface LeasesTable {
  name: string;
  /** Which instance holds it (host, pid and a random part). */
  holder: string;
  acquired_at: string;
  expires_at: string;
}

/** A workspace (or an Enterprise Grid org) Paperbot was installed in through OAuth. */
export interface InstallationsTable {
  /** The enterprise id for an org-wide install, else the team id. */
  key: string;
  team_id: string | null;
  enterprise_id: string | null;
  /** 1 for an org-wide install (no booleans: see above). */
  is_enterprise_install: number;
  bot_user_id: string | null;
  bot_id: string | null;
  /** The installation (tokens included) encrypted with PAPERBOT_ENCRYPTION_KEY; never plain text. */
  sealed: string;
  installed_at: string;
  updated_at: string;
}

export type PaperRow = Selectable<PapersTable>;
export type WatchRow = Selectable<WatchesTable>;
export type SourceStateRow = Selectable<SourceStateTable>;
export type ShareRow = Selectable<SharesTable>;

/** The counter row that hands out `papers.seq`. */
export const PAPER_SEQ_COUNTER = 'papers.seq';
