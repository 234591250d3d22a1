import type MiniSearch from 'minisearch';
import type SearchableMap from 'minisearch/SearchableMap';

/** A term's postings: field id → (document short id → term frequency). */
export type TermPostings = ReadonlyMap<number, ReadonlyMap<number, number>>;

/**
 * The parts of a MiniSearch index that ranking reads directly.
 *
 * NOTE: MiniSearch's own `search` builds a result object for every matching document and sorts
 * them all; at 100,000 abstracts a common word costs it over 150 ms. Ranking here reads the
 * postings instead, scores into typed arrays and keeps only the top hits. These fields are
 * `protected` in MiniSearch 7 and stable across its 7.x releases; {@link readInternals} checks
 * their shape, so an upgrade that moves them fails loudly at start-up, not with wrong results.
 */
export interface MiniSearchInternals {
  /** Radix tree: term → postings. */
  readonly _index: SearchableMap<TermPostings>;
  /** Short id → document id. */
  readonly _documentIds: ReadonlyMap<number, string>;
  /** Short id → distinct terms per field id. */
  readonly _fieldLength: ReadonlyMap<number, readonly number[]>;
  readonly _avgFieldLength: readonly number[];
  readonly _fieldIds: Readonly<Record<string, number>>;
  readonly _nextId: number;
}

export function readInternals(index: MiniSearch<never> | MiniSearch<unknown>): MiniSearchInternals {
  const view = index as unknown as MiniSearchInternals;
  const ok =
    view._index !== undefined &&
    typeof view._index.get === 'function' &&
    typeof view._index.atPrefix === 'function' &&
    view._documentIds instanceof Map &&
    view._fieldLength instanceof Map &&
    Array.isArray(view._avgFieldLength) &&
    typeof view._fieldIds === 'object' &&
    Number.isInteger(view._nextId);
  if (!ok) {
    throw new Error('This MiniSearch version keeps its index differently from 7.x; update src/search/minisearch-internals.ts.');
  }
  return view;
}
