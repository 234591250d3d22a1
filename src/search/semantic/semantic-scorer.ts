import type { WeightedTerm } from '../bm25f.js';

/**
 * What the second stage asks of a semantic model: a query and papers as vectors, compared by
 * cosine. Filled first by latent semantic analysis learnt from the corpus (lsa-model.ts); a
 * pretrained sentence-embedding model can fill it later, as long as its weights ship inside the
 * repository or an npm package (nothing is downloaded at run time).
 */
export interface SemanticScorer {
  /** The query's terms (with their weights) as a unit vector; null when the model knows none of them. */
  embedQuery(terms: readonly WeightedTerm[]): Float32Array | null;
  /** Cosine of paper `doc` and an embedded query, in [−1, 1]; 0 for a paper the model has no vector for. */
  similarity(query: Float32Array, doc: number): number;
  /** The papers most like the query, at least `minSimilarity`, best first, at most `limit`; none for which `skip(doc)` is true. */
  nearest(query: Float32Array, limit: number, minSimilarity: number, skip: (doc: number) => boolean): { doc: number; similarity: number }[];
}
