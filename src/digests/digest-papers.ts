import type { Paper } from '../corpus/paper.js';
import type { PaperSearch, SearchHit } from '../search/types.js';

/** What goes into one digest: the best new papers, and how many new papers matched in all. */
export interface DigestPapers {
  papers: Paper[];
  total: number;
}

export interface DigestPick {
  /** At most this many papers listed. */
  maxPapers: number;
  /** A paper is kept only at or above this share of the best score of such papers in the whole library. */
  relevanceFloor: number;
}

/** A hit that matches the whole query (every word in some form) and holds one of its words as typed. */
const matchesQuery = (hit: SearchHit): boolean => !hit.match || (hit.match.allWords && hit.match.typedWord);

/**
 * The papers of `newIds` (first stored in the digest's window) that match `query`, best first.
 * Two bars, both needed: the paper matches every word of the query (in some form) and holds one
 * of them as typed, so a paper found only through a side word or a typo correction is never
 * news; and it scores at least `relevanceFloor` of the best such paper in the whole library.
 * NOTE: ranked against the whole library, not among the new papers alone, so term statistics
 * mean what they mean in a search; every hit the engine lists is looked at (no depth cut-off),
 * so a new paper far down a broad query is still found.
 *
 * @example digestPapers(search, 'rope author:su', new Set(['2104.09864']), DIGESTS)
 */
export function digestPapers(search: PaperSearch, query: string, newIds: ReadonlySet<string>, pick: DigestPick): DigestPapers {
  if (newIds.size === 0) return { papers: [], total: 0 };
  const { total } = search.search(query, { limit: 1 });
  if (total === 0) return { papers: [], total: 0 };
  const hits = search.search(query, { limit: total }).hits.filter(matchesQuery);
  const best = hits.reduce((max, hit) => Math.max(max, hit.score), 0);
  const floor = best * pick.relevanceFloor;
  const matched = hits.filter((hit) => newIds.has(hit.paper.id) && hit.score >= floor).map((hit) => hit.paper);
  return { papers: matched.slice(0, pick.maxPapers), total: matched.length };
}
