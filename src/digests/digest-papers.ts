import type { Paper } from '../corpus/paper.js';
import type { PaperSearch } from '../search/types.js';

/** What goes into one digest: the best new papers, and how many new papers matched in all. */
export interface DigestPapers {
  papers: Paper[];
  total: number;
}

export interface DigestPick {
  /** At most this many papers listed. */
  maxPapers: number;
  /** The watch query's best hits over the whole library considered. */
  searchDepth: number;
  /** A paper is kept only at or above this share of the query's best score in the whole library. */
  relevanceFloor: number;
}

/**
 * The papers of `newIds` (first stored in the digest's window) that match `query`, best first.
 * NOTE: ranked against the whole library, not among the new papers alone: term statistics then
 * mean what they mean in a search, and the floor compares a new paper with the best paper there
 * is on the topic, so a day of weak matches posts nothing rather than the least bad of them.
 *
 * @example digestPapers(search, 'rope author:su', new Set(['2104.09864']), DIGESTS)
 */
export function digestPapers(search: PaperSearch, query: string, newIds: ReadonlySet<string>, pick: DigestPick): DigestPapers {
  if (newIds.size === 0) return { papers: [], total: 0 };
  const { hits } = search.search(query, { limit: pick.searchDepth });
  const best = hits[0]?.score ?? 0;
  const floor = best * pick.relevanceFloor;
  const matched = hits.filter((hit) => newIds.has(hit.paper.id) && hit.score >= floor).map((hit) => hit.paper);
  return { papers: matched.slice(0, pick.maxPapers), total: matched.length };
}
