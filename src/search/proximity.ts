import type { Clause } from './query-plan.js';

/** What proximity reads of the index: each paper's title and abstract words, as term ids. */
export interface WordSequences {
  /** Term ids of the title's words, −1, then the abstract's (stop words left out). */
  sequenceOf(doc: number): Int32Array;
  termIdsOf(terms: readonly string[]): number[] | null;
  readonly termCount: number;
  /** Papers in all, and papers that hold a term: for the pairs' rarity. */
  readonly size: number;
  documentFrequency(term: string): number;
}

/**
 * A buffer that one caller reuses across queries (per term id: the query clauses it belongs to
 * as bits), all zero between calls. Grown as the vocabulary grows.
 * NOTE: a Map here cost a lookup per word of every reranked paper, several milliseconds a query at 100,000 papers.
 */
export interface ProximityScratch {
  bits: Uint32Array;
}

export interface ProximityOptions {
  /** A pair in the title counts this many times one in the abstract. */
  readonly titleWeight: number;
  /** BM25 saturation of a pair's count. */
  readonly k1: number;
}

/**
 * Term proximity (Büttcher, Clarke & Lushman, 2006, in its simplest, ordered form): for each
 * two consecutive query words, how often a paper has them side by side in that order (stop
 * words aside, any variant of each), saturated like a BM25 term frequency and weighted by the
 * pair's rarity in the corpus: that of its rarer word (a pair is at least as rare as either of
 * its words), so a paper's score does not depend on which other papers are reranked with it. "long context" then favours papers that say "long context"
 * over papers that say "long" here and "context" there.
 *
 * Returns, per position in `docs`, the paper's proximity score (0 for a query of one word).
 *
 * @example
 * proximityScores(index, plan.clauses, head, { titleWeight: 2, k1: 1.2 });
 */
export function proximityScores(
  index: WordSequences,
  clauses: readonly Clause[],
  docs: readonly number[],
  options: ProximityOptions,
  scratch: ProximityScratch,
): Float64Array {
  const scores = new Float64Array(docs.length);
  if (clauses.length < 2 || docs.length === 0) return scores;
  if (scratch.bits.length < index.termCount) scratch.bits = new Uint32Array(Math.ceil(index.termCount * 1.25));
  // Per term id: a bit for each clause it is a variant of (at most 31 clauses take part).
  const clauseBits = scratch.bits;
  const ids: number[] = [];
  const taking = Math.min(clauses.length, 31);
  for (let c = 0; c < taking; c++) {
    const clause = clauses[c]!;
    for (const { term } of [...clause.anyOf, ...clause.related]) {
      const id = index.termIdsOf([term])?.[0];
      if (id === undefined) continue;
      ids.push(id);
      clauseBits[id]! |= 1 << c;
    }
  }
  // A clause's papers: at most those of all its variants (the commonest bounds them from below).
  const holders = clauses.slice(0, taking).map((c) => Math.max(0, ...[...c.anyOf, ...c.related].map((t) => index.documentFrequency(t.term))));
  const rarity = holders.slice(1).map((df, c) => bm25Idf(index.size, Math.min(df, holders[c]!)));
  try {
    countPairs(index, docs, rarity, clauseBits, options, scores);
  } finally {
    for (const id of ids) clauseBits[id] = 0;
  }
  return scores;
}

/** Fills `scores` from the pair counts of each paper (see {@link proximityScores}). */
function countPairs(
  index: WordSequences,
  docs: readonly number[],
  rarity: readonly number[],
  clauseBits: Uint32Array,
  options: ProximityOptions,
  scores: Float64Array,
): void {
  const pairs = rarity.length;
  const counts = new Float64Array(docs.length * pairs);
  docs.forEach((doc, row) => {
    const sequence = index.sequenceOf(doc);
    let weight = options.titleWeight;
    let previous = 0;
    for (const id of sequence) {
      if (id < 0) {
        weight = 1;
        previous = 0;
        continue;
      }
      const bits = clauseBits[id]!;
      // Pair c: clause c here right before clause c + 1.
      let followed = previous & (bits >>> 1);
      while (followed !== 0) {
        const c = 31 - Math.clz32(followed);
        followed &= ~(1 << c);
        counts[row * pairs + c]! += weight;
      }
      previous = bits;
    }
  });
  for (let row = 0; row < docs.length; row++) {
    let score = 0;
    for (let c = 0; c < pairs; c++) {
      const count = counts[row * pairs + c]!;
      if (count > 0) score += (rarity[c]! * count * (options.k1 + 1)) / (count + options.k1);
    }
    scores[row] = score;
  }
}

/** BM25's idf, as the first pass computes it (bm25f.ts). */
function bm25Idf(papers: number, documentFrequency: number): number {
  return Math.log(1 + (papers - documentFrequency + 0.5) / (documentFrequency + 0.5));
}
