import { Bm25fScorer } from './bm25f.js';
import { PlanFilter, type CorpusView } from './filters.js';
import { defaultSearchOptions, type SearchOptions } from './options.js';
import type { PaperIndex } from './paper-index.js';
import type { Clause, QueryPlan } from './query-plan.js';
import { coordination, scoreFloor } from './score-cutoff.js';
import type { ProximityScratch } from './proximity.js';
import { planTerms, rerank, semanticOnly } from './second-stage.js';
import { TopK } from './top-k.js';

export interface RankedHit {
  /** Short id of the paper. */
  doc: number;
  score: number;
  /** It matches every word and phrase of the query, in some form (true for a query of filters only). */
  allWords: boolean;
  /** It holds at least one query word exactly as typed (not only a correction, completion or relative). */
  typedWord: boolean;
  /** It holds some query word in some form (false: listed by the second stage for its meaning alone). */
  anyWord: boolean;
}

/** The search options ranking reads (field weights are the index's). */
export type RankOptions = Pick<
  SearchOptions,
  'k1' | 'coordinationExponent' | 'minRelativeScore' | 'guaranteedHits' | 'allWordsFirst' | 'semantic' | 'proximity'
>;

export interface Ranking {
  /** The page asked for, best first. */
  hits: RankedHit[];
  /** Hits in all, after filters and the score cut-off. */
  total: number;
  /** Of them, papers listed for their meaning alone: they hold no query word (the second stage's fill). */
  wordless: number;
  /**
   * When no paper listed matches every word of the query: the words (as typed) that no paper
   * holds in any form. Empty otherwise.
   */
  unmatched: string[];
}

/**
 * Executes plans: BM25F per clause (its variants as one term, or all of a phrase's terms),
 * summed, times coordination; then filters, the score cut-off, and the page. The cut-off
 * ({@link listingThreshold}): the best `guaranteedHits` papers that hold a query word itself are
 * always listed, the relative floor applies to the rest. Papers that match
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
  /** Per paper: 1 when it holds a query word itself (not only a correction, completion or relative). */
  private readonly direct: Uint8Array;
  /** Per paper: clauses it matched in any way, a relative included. */
  private readonly hitClauses: Uint8Array;
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

  /** Reused by every query's term-proximity scores. */
  private readonly proximityScratch: ProximityScratch = { bits: new Uint32Array(0) };

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
    [this.required, this.counts, this.direct, this.hitClauses] = [0, 0, 0, 0].map(() => new Uint8Array(size)) as [
      Uint8Array,
      Uint8Array,
      Uint8Array,
      Uint8Array,
    ];
    [this.candidates, this.touched, this.seen, this.kept] = [0, 0, 0, 0].map(() => new Int32Array(size)) as [Int32Array, Int32Array, Int32Array, Int32Array];
  }

  /**
   * The page of `plan`'s results from `offset`. `fill` false leaves out the papers that match
   * no query word (the second stage's semantic fill), for a probe that only needs a count.
   */
  rank(plan: QueryPlan, offset: number, limit: number, fill = true): Ranking {
    const filter = new PlanFilter(plan, this.index, this.corpus);
    const clauses = [...plan.clauses, ...plan.phrases.map((p) => p.clause)];
    if (clauses.length === 0) return filter.narrows ? this.listFiltered(filter, offset, limit) : { hits: [], total: 0, wordless: 0, unmatched: [] };
    const { total, matched, required, direct, hitClauses, candidates, kept } = this;
    let found = this.scoreClauses(clauses, plan.clauses.length, this.prune && !filter.checksCheap && !filter.checksOrder);
    try {
      const phrases = clauses.length - plan.clauses.length;
      const [checkCheap, checkOrder] = [filter.checksCheap, filter.checksOrder];
      const exponent = this.options.coordinationExponent;
      const guaranteed = new TopK(this.options.guaranteedHits);
      let keptCount = 0;
      let best = 0;
      for (let i = 0; i < found; i++) {
        const doc = candidates[i]!;
        if (required[doc] !== phrases || (checkCheap && !filter.passesCheap(doc)) || (checkOrder && !filter.passesOrder(doc))) continue;
        const score = (total[doc]! *= coordination(matched[doc]!, clauses.length, exponent));
        if (score > best) best = score;
        if (direct[doc] === 1 && score >= guaranteed.threshold) guaranteed.push(score, doc);
        kept[keptCount++] = doc;
      }
      const threshold = listingThreshold(scoreFloor(best, this.options.minRelativeScore), guaranteed);
      const { allWordsFirst, proximity, k1 } = this.options;
      const secondStage = { ...this.options.semantic, allWordsFirst, proximity, k1 };
      const listed = (doc: number) => total[doc]! >= (direct[doc] === 1 ? threshold.direct : threshold.floor);
      const pass = { docs: kept, count: keptCount, scores: total, hitClauses, clauses: clauses.length, best, listed };
      const { query, listed: listedCount } = rerank(pass, this.index.semantic, this.index, plan, secondStage, this.proximityScratch);
      if (fill && query !== null && phrases === 0 && listedCount < secondStage.fillBelow) {
        const terms = planTerms(plan);
        // Papers with a query word are the first pass's to list or leave out; filters hold for all.
        const skip = (doc: number) =>
          matched[doc]! > 0 ||
          terms.some(({ term }) => this.index.holds(term, doc)) ||
          (checkCheap && !filter.passesCheap(doc)) ||
          (checkOrder && !filter.passesOrder(doc));
        for (const { doc, score } of semanticOnly(query, this.index.semantic, best, secondStage, secondStage.fillBelow - listedCount, skip)) {
          total[doc] = score;
          candidates[found++] = doc;
          kept[keptCount++] = doc;
        }
      }
      const ranking = page(
        kept,
        keptCount,
        { scores: total, direct, hitClauses, clauses: clauses.length },
        threshold,
        offset,
        limit,
        this.options.allWordsFirst,
      );
      return { ...ranking, unmatched: ranking.complete > 0 ? [] : plan.clauses.filter((c) => !this.holdsAny(c)).map((c) => c.word) };
    } finally {
      for (let i = 0; i < found; i++) {
        const doc = candidates[i]!;
        total[doc] = 0;
        matched[doc] = 0;
        required[doc] = 0;
        direct[doc] = 0;
        hitClauses[doc] = 0;
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
      c.allOf.reduce((sum, set) => sum + set.terms.reduce((inner, t) => inner + this.index.documentFrequency(t), 0), 0);
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
   * True when the `rest` clauses (words with their variants, all of them) cannot lift a paper that matched
   * none of the clauses scored so far to the cut-off, even scoring their maximum in every one:
   * then they add to the papers that are candidates already and bring in no new ones, which
   * spares the per-paper work of ranking tens of thousands of papers that could never be listed.
   * Results are exactly the same (the MaxScore argument, Turtle & Flood 1995).
   *
   * NOTE: the threshold is the k-th best score so far (k = `guaranteedHits`), or the floor if
   * that is lower: a newcomer under both can neither take one of the guaranteed places nor pass
   * the floor. Scores so far only grow, so both bounds are safe.
   */
  private canSkipRest(clauses: readonly Clause[], rest: readonly number[], found: number): boolean {
    let bound = 0;
    for (const i of rest) {
      const clause = clauses[i]!;
      if (clause.anyOf.length === 0 || clause.related.length > 0 || clause.allOf.length > 0) return false;
      bound += this.scorer.upperBoundAny(clause.anyOf);
    }
    const { coordinationExponent: exponent, minRelativeScore, guaranteedHits } = this.options;
    const guaranteed = new TopK(guaranteedHits);
    let best = 0;
    for (let k = 0; k < found; k++) {
      const doc = this.candidates[k]!;
      const score = this.total[doc]! * coordination(this.matched[doc]!, clauses.length, exponent);
      if (score > best) best = score;
      if (this.direct[doc] === 1 && score >= guaranteed.threshold) guaranteed.push(score, doc);
    }
    return bound * coordination(rest.length, clauses.length, exponent) < listingThreshold(scoreFloor(best, minRelativeScore), guaranteed).direct;
  }

  /** Adds a single-word clause's scores to the papers already found, and to no others. */
  private scoreCandidatesOnly(clause: Clause): void {
    // NOTE: walking the postings in order beats looking each candidate up in them: those Maps
    // hold up to one entry per paper, and random lookups into them miss the CPU caches.
    const { scorer, total, matched, direct, hitClauses } = this;
    const count = scorer.scoreAny(clause.anyOf);
    for (let k = 0; k < count; k++) {
      const doc = scorer.docs[k]!;
      if (matched[doc] === 0) continue;
      total[doc]! += scorer.scores[k]!;
      matched[doc]! += 1;
      hitClauses[doc]! += 1;
      direct[doc]! |= scorer.direct[k]!;
    }
  }

  /** Scores one clause into the totals; returns the new number of candidates. */
  private scoreClause(clause: Clause, isPhrase: boolean, found: number): number {
    const { scorer, total, matched, required, direct, hitClauses, best, strength, sums, counts, candidates, touched, seen } = this;
    if (clause.related.length === 0 && clause.allOf.length === 0) {
      // One group of variants: its scores go straight to the totals.
      const count = scorer.scoreAny(clause.anyOf);
      for (let k = 0; k < count; k++) {
        const doc = scorer.docs[k]!;
        if (matched[doc] === 0) candidates[found++] = doc;
        matched[doc]! += 1;
        hitClauses[doc]! += 1;
        total[doc]! += scorer.scores[k]!;
        direct[doc]! |= scorer.direct[k]!;
      }
      return found;
    }
    let touchedCount = 0;
    const offer = (count: number, docs: Int32Array, scores: Float64Array | null, share: number, directs: Uint8Array | null) => {
      for (let k = 0; k < count; k++) {
        const doc = docs[k]!;
        const value = scores ? scores[k]! : sums[doc]!;
        if (best[doc] === 0) touched[touchedCount++] = doc;
        if (value > best[doc]!) best[doc] = value;
        if (share > strength[doc]!) strength[doc] = share;
        if (directs !== null) direct[doc]! |= directs[k]!;
      }
    };
    if (clause.anyOf.length > 0) offer(scorer.scoreAny(clause.anyOf), scorer.docs, scorer.scores, 1, scorer.direct);
    if (clause.related.length > 0) offer(scorer.scoreAny(clause.related), scorer.docs, scorer.scores, clause.related[0]!.weight, null);
    for (const { terms, weight } of clause.allOf) {
      // Every term required: summed where all are present.
      let seenCount = 0;
      for (const term of terms) {
        const count = scorer.score(term);
        for (let k = 0; k < count; k++) {
          const doc = scorer.docs[k]!;
          if (counts[doc] === 0) seen[seenCount++] = doc;
          counts[doc]! += 1;
          sums[doc]! += scorer.scores[k]! * weight;
        }
      }
      let complete = 0;
      for (let k = 0; k < seenCount; k++) {
        const doc = seen[k]!;
        if (counts[doc] === terms.length) seen[complete++] = doc;
        else sums[doc] = 0;
        counts[doc] = 0;
      }
      offer(complete, seen, null, 1, null);
      for (let k = 0; k < complete; k++) sums[seen[k]!] = 0;
    }
    for (let k = 0; k < touchedCount; k++) {
      const doc = touched[k]!;
      if (matched[doc] === 0) candidates[found++] = doc;
      matched[doc]! += strength[doc]!;
      hitClauses[doc]! += 1;
      if (isPhrase) {
        required[doc]! += 1;
        direct[doc] = 1;
      }
      total[doc]! += best[doc]!;
      best[doc] = 0;
      strength[doc] = 0;
    }
    return found;
  }

  /** True when some paper holds some variant of the clause. */
  private holdsAny(clause: Clause): boolean {
    const has = (term: string) => this.index.documentFrequency(term) > 0;
    return clause.anyOf.some((t) => has(t.term)) || clause.related.some((t) => has(t.term)) || clause.allOf.some((set) => set.terms.every(has));
  }

  /** A query of filters only: every paper that passes, newest first. */
  private listFiltered(filter: PlanFilter, offset: number, limit: number): Ranking {
    const docs: number[] = [];
    for (let doc = 0; doc < this.corpus.size; doc++) if (filter.passesCheap(doc) && filter.passesOrder(doc)) docs.push(doc);
    docs.sort((a, b) => this.corpus.published(b).localeCompare(this.corpus.published(a)) || a - b);
    return {
      hits: docs.slice(offset, offset + limit).map((doc) => ({ doc, score: 1, allWords: true, typedWord: true, anyWord: true })),
      total: docs.length,
      wordless: 0,
      unmatched: [],
    };
  }
}

/**
 * The lowest score listed: the relative `floor`, or the k-th best score of the papers that hold
 * a query word itself when that is lower, so those k are always listed. All of them are when
 * fewer than k hold one. (Only those papers are guaranteed a place: a paper found only through a
 * typo correction, a completion or a relative must still pass the floor.)
 */
function listingThreshold(floor: number, guaranteed: TopK): { floor: number; direct: number } {
  return { floor, direct: Math.min(floor, guaranteed.threshold) };
}

/** Per paper: score, whether it holds a query word itself, clauses matched in any way (of `clauses`). */
interface PaperScores {
  scores: Float64Array;
  direct: Uint8Array;
  hitClauses: Uint8Array;
  clauses: number;
}

/**
 * Hits at or above the cut-off ({@link listingThreshold}), counted; the page kept with a bounded
 * heap. With `allWordsFirst`, papers that match every clause rank above those that match some.
 */
function page(
  docs: Int32Array,
  count: number,
  { scores, direct, hitClauses, clauses }: PaperScores,
  threshold: { floor: number; direct: number },
  offset: number,
  limit: number,
  allWordsFirst: boolean,
): Omit<Ranking, 'unmatched'> & { complete: number } {
  const top = new TopK(offset + limit);
  let total = 0;
  let complete = 0;
  let wordless = 0;
  for (let i = 0; i < count; i++) {
    const doc = docs[i]!;
    const score = scores[doc]!;
    if (score < (direct[doc] === 1 ? threshold.direct : threshold.floor)) continue;
    total += 1;
    const all = hitClauses[doc]! >= clauses ? 1 : 0;
    const some = hitClauses[doc]! > 0 ? 1 : 0;
    complete += all;
    wordless += 1 - some;
    // Papers with no query word at all (the semantic fill) come after every paper with one.
    const ranked = some + (allWordsFirst ? all : 0);
    if (ranked > top.lowestTier || score >= top.threshold) top.push(score, doc, ranked);
  }
  const hits = top
    .sorted()
    .slice(offset)
    .map(({ doc, score }) => ({ doc, score, allWords: hitClauses[doc]! >= clauses, typedWord: direct[doc] === 1, anyWord: hitClauses[doc]! > 0 }));
  return { hits, total, wordless, complete };
}
