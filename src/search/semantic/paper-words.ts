/** What the semantic model reads of the index: each paper's title and abstract words, as term ids. */
export interface PaperWords {
  readonly size: number;
  /** Term ids run from 0 to `termCount − 1`. */
  readonly termCount: number;
  /** Term ids of the title's words, −1, then the abstract's (stop words left out). */
  sequenceOf(doc: number): Int32Array;
  termOf(termId: number): string;
}

/**
 * A copy of the papers' words as they are now, for work that runs in slices while the index
 * takes new papers (a refresh of the semantic model): about 4 bytes a word.
 */
export function copyPaperWords(papers: PaperWords): PaperWords {
  const starts = new Uint32Array(papers.size + 1);
  for (let doc = 0; doc < papers.size; doc++) starts[doc + 1] = starts[doc]! + papers.sequenceOf(doc).length;
  const sequence = new Int32Array(starts[papers.size]!);
  for (let doc = 0; doc < papers.size; doc++) sequence.set(papers.sequenceOf(doc), starts[doc]);
  const terms = Array.from({ length: papers.termCount }, (_, id) => papers.termOf(id));
  return {
    size: papers.size,
    termCount: terms.length,
    sequenceOf: (doc) => sequence.subarray(starts[doc], starts[doc + 1]),
    termOf: (id) => terms[id]!,
  };
}
