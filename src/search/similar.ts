import { nameTerms } from './analyzer.js';
import { FIELDS, type IndexablePaper } from './fields.js';
import { documentTerms } from './index-builder.js';
import type { TermPostings } from './minisearch-internals.js';
import type { SearchOptions } from './options.js';
import type { PaperIndex } from './paper-index.js';
import { TopK } from './top-k.js';

/**
 * "More like this": tf-idf cosine between papers over the index's own terms (title weighted
 * above abstract, authors a little), so similar papers share what ranking would match on.
 * A term weighs ln(1 + weighted frequency) · ln(papers / papers with it). Document vector norms
 * are computed once, on first use, in one pass over the index; buffers are reused across calls.
 * Fields are weighted by the `similarFields` search option.
 */
export class SimilarPapers {
  private norms: Float64Array | null = null;
  private readonly weights: readonly number[];
  /** Per paper, for the current term: its weighted frequency. */
  private readonly weighted: Float64Array;
  /** Papers holding the current term. */
  private readonly holders: Int32Array;
  /** Per paper: dot product with the paper asked about, and the papers with one. */
  private readonly dots: Float64Array;
  private readonly candidates: Int32Array;

  constructor(
    private readonly index: PaperIndex,
    options: Pick<SearchOptions, 'similarFields'>,
  ) {
    const weights: number[] = [];
    for (const field of FIELDS) weights[index.fieldId(field)] = options.similarFields[field];
    this.weights = weights;
    [this.weighted, this.dots] = [new Float64Array(index.size), new Float64Array(index.size)];
    [this.holders, this.candidates] = [new Int32Array(index.size), new Int32Array(index.size)];
  }

  /**
   * The papers most like `paper` (short id `doc`), best first, itself excluded; scores are
   * cosines in (0, 1].
   */
  similar(doc: number, paper: IndexablePaper, limit: number): { doc: number; score: number }[] {
    const norms = this.documentNorms();
    const { weighted, holders, dots, candidates } = this;
    let candidateCount = 0;
    for (const term of termsOf(paper, this.index)) {
      const postings = this.index.postings(term);
      if (!postings) continue;
      const count = this.accumulate(postings);
      const idf = Math.log(this.index.size / count);
      const own = Math.log1p(weighted[doc]!) * idf;
      for (let k = 0; k < count; k++) {
        const other = holders[k]!;
        if (own > 0 && other !== doc) {
          if (dots[other] === 0) candidates[candidateCount++] = other;
          dots[other]! += own * Math.log1p(weighted[other]!) * idf;
        }
        weighted[other] = 0;
      }
    }
    const top = new TopK(limit);
    const ownNorm = norms[doc]!;
    for (let k = 0; k < candidateCount; k++) {
      const other = candidates[k]!;
      const denominator = ownNorm * norms[other]!;
      if (denominator > 0) top.push(dots[other]! / denominator, other);
      dots[other] = 0;
    }
    return top.sorted();
  }

  /** Adds one term's weighted frequencies to {@link weighted}; returns how many papers hold it (listed in {@link holders}). */
  private accumulate(postings: TermPostings): number {
    const { weighted, holders, weights } = this;
    let count = 0;
    postings.forEach((frequencies, fieldId) => {
      const weight = weights[fieldId] ?? 0;
      if (weight === 0) return;
      frequencies.forEach((frequency, d) => {
        if (weighted[d] === 0) holders[count++] = d;
        weighted[d]! += weight * frequency;
      });
    });
    return count;
  }

  private documentNorms(): Float64Array {
    if (this.norms) return this.norms;
    const squares = new Float64Array(this.index.size);
    const { weighted, holders } = this;
    for (const [, postings] of this.index.entries()) {
      const count = this.accumulate(postings);
      const idf = Math.log(this.index.size / count);
      for (let k = 0; k < count; k++) {
        const d = holders[k]!;
        squares[d]! += (Math.log1p(weighted[d]!) * idf) ** 2;
        weighted[d] = 0;
      }
    }
    this.norms = squares.map(Math.sqrt);
    return this.norms;
  }
}

function termsOf(paper: IndexablePaper, index: PaperIndex): Set<string> {
  return new Set([...documentTerms(paper.title, index.acronyms), ...documentTerms(paper.abstract, index.acronyms), ...paper.authors.flatMap(nameTerms)]);
}
