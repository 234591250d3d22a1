import { Growable } from '../growable.js';
import type { SearchOptions } from '../options.js';
import type { PaperWords } from './paper-words.js';
import type { SparseRows } from './truncated-svd.js';
import type { Steps } from './work-slices.js';

/**
 * The semantic model's input: which terms it learns (its vocabulary), and the papers as tf-idf
 * rows over them (log term frequency, title words counted more, idf, each row of unit length).
 */

/** The options the vocabulary is chosen by. */
export type VocabularyOptions = Pick<SearchOptions['semantic'], 'minDocumentFrequency' | 'maxDocumentShare' | 'maxTerms'>;

/** Papers between two pauses of a build. */
export const PAPERS_PER_STEP = 256;

/** Papers holding each term id, counted once per paper. */
export function* documentFrequencies(papers: PaperWords): Steps<Uint32Array> {
  const frequencies = new Uint32Array(papers.termCount);
  const lastSeen = new Int32Array(papers.termCount).fill(-1);
  for (let doc = 0; doc < papers.size; doc++) {
    if (doc % PAPERS_PER_STEP === 0) yield;
    for (const id of papers.sequenceOf(doc)) {
      if (id < 0 || lastSeen[id] === doc) continue;
      lastSeen[id] = doc;
      frequencies[id]! += 1;
    }
  }
  return frequencies;
}

/**
 * The model's vocabulary, as term ids: terms in at least `minDocumentFrequency` papers (a word
 * of one paper says nothing about which words go together) and in at most `maxDocumentShare` of
 * them, the commonest of those: at most `maxTerms` (where many terms share the frequency at the
 * cut, all of them are left out, so the vocabulary never depends on an order among equals).
 */
export function chooseTerms(frequencies: Uint32Array, papers: PaperWords, options: VocabularyOptions): number[] {
  const highest = Math.floor(options.maxDocumentShare * papers.size);
  // The lowest frequency that keeps at most `maxTerms` terms, from a histogram: no sort of the whole vocabulary.
  const histogram = new Uint32Array(highest + 2);
  for (const df of frequencies) if (df >= options.minDocumentFrequency && df <= highest) histogram[df]! += 1;
  let lowest = highest + 1;
  let taken = 0;
  while (lowest > options.minDocumentFrequency && taken + histogram[lowest - 1]! <= options.maxTerms) taken += histogram[--lowest]!;
  const chosen: number[] = [];
  frequencies.forEach((df, termId) => {
    if (df >= lowest && df <= highest) chosen.push(termId);
  });
  // In term order, not term-id order: a live index numbers its terms otherwise than a fresh
  // build, and the model must not depend on it (a refresh then learns what a build would).
  const terms = chosen.map((termId) => papers.termOf(termId));
  return chosen
    .map((termId, i) => ({ termId, term: terms[i]! }))
    .sort((a, b) => (a.term < b.term ? -1 : 1))
    .map(({ termId }) => termId);
}

/** `count` papers out of `size`, evenly spread (all of them when there are no more). */
export function sample(size: number, count: number): number[] {
  if (size <= count) return Array.from({ length: size }, (_, i) => i);
  return Array.from({ length: count }, (_, i) => Math.floor((i * size) / count));
}

/**
 * Papers as tf-idf rows over the vocabulary: log term frequency (a title word counting
 * `titleWeight` times) times idf, each row of unit length. Reuses one scratch row.
 */
export class WeightedRows {
  private readonly counts: Float64Array;
  private readonly touched: Int32Array;

  constructor(
    private readonly columnOf: Int32Array,
    private readonly idf: Float32Array,
    private readonly titleWeight: number,
  ) {
    this.counts = new Float64Array(idf.length);
    this.touched = new Int32Array(idf.length);
  }

  /** Calls `visit` with each column and weight of paper `doc`'s row; nothing for a paper with no vocabulary word. */
  forEach(papers: PaperWords, doc: number, visit: (column: number, value: number) => void): void {
    const { counts, touched, columnOf, idf } = this;
    let count = 0;
    let weight = this.titleWeight;
    for (const id of papers.sequenceOf(doc)) {
      if (id < 0) {
        weight = 1;
        continue;
      }
      const column = id < columnOf.length ? columnOf[id]! : -1;
      if (column < 0) continue;
      if (counts[column] === 0) touched[count++] = column;
      counts[column]! += weight;
    }
    let norm = 0;
    for (let i = 0; i < count; i++) {
      const column = touched[i]!;
      const value = (1 + Math.log(counts[column]!)) * idf[column]!;
      counts[column] = value;
      norm += value * value;
    }
    norm = Math.sqrt(norm);
    for (let i = 0; i < count; i++) {
      const column = touched[i]!;
      if (norm > 0) visit(column, counts[column]! / norm);
      counts[column] = 0;
    }
  }

  /** The rows of papers `docs`, as a sparse matrix. */
  *matrix(papers: PaperWords, docs: readonly number[]): Steps<SparseRows> {
    const rowStarts = new Uint32Array(docs.length + 1);
    const columnIds = new Growable((n) => new Int32Array(n), 1024);
    const values = new Growable((n) => new Float32Array(n), 1024);
    for (let row = 0; row < docs.length; row++) {
      if (row % PAPERS_PER_STEP === 0) yield;
      this.forEach(papers, docs[row]!, (column, value) => {
        columnIds.push(column);
        values.push(value);
      });
      rowStarts[row + 1] = columnIds.length;
    }
    return { rows: docs.length, columns: this.idf.length, rowStarts, columnIds: columnIds.view(), values: values.view() };
  }
}
