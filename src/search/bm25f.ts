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
  private readonly weighted: Float64Array;
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
    const { weighted, docs, boosts } = this;
    let count = 0;
    for (const { term, weight } of terms) {
      const postings = this.index.postings(term);
      if (!postings) continue;
      postings.forEach((frequencies, fieldId) => {
        const boost = (boosts[fieldId] ?? 0) * weight;
        if (boost === 0) return;
        const norms = this.index.lengthNorms[fieldId]!;
        frequencies.forEach((frequency, doc) => {
          if (weighted[doc] === 0) docs[count++] = doc;
          weighted[doc]! += (boost * frequency) / norms[doc]!;
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
      weighted[doc] = 0;
    }
    return count;
  }

  /** The most one term can add to any paper's score: BM25 saturates below idf · (k1 + 1). */
  upperBound(term: string): number {
    return this.idf(this.index.documentFrequency(term)) * (this.k1 + 1);
  }

  private idf(documentFrequency: number): number {
    return Math.log(1 + (this.index.size - documentFrequency + 0.5) / (documentFrequency + 0.5));
  }
}
