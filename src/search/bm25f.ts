import { SEARCH } from '../config.js';
import type { FieldName, PaperIndex } from './paper-index.js';

/** A term and how much one occurrence of it counts. */
export interface WeightedTerm {
  term: string;
  weight: number;
}

/** The papers that hold a term and how well it describes each: parallel arrays, in no order. */
export interface TermScores {
  readonly docs: Int32Array;
  readonly scores: Float64Array;
}

const NONE: TermScores = { docs: new Int32Array(0), scores: new Float64Array(0) };

/**
 * BM25F (Robertson & Zaragoza, 2009): a term's frequencies in title, abstract and authors are
 * weighted and length-normalised per field, summed, and saturated once, so a word in the title
 * counts more than one in the abstract but repeating it everywhere does not count forever.
 * Scores are cached per term for the life of the scorer (one query).
 */
export class Bm25fScorer {
  private readonly cache = new Map<string, TermScores>();
  private readonly weighted: Float64Array;
  private readonly boosts: readonly number[];

  constructor(
    private readonly index: PaperIndex,
    /** Score only these fields (all, by default). */
    fields?: readonly FieldName[],
  ) {
    this.weighted = new Float64Array(index.size);
    const only = fields && new Set(fields.map((field) => index.fieldId(field)));
    this.boosts = index.boosts.map((boost, fieldId) => (only && !only.has(fieldId) ? 0 : boost));
  }

  /** How many papers the index holds. */
  get size(): number {
    return this.index.size;
  }

  score(term: string): TermScores {
    return this.scoreAny([{ term, weight: 1 }]);
  }

  /**
   * Scores several terms as one (synonyms, completions, corrections of one word): their weighted
   * frequencies add up and they share one idf, that of the papers holding any of them, so a
   * rare variant cannot outweigh the word itself.
   */
  scoreAny(terms: readonly WeightedTerm[]): TermScores {
    const key = terms.map(({ term, weight }) => `${term}*${weight}`).join(' ');
    let scores = this.cache.get(key);
    if (scores === undefined) {
      scores = this.compute(terms);
      this.cache.set(key, scores);
    }
    return scores;
  }

  private compute(terms: readonly WeightedTerm[]): TermScores {
    const { weighted, boosts } = this;
    const touched: number[] = [];
    for (const { term, weight } of terms) {
      for (const [fieldId, docs] of this.index.postings(term) ?? []) {
        const boost = (boosts[fieldId] ?? 0) * weight;
        if (boost === 0) continue;
        const norms = this.index.lengthNorms[fieldId]!;
        for (const [doc, frequency] of docs) {
          if (weighted[doc] === 0) touched.push(doc);
          weighted[doc]! += (boost * frequency) / norms[doc]!;
        }
      }
    }
    const documentFrequency = touched.length;
    if (documentFrequency === 0) return NONE;
    const idf = Math.log(1 + (this.index.size - documentFrequency + 0.5) / (documentFrequency + 0.5));
    const k1 = SEARCH.k1;
    const docs = Int32Array.from(touched);
    const scores = new Float64Array(documentFrequency);
    for (let i = 0; i < documentFrequency; i++) {
      const doc = docs[i]!;
      const tf = weighted[doc]!;
      scores[i] = (idf * tf * (k1 + 1)) / (tf + k1);
      weighted[doc] = 0;
    }
    return { docs, scores };
  }
}
