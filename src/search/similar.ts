import { SEARCH } from '../config.js';
import { nameTerms } from './analyzer.js';
import { documentTerms } from './index-builder.js';
import { FIELDS, type IndexablePaper } from './fields.js';
import type { PaperIndex } from './paper-index.js';
import type { TermPostings } from './minisearch-internals.js';
import { TopK } from './top-k.js';

/**
 * "More like this": tf-idf cosine between papers over the index's own terms (title weighted
 * above abstract, authors a little), so similar papers share what ranking would match on.
 * Document vector norms are computed once, on first use, in one pass over the index.
 */
export class SimilarPapers {
  private norms: Float64Array | null = null;
  private readonly weights: readonly number[];
  private readonly scratch: Float64Array;

  constructor(private readonly index: PaperIndex) {
    const weights: number[] = [];
    for (const field of FIELDS) weights[index.fieldId(field)] = SEARCH.similarFields[field];
    this.weights = weights;
    this.scratch = new Float64Array(index.size);
  }

  /**
   * The papers most like `paper` (short id `doc`), best first, itself excluded; scores are
   * cosines in (0, 1].
   */
  similar(doc: number, paper: IndexablePaper, limit: number): { doc: number; score: number }[] {
    const norms = this.documentNorms();
    const dots = new Float64Array(this.index.size);
    const touched: number[] = [];
    for (const term of termsOf(paper, this.index)) {
      const postings = this.index.postings(term);
      if (!postings) continue;
      this.visit(postings, (docs, weightOf) => {
        const own = weightOf(doc);
        if (own === 0) return;
        for (const other of docs) {
          if (other === doc) continue;
          if (dots[other] === 0) touched.push(other);
          dots[other]! += own * weightOf(other);
        }
      });
    }
    const top = new TopK(limit);
    const ownNorm = norms[doc]!;
    for (const other of touched) {
      const denominator = ownNorm * norms[other]!;
      if (denominator > 0 && dots[other]! > 0) top.push(dots[other]! / denominator, other);
    }
    return top.sorted();
  }

  /**
   * Walks one term's postings: accumulates its weighted frequency per paper, then hands the
   * papers and their tf-idf weights to `use`.
   */
  private visit(postings: TermPostings, use: (docs: number[], weightOf: (doc: number) => number) => void): void {
    const { scratch, weights } = this;
    const docs: number[] = [];
    for (const [fieldId, frequencies] of postings) {
      const weight = weights[fieldId] ?? 0;
      if (weight === 0) continue;
      for (const [d, frequency] of frequencies) {
        if (scratch[d] === 0) docs.push(d);
        scratch[d]! += weight * frequency;
      }
    }
    const idf = Math.log(this.index.size / Math.max(docs.length, 1));
    use(docs, (d) => Math.log1p(scratch[d]!) * idf);
    for (const d of docs) scratch[d] = 0;
  }

  private documentNorms(): Float64Array {
    if (this.norms) return this.norms;
    const squares = new Float64Array(this.index.size);
    for (const [, postings] of this.index.entries()) {
      this.visit(postings, (docs, weightOf) => {
        for (const d of docs) squares[d]! += weightOf(d) ** 2;
      });
    }
    this.norms = squares.map(Math.sqrt);
    return this.norms;
  }
}

function termsOf(paper: IndexablePaper, index: PaperIndex): Set<string> {
  return new Set([...documentTerms(paper.title, index.acronyms), ...documentTerms(paper.abstract, index.acronyms), ...paper.authors.flatMap(nameTerms)]);
}
