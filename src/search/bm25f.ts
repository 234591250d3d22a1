import type { SearchOptions } from './options.js';
import type { PaperIndex } from './paper-index.js';

/** A term and how much one occurrence of it counts. */
export interface WeightedTerm {
  term: string;
  weight: number;
}

/**
 * BM25F (Robertson & Zaragoza, 2009): a term's frequencies in title, abstract and authors are
 * weighted and length-normalised per field, summed, and saturated once, so a word in the title
 * counts more than one in the abstract but repeating it everywhere does not count forever.
 *
 * NOTE: results go to buffers the scorer owns and reuses ({@link docs}, {@link scores}), valid
 * until the next call: at 100,000 papers fresh arrays per query kept the garbage collector busy
 * for a fifth of the time and made the slowest queries ten times slower than the median.
 */
export class Bm25fScorer {
  /** Papers scored by the last call (the first `count` entries), in no order. */
  readonly docs: Int32Array;
  /** Their scores, by position in {@link docs}. */
  readonly scores: Float64Array;
  /**
   * By position in {@link docs}: 1 when a term of full weight (the word itself, not a typo
   * correction or a completion at a lower weight) is in the paper.
   */
  readonly direct: Uint8Array;
  private readonly weighted: Float64Array;
  private readonly full: Uint8Array;
  private readonly boosts: readonly number[];
  private readonly k1: number;

  /** Field weights and length norms come from the index; `k1` from the options; buffers hold `capacity` papers. */
  constructor(
    private readonly index: PaperIndex,
    options: Pick<SearchOptions, 'k1'>,
    capacity = index.size,
  ) {
    this.docs = new Int32Array(capacity);
    this.scores = new Float64Array(capacity);
    this.weighted = new Float64Array(capacity);
    this.direct = new Uint8Array(capacity);
    this.full = new Uint8Array(capacity);
    this.boosts = index.boosts;
    this.k1 = options.k1;
  }

  /** Scores one term; returns how many papers hold it. */
  score(term: string): number {
    return this.scoreAny([{ term, weight: 1 }]);
  }

  /**
   * Scores several terms as one (synonyms, completions, corrections of one word): their weighted
   * frequencies add up and they share one idf, that of the papers holding any of them, so a
   * rare variant cannot outweigh the word itself. Returns how many papers hold any.
   */
  scoreAny(terms: readonly WeightedTerm[]): number {
    const { weighted, docs, boosts, full } = this;
    let count = 0;
    for (const { term, weight } of terms) {
      const postings = this.index.postings(term);
      if (!postings) continue;
      const isFull = weight >= 1 ? 1 : 0;
      postings.forEach((frequencies, fieldId) => {
        const boost = (boosts[fieldId] ?? 0) * weight;
        if (boost === 0) return;
        const norms = this.index.lengthNorms[fieldId]!;
        frequencies.forEach((frequency, doc) => {
          if (weighted[doc] === 0) docs[count++] = doc;
          weighted[doc]! += (boost * frequency) / norms[doc]!;
          full[doc]! |= isFull;
        });
      });
    }
    if (count === 0) return 0;
    const idf = this.idf(count);
    const k1 = this.k1;
    for (let i = 0; i < count; i++) {
      const doc = docs[i]!;
      const tf = weighted[doc]!;
      this.scores[i] = (idf * tf * (k1 + 1)) / (tf + k1);
      this.direct[i] = full[doc]!;
      weighted[doc] = 0;
      full[doc] = 0;
    }
    return count;
  }

  /** The most one term can add to any paper's score: BM25 saturates below idf · (k1 + 1). */
  upperBound(term: string): number {
    return this.idf(this.index.documentFrequency(term)) * (this.k1 + 1);
  }

  /**
   * The most {@link scoreAny} of these terms can add to any paper's score: their shared idf is at
   * most that of the commonest of them.
   */
  upperBoundAny(terms: readonly WeightedTerm[]): number {
    let documentFrequency = 0;
    for (const { term } of terms) documentFrequency = Math.max(documentFrequency, this.index.documentFrequency(term));
    return this.idf(documentFrequency) * (this.k1 + 1);
  }

  private idf(documentFrequency: number): number {
    return Math.log(1 + (this.index.size - documentFrequency + 0.5) / (documentFrequency + 0.5));
  }
}
