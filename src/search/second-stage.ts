import type { WeightedTerm } from './bm25f.js';
import type { SearchOptions } from './options.js';
import { type ProximityScratch, proximityScores, type WordSequences } from './proximity.js';
import type { QueryPlan } from './query-plan.js';
import type { SemanticScorer } from './semantic/semantic-scorer.js';
import { TopK } from './top-k.js';

export type SecondStageOptions = SearchOptions['semantic'] & Pick<SearchOptions, 'allWordsFirst' | 'proximity' | 'k1'>;

/** The first pass's papers, as the ranker holds them. */
export interface FirstPass {
  /** Papers that passed the filters, the first `count`. */
  readonly docs: Int32Array;
  readonly count: number;
  /** Per paper: first-pass score, changed in place to the combined one. */
  readonly scores: Float64Array;
  /** Per paper: clauses it matched in any way, out of `clauses`. */
  readonly hitClauses: Uint8Array;
  readonly clauses: number;
  /** The lowest score listed (per paper: it may depend on whether it holds a query word itself). */
  listed(doc: number): boolean;
  /** The best first-pass score. */
  readonly best: number;
}

/**
 * The second stage: the best `candidates` listed papers of the first pass (papers matching
 * every word first, when `allWordsFirst`) each gain `weight` × best first-pass score × their
 * semantic cosine with the query (negative cosines gain nothing). Scaling by the best score
 * makes the weight mean the same on every query, since BM25 scores have no absolute scale;
 * reranking only the head keeps the cost bounded at any corpus size. Papers below the head keep
 * their score, which is already lower than every reranked one's first-pass score.
 *
 * Returns the embedded query (null when the model knows none of its words), for
 * {@link semanticOnly}, and how many papers the first pass lists.
 */
export function rerank(
  pass: FirstPass,
  semantic: SemanticScorer,
  words: WordSequences,
  plan: QueryPlan,
  options: SecondStageOptions,
  scratch: ProximityScratch,
): { query: Float32Array | null; listed: number } {
  const query = options.weight > 0 && pass.best > 0 ? semantic.embedQuery(planTerms(plan)) : null;
  const proximity = options.proximity.weight > 0 && plan.clauses.length > 1;
  const reranks = query !== null || proximity;
  const head = new TopK(reranks ? options.candidates : 0);
  let listed = 0;
  for (let i = 0; i < pass.count; i++) {
    const doc = pass.docs[i]!;
    if (!pass.listed(doc)) continue;
    listed += 1;
    if (!reranks) continue;
    const tier = options.allWordsFirst && pass.hitClauses[doc]! >= pass.clauses ? 1 : 0;
    const score = pass.scores[doc]!;
    if (tier > head.lowestTier || score >= head.threshold) head.push(score, doc, tier);
  }
  if (!reranks) return { query, listed };
  const docs = head.sorted().map((h) => h.doc);
  if (query !== null) {
    const gain = options.weight * pass.best;
    for (const doc of docs) pass.scores[doc]! += gain * Math.max(0, semantic.similarity(query, doc));
  }
  if (proximity) {
    const near = proximityScores(words, plan.clauses, docs, { titleWeight: options.proximity.titleWeight, k1: options.k1 }, scratch);
    docs.forEach((doc, i) => {
      pass.scores[doc]! += options.proximity.weight * near[i]!;
    });
  }
  return { query, listed };
}

/**
 * Up to `wanted` papers that match no query word but are about the same thing (cosine at least
 * `minSimilarity`), best first, with the combined score they would have: `weight` × best ×
 * cosine, which the ranker still holds to its floor and lists after every paper with a query
 * word. `skip(doc)` leaves out papers that hold a query word (the first pass's to list or
 * leave out) or fail a filter. Only asked for when the first pass lists fewer than `fillBelow`.
 */
export function semanticOnly(
  query: Float32Array,
  semantic: SemanticScorer,
  best: number,
  options: SecondStageOptions,
  wanted: number,
  skip: (doc: number) => boolean,
): { doc: number; score: number }[] {
  return semantic.nearest(query, wanted, options.minSimilarity, skip).map(({ doc, similarity }) => ({ doc, score: options.weight * best * similarity }));
}

/** Every term of the plan's clauses and phrases, at its weight: what the query is about. */
export function planTerms(plan: QueryPlan): WeightedTerm[] {
  const terms: WeightedTerm[] = [];
  for (const clause of [...plan.clauses, ...plan.phrases.map((p) => p.clause)]) {
    terms.push(...clause.anyOf, ...clause.related);
    for (const set of clause.allOf) for (const term of set.terms) terms.push({ term, weight: set.weight });
  }
  return terms;
}
