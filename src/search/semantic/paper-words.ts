import type { Steps } from './work-slices.js';

/** What the semantic model reads of the index: each paper's title and abstract words, as term ids. */
export interface PaperWords {
  readonly size: number;
  /** Term ids run from 0 to `termCount − 1`. */
  readonly termCount: number;
  /** Term ids of the title's words, −1, then the abstract's (stop words left out). */
  sequenceOf(doc: number): Int32Array;
  termOf(termId: number): string;
}

/** Papers copied between two pauses. */
const PAPERS_PER_STEP = 1_024;

/**
 * A copy of the papers' words as they are now, for work that runs in slices while the index
 * takes new papers (a refresh of the semantic model): about 4 bytes a word. Made in slices too:
 * a paper that changes meanwhile may be copied in either version, so the caller notes the
 * papers that change from the start and deals with them after. Terms are read last: term ids
 * only grow, so every id copied has its term.
 */
export function* copyPaperWords(papers: PaperWords): Steps<PaperWords> {
  const size = papers.size;
  const starts = new Uint32Array(size + 1);
  const chunks: Int32Array[] = [];
  for (let doc = 0; doc < size; doc++) {
    if (doc % PAPERS_PER_STEP === 0) yield;
    const words = papers.sequenceOf(doc).slice();
    chunks.push(words);
    starts[doc + 1] = starts[doc]! + words.length;
  }
  const sequence = new Int32Array(starts[size]!);
  chunks.forEach((words, doc) => sequence.set(words, starts[doc]));
  const terms = Array.from({ length: papers.termCount }, (_, id) => papers.termOf(id));
  return {
    size,
    termCount: terms.length,
    sequenceOf: (doc) => sequence.subarray(starts[doc], starts[doc + 1]),
    termOf: (id) => terms[id]!,
  };
}
