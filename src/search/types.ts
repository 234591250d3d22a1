import type { Paper } from '../corpus/paper.js';

/** One ranked result. `score` is relative to the query; higher is better. */
export interface SearchHit {
  paper: Paper;
  score: number;
  /**
   * How it matched, where the engine says (a query's hits; not `similar`): every word and phrase
   * of the query in some form, at least one word exactly as typed, and any word at all (false for
   * a paper listed for its meaning alone, by the second stage). Digests list only papers with the
   * first two (src/digests/digest-papers.ts).
   */
  match?: { allWords: boolean; typedWord: boolean; anyWord: boolean };
}

/** Per query: which page of hits. (How the engine searches is `SearchOptions`, in options.ts.) */
export interface QueryOptions {
  /** How many hits to return (after `offset`); the engine's `defaultLimit` when left out. */
  limit?: number;
  offset?: number;
}

export interface SearchResponse {
  /** The query as given. */
  query: string;
  /** The page of hits asked for, best first. */
  hits: SearchHit[];
  /** How many hits the query has in all, before paging. */
  total: number;
  /** A query that would find something, when this one finds nothing ("Did you mean …"). */
  suggestion: string | null;
  /** True when the query named one paper directly (arXiv id or URL). */
  direct: boolean;
  /**
   * When papers were found but none matches every word of the query: the words that no paper
   * holds in any form (`speculative` in `speculative decoding`), as typed; else empty. Always set
   * by the engine; optional only so that hand-made responses (tests, fakes) need not say.
   *
   * @example
   * search.search('speculative decoding').unmatched; // ['speculative']
   */
  unmatched?: string[];
}

/** What {@link PaperSearch.upsert} did, by paper id. */
export interface UpsertResult {
  /** Ids that were not here before. */
  added: string[];
  /** Ids that were here, now with another version of the paper. */
  updated: string[];
}

/**
 * What the rest of Paperbot needs from search. Knows nothing of Slack: a query string in,
 * ranked papers out.
 */
export interface PaperSearch {
  /** Papers searched now (upserts add to it). */
  readonly size: number;
  search(query: string, options?: QueryOptions): SearchResponse;
  /** The papers most like `id` (itself excluded), best first; the engine's `similarLimit` of them by default. Empty for an unknown id. */
  similar(id: string, limit?: number): SearchHit[];
  /** A paper by its id, arXiv id (any version) or arXiv / Hugging Face URL. */
  get(ref: string): Paper | undefined;
  /** Every paper: those given at the start, then those added since, in the order they came (a replaced paper keeps its place). */
  all(): readonly Paper[];
  /**
   * Adds papers, and replaces the paper of the same id where there is one (a newer arXiv
   * version: its title, abstract, authors, TL;DR and links), in place: when it returns, every
   * other method sees the change. Of two papers with one id in `papers`, the later wins. A
   * paper equal to the one here already changes nothing and is in neither list.
   *
   * @example
   * search.upsert([paper]); // { added: ['2501.01234'], updated: [] }
   * search.get('2501.01234')?.title; // paper.title
   */
  upsert(papers: readonly Paper[]): UpsertResult;
  /**
   * The built index as bytes, for a fast start: pass them back as `createPaperSearch(papers, { snapshot })`
   * (after upserts, with `papers` being `all()`).
   * Optional: other implementations may not have one.
   */
  snapshot?(): Uint8Array;
  /**
   * Resolves when work an upsert started in the background is over (learning the semantic
   * model again once enough papers have arrived); searches are served meanwhile.
   * Optional: other implementations may have none.
   */
  settled?(): Promise<void>;
}
