import { Bm25fScorer } from './bm25f.js';
import { PlanFilter, type CorpusView } from './filters.js';
import { defaultSearchOptions, type SearchOptions } from './options.js';
import type { PaperIndex } from './paper-index.js';
import type { Clause, QueryPlan } from './query-plan.js';
import { coordination, scoreFloor } from './score-cutoff.js';
import { TopK } from './top-k.js';

export interface RankedHit {
  /** Short id of the paper. */
  doc: number;
  score: number;
}

/** The search options ranking reads (field weights are the index's). */
export type RankOptions = Pick<SearchOptions, 'k1' | 'coordinationExponent' | 'minRelativeScore'>;

export interface Ranking {
  /** The page asked for, best first. */
  hits: RankedHit[];
  /** Hits in all, after filters and the score cut-off. */
  total: number;
}

/**
 * Executes plans: BM25F per clause (its variants as one term, or all of a phrase's terms),
 * summed, times coordination; then filters, the score cut-off, and the page. Papers that match
 * no clause are never looked at. Holds per-paper buffers that every query reuses (one ranker
 * per index; queries run one at a time).
 *
 * @example
 * const ranker = new Ranker(index, paperCorpusView(papers), true, options);
 * ranker.rank(planQuery(parseQuery('rope'), index, options), 0, 10).hits; // [{ doc, score }, …]
 */
export class Ranker {
  private readonly scorer: Bm25fScorer;
  /** Per paper: summed clause scores, clauses matched (a relative-only match counts part), phrases matched. */
  private readonly total: Float64Array;
  private readonly matched: Float64Array;
  private readonly required: Uint8Array;
  /** Per paper, within one clause: best variant's score, how fully it matched, phrase sums and counts. */
  private readonly best: Float64Array;
  private readonly strength: Float64Array;
  private readonly sums: Float64Array;
  private readonly counts: Uint8Array;
  /** Lists of papers: matched any clause, touched by the current clause, seen by the current phrase, kept. */
  private readonly candidates: Int32Array;
  private readonly touched: Int32Array;
  private readonly seen: Int32Array;
  private readonly kept: Int32Array;

  /** Clauses scored for candidates only, so far (see {@link canSkipRest}); for tests and tuning. */
  prunedClauses = 0;

  constructor(
    private readonly index: PaperIndex,
    private readonly corpus: CorpusView,
    /** Off only to check that pruning changes nothing. */
    private readonly prune = true,
    private readonly options: RankOptions = defaultSearchOptions,
    /** Papers the buffers hold: more than `index.size` leaves room for papers still to come. */
    readonly capacity = index.size,
  ) {
    const size = capacity;
    this.scorer = new Bm25fScorer(index, options, capacity);
    [this.total, this.matched, this.best, this.strength, this.sums] = [0, 0, 0, 0, 0].map(() => new Float64Array(size)) as [
      Float64Array,
      Float64Array,
      Float64Array,
      Float64Array,
      Float64Array,
    ];
    [this.required, this.counts] = [new Uint8Array(size), new Uint8Array(size)];
    [this.candidates, this.touched, this.seen, this.kept] = [0, 0, 0, 0].map(() => new Int32Array(size)) as [Int32Array, Int32Array, Int32Array, Int32Array];
  }

  rank(plan: QueryPlan, offset: number, limit: number): Ranking {
    const filter = new PlanFilter(plan, this.index, this.corpus);
    const clauses = [...plan.clauses, ...plan.phrases.map((p) => p.clause)];
    if (clauses.length === 0) return filter.narrows ? this.listFiltered(filter, offset, limit) : { hits: [], total: 0 };
    const { total, matched, required, candidates, kept } = this;
    const found = this.scoreClauses(clauses, plan.clauses.length, this.prune && !filter.checksCheap && !filter.checksOrder);
    try {
      const phrases = clauses.length - plan.clauses.length;
      const [checkCheap, checkOrder] = [filter.checksCheap, filter.checksOrder];
      const exponent = this.options.coordinationExponent;
      let keptCount = 0;
      let best = 0;
      for (let i = 0; i < found; i++) {
        const doc = candidates[i]!;
        if (required[doc] !== phrases || (checkCheap && !filter.passesCheap(doc)) || (checkOrder && !filter.passesOrder(doc))) continue;
        const score = (total[doc]! *= coordination(matched[doc]!, clauses.length, exponent));
        if (score > best) best = score;
        kept[keptCount++] = doc;
      }
      return page(kept, keptCount, total, scoreFloor(best, this.options.minRelativeScore), offset, limit);
    } finally {
      for (let i = 0; i < found; i++) {
        const doc = candidates[i]!;
        total[doc] = 0;
        matched[doc] = 0;
        required[doc] = 0;
      }
    }
  }

  /**
   * Scores every clause into {@link total}; returns how many papers matched any (listed in
   * {@link candidates}). Clauses go rarest first; see {@link canSkipRest} for the pruning that
   * `prunable` allows.
   */
  private scoreClauses(clauses: readonly Clause[], optional: number, prunable: boolean): number {
    const cost = (c: Clause) =>
      [...c.anyOf, ...c.related].reduce((sum, t) => sum + this.index.documentFrequency(t.term), 0) +
      c.allOf.flat().reduce((sum, t) => sum + this.index.documentFrequency(t), 0);
    const costs = clauses.map(cost);
    const order = clauses.map((_, i) => i).sort((a, b) => costs[a]! - costs[b]! || a - b);
    let found = 0;
    for (let j = 0; j < order.length; j++) {
      if (prunable && j > 0 && this.canSkipRest(clauses, order.slice(j), found)) {
        for (const i of order.slice(j)) this.scoreCandidatesOnly(clauses[i]!);
        this.prunedClauses += order.length - j;
        break;
      }
      found = this.scoreClause(clauses[order[j]!]!, order[j]! >= optional, found);
    }
    return found;
  }

  /**
   * True when the `rest` clauses (single words, all of them) cannot lift a paper that matched
   * none of the clauses scored so far to the cut-off, even scoring their maximum in every one:
   * then they add to the papers that are candidates already and bring in no new ones, which
   * spares the per-paper work of ranking tens of thousands of papers that could never be listed.
   * Results are exactly the same (the MaxScore argument, Turtle & Flood 1995).
   */
  private canSkipRest(clauses: readonly Clause[], rest: readonly number[], found: number): boolean {
    let bound = 0;
    for (const i of rest) {
      const clause = clauses[i]!;
      if (clause.anyOf.length !== 1 || clause.related.length > 0 || clause.allOf.length > 0) return false;
      bound += this.scorer.upperBound(clause.anyOf[0]!.term);
    }
    const { coordinationExponent: exponent, minRelativeScore } = this.options;
    let best = 0;
    for (let k = 0; k < found; k++) {
      const doc = this.candidates[k]!;
      best = Math.max(best, this.total[doc]! * coordination(this.matched[doc]!, clauses.length, exponent));
    }
    return bound * coordination(rest.length, clauses.length, exponent) < scoreFloor(best, minRelativeScore);
  }

  /** Adds a single-word clause's scores to the papers already found, and to no others. */
  private scoreCandidatesOnly(clause: Clause): void {
    // NOTE: walking the postings in order beats looking each candidate up in them: those Maps
    // hold up to one entry per paper, and random lookups into them miss the CPU caches.
    const { scorer, total, matched } = this;
    const count = scorer.scoreAny(clause.anyOf);
    for (let k = 0; k < count; k++) {
      const doc = scorer.docs[k]!;
      if (matched[doc] === 0) continue;
      total[doc]! += scorer.scores[k]!;
      matched[doc]! += 1;
    }
  }

  /** Scores one clause into the totals; returns the new number of candidates. */
  private scoreClause(clause: Clause, isPhrase: boolean, found: number): number {
    const { scorer, total, matched, required, best, strength, sums, counts, candidates, touched, seen } = this;
    if (clause.related.length === 0 && clause.allOf.length === 0) {
      // One group of variants: its scores go straight to the totals.
      const count = scorer.scoreAny(clause.anyOf);
      for (let k = 0; k < count; k++) {
        const doc = scorer.docs[k]!;
        if (matched[doc] === 0) candidates[found++] = doc;
        matched[doc]! += 1;
        total[doc]! += scorer.scores[k]!;
      }
      return found;
    }
    let touchedCount = 0;
    const offer = (count: number, docs: Int32Array, scores: Float64Array | null, share: number) => {
      for (let k = 0; k < count; k++) {
        const doc = docs[k]!;
        const value = scores ? scores[k]! : sums[doc]!;
        if (best[doc] === 0) touched[touchedCount++] = doc;
        if (value > best[doc]!) best[doc] = value;
        if (share > strength[doc]!) strength[doc] = share;
      }
    };
    if (clause.anyOf.length > 0) offer(scorer.scoreAny(clause.anyOf), scorer.docs, scorer.scores, 1);
    if (clause.related.length > 0) offer(scorer.scoreAny(clause.related), scorer.docs, scorer.scores, clause.related[0]!.weight);
    for (const terms of clause.allOf) {
      // Every term required: summed where all are present.
      let seenCount = 0;
      for (const term of terms) {
        const count = scorer.score(term);
        for (let k = 0; k < count; k++) {
          const doc = scorer.docs[k]!;
          if (counts[doc] === 0) seen[seenCount++] = doc;
          counts[doc]! += 1;
          sums[doc]! += scorer.scores[k]!;
        }
      }
      let complete = 0;
      for (let k = 0; k < seenCount; k++) {
        const doc = seen[k]!;
        if (counts[doc] === terms.length) seen[complete++] = doc;
        else sums[doc] = 0;
        counts[doc] = 0;
      }
      offer(complete, seen, null, 1);
      for (let k = 0; k < complete; k++) sums[seen[k]!] = 0;
    }
    for (let k = 0; k < touchedCount; k++) {
      const doc = touched[k]!;
      if (matched[doc] === 0) candidates[found++] = doc;
      matched[doc]! += strength[doc]!;
      if (isPhrase) required[doc]! += 1;
      total[doc]! += best[doc]!;
      best[doc] = 0;
      strength[doc] = 0;
    }
    return found;
  }

  /** A query of filters only: every paper that passes, newest first. */
  private listFiltered(filter: PlanFilter, offset: number, limit: number): Ranking {
    const docs: number[] = [];
    for (let doc = 0; doc < this.corpus.size; doc++) if (filter.passesCheap(doc) && filter.passesOrder(doc)) docs.push(doc);
    docs.sort((a, b) => this.corpus.published(b).localeCompare(this.corpus.published(a)) || a - b);
    return { hits: docs.slice(offset, offset + limit).map((doc) => ({ doc, score: 1 })), total: docs.length };
  }
}

/** Hits at or above the cut-off (`floor`), counted; the page kept with a bounded heap. */
function page(docs: Int32Array, count: number, scores: Float64Array, floor: number, offset: number, limit: number): Ranking {
  const top = new TopK(offset + limit);
  let total = 0;
  for (let i = 0; i < count; i++) {
    const doc = docs[i]!;
    const score = scores[doc]!;
    if (score < floor) continue;
    total += 1;
    if (score >= top.threshold) top.push(score, doc);
  }
  return { hits: top.sorted().slice(offset), total };
}
