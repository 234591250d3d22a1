/**
 * The lowest score a hit may have and still be listed: a fixed fraction of the best hit's.
 * BM25 scores have no absolute scale, but within one query a hit scoring a small fraction of
 * the best one matched only a side word of the query, so a narrow query lists only what matches.
 * `ratio` is the `minRelativeScore` search option.
 *
 * @example
 * scoreFloor(8, 0.25); // 2
 */
export function scoreFloor(best: number, ratio: number): number {
  return best > 0 ? best * ratio : 0;
}

/**
 * Coordination: a paper matching `matched` of `total` clauses keeps this share of its score,
 * so papers that match the whole query outrank papers that repeat one of its words.
 * `exponent` is the `coordinationExponent` search option.
 *
 * @example
 * coordination(1, 2, 1); // 0.5
 */
export function coordination(matched: number, total: number, exponent: number): number {
  if (total <= 0) return 0;
  return exponent === 1 ? matched / total : (matched / total) ** exponent;
}
