import MiniSearch, { type Options } from 'minisearch';
import type SearchableMap from 'minisearch/SearchableMap';
import { FIELDS } from './fields.js';
import type { IndexParts } from './index-parts.js';

/** A term's postings: field id → (document short id → term frequency). */
export type TermPostings = ReadonlyMap<number, ReadonlyMap<number, number>>;

/**
 * The parts of a MiniSearch index that ranking reads directly, and that a bulk build fills.
 *
 * NOTE: MiniSearch's own `search` builds a result object for every matching document and sorts
 * them all; at 100,000 abstracts a common word costs it over 150 ms. Ranking here reads the
 * postings instead, scores into typed arrays and keeps only the top hits. Likewise its `add`
 * and `loadJS` fill the index one posting at a time, too slowly at that size, so
 * {@link assembleMiniSearch} fills it from postings built in bulk. These fields are `protected`
 * in MiniSearch 7 and stable across its 7.x releases; this file is the only one that touches
 * them, {@link readInternals} checks their shape, and a test checks that an assembled index
 * equals one built by `addAll`, so an upgrade that changes them fails loudly, not with wrong results.
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

interface WritableInternals {
  _index: SearchableMap<TermPostings>;
  _documentIds: Map<number, string>;
  _idToShortId: Map<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _fieldIds: Record<string, number>;
  _nextId: number;
  _documentCount: number;
}

/**
 * A MiniSearch instance holding exactly the postings, field lengths and ids of `parts`, as if
 * every paper had been `add`ed in order. `options.fields` must be {@link FIELDS}.
 */
export function assembleMiniSearch<T>(options: Options<T>, parts: IndexParts): MiniSearch<T> {
  const mini = new MiniSearch<T>(options);
  const state = mini as unknown as WritableInternals;
  readInternals(mini);
  if (FIELDS.some((field, i) => state._fieldIds[field] !== i)) throw new Error('assembleMiniSearch needs the fields in FIELDS order.');
  const fieldCount = FIELDS.length;
  const size = parts.ids.length;
  state._documentCount = size;
  state._nextId = size;
  state._documentIds = new Map(parts.ids.map((id, doc) => [doc, id]));
  state._idToShortId = new Map(parts.ids.map((id, doc) => [id, doc]));
  const totals = new Array<number>(fieldCount).fill(0);
  for (let doc = 0; doc < size; doc++) {
    const lengths = Array.from(parts.fieldLengths.subarray(doc * fieldCount, (doc + 1) * fieldCount));
    lengths.forEach((length, fieldId) => (totals[fieldId]! += length));
    state._fieldLength.set(doc, lengths);
  }
  state._avgFieldLength = totals.map((total) => (size > 0 ? total / size : 0));
  let at = 0;
  parts.terms.forEach((term, termId) => {
    const byField = new Map<number, Map<number, number>>();
    for (let fieldId = 0; fieldId < fieldCount; fieldId++) {
      const count = parts.postingCounts[termId * fieldCount + fieldId]!;
      if (count === 0) continue;
      const postings = new Map<number, number>();
      for (const end = at + count; at < end; at++) postings.set(parts.docs[at]!, parts.frequencies[at]!);
      byField.set(fieldId, postings);
    }
    state._index.set(term, byField);
  });
  return mini;
}

/*
 * In-place edits of an assembled index, for papers that arrive or change after the build (see
 * `PaperIndex.upsert`). They leave the index as `assembleMiniSearch` would have built it with
 * those papers in it, except that a rewritten paper comes last in its terms' Maps (order there
 * is never relied on: ranking breaks ties by short id).
 */

type MutablePostings = Map<number, Map<number, number>>;

function writable(internals: MiniSearchInternals): WritableInternals {
  return internals as unknown as WritableInternals;
}

/**
 * Adds postings of `term` in field `fieldId`: paper `docs[i]` holds it `frequencies[i]` times.
 * Fields stay in field-id order, as a build lays them out, so per-field sums add up in the same order.
 */
export function addPostings(internals: MiniSearchInternals, term: string, fieldId: number, docs: readonly number[], frequencies: readonly number[]): void {
  const index = writable(internals)._index;
  let byField = index.get(term) as MutablePostings | undefined;
  if (byField === undefined) {
    byField = new Map();
    index.set(term, byField);
  }
  let postings = byField.get(fieldId);
  if (postings === undefined) {
    postings = new Map();
    const later = [...byField].filter(([other]) => other > fieldId);
    for (const [other] of later) byField.delete(other);
    byField.set(fieldId, postings);
    for (const [other, docsOfOther] of later) byField.set(other, docsOfOther);
  }
  for (let i = 0; i < docs.length; i++) postings.set(docs[i]!, frequencies[i]!);
}

/** Removes the postings of `term` in field `fieldId` for `docs`; drops the field, and the term, when none are left. */
export function removePostings(internals: MiniSearchInternals, term: string, fieldId: number, docs: readonly number[]): void {
  const index = writable(internals)._index;
  const byField = index.get(term) as MutablePostings | undefined;
  const postings = byField?.get(fieldId);
  if (!byField || !postings) return;
  for (const doc of docs) postings.delete(doc);
  if (postings.size === 0) byField.delete(fieldId);
  if (byField.size === 0) index.delete(term);
}

/** Records paper `doc` (a new short id is the next one) with its distinct terms per field. */
export function writeDocument(internals: MiniSearchInternals, doc: number, id: string, fieldLengths: readonly number[]): void {
  const state = writable(internals);
  if (!state._documentIds.has(doc)) {
    if (doc !== state._nextId) throw new Error(`A new paper must take short id ${state._nextId}, not ${doc}.`);
    state._nextId += 1;
    state._documentCount += 1;
  }
  state._documentIds.set(doc, id);
  state._idToShortId.set(id, doc);
  state._fieldLength.set(doc, [...fieldLengths]);
}

/** Sets the average distinct terms per field, as `assembleMiniSearch` computes them (`total / papers`). */
export function writeAverageFieldLengths(internals: MiniSearchInternals, totals: readonly number[]): void {
  const state = writable(internals);
  const size = state._documentCount;
  state._avgFieldLength = totals.map((total) => (size > 0 ? total / size : 0));
}
