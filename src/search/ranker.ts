import { Bm25fScorer } from './bm25f.js';
import { PlanFilter, type CorpusView } from './filters.js';
import type { PaperIndex } from './paper-index.js';
import type { Clause, QueryPlan } from './query-plan.js';
import { coordination, scoreFloor } from './score-cutoff.js';
import { TopK } from './top-k.js';

export interface RankedHit {
  /** Short id of the paper. */
  doc: number;
  score: number;
}

export interface Ranking {
  /** The page asked for, best first. */
  hits: RankedHit[];
  /** Hits in all, after filters and the score cut-off. */
  total: number;
}

/**
 * Executes a plan: BM25F per clause (its variants as one term, or all of a phrase's terms),
 * summed, times coordination; then
 * filters, the score cut-off, and the page. Papers that match no clause are never looked at.
 */
export function rank(plan: QueryPlan, index: PaperIndex, corpus: CorpusView, offset: number, limit: number): Ranking {
  const filter = new PlanFilter(plan, index, corpus);
  const clauses = [...plan.clauses, ...plan.phrases.flatMap((p) => (p.clause ? [p.clause] : []))];
  if (clauses.length === 0) return filter.narrows || filter.checksText ? listFiltered(filter, corpus, offset, limit) : { hits: [], total: 0 };

  const scores = scoreClauses(clauses, plan.clauses.length, new Bm25fScorer(index));
  const required = clauses.length - plan.clauses.length;
  const candidates: number[] = [];
  for (const doc of scores.docs) {
    if (scores.required[doc] === required && filter.passesCheap(doc)) {
      scores.total[doc]! *= coordination(scores.matched[doc]!, clauses.length);
      candidates.push(doc);
    }
  }
  return filter.checksText
    ? pageVerified(candidates, scores.total, filter, offset, limit)
    : page(candidates, scores.total, offset, limit);
}

interface ClauseScores {
  /** Papers that matched at least one clause. */
  docs: number[];
  total: Float64Array;
  /** Clauses matched, a relative-only match counting as part of one. */
  matched: Float64Array;
  /** Required clauses (phrases) matched. */
  required: Uint8Array;
}

function scoreClauses(clauses: readonly Clause[], optional: number, scorer: Bm25fScorer): ClauseScores {
  const size = scorer.size;
  const result: ClauseScores = { docs: [], total: new Float64Array(size), matched: new Float64Array(size), required: new Uint8Array(size) };
  const best = new Float64Array(size);
  const sums = new Float64Array(size);
  const counts = new Uint8Array(size);
  const strength = new Float64Array(size);
  clauses.forEach((clause, i) => {
    const touched: number[] = [];
    // `share`: how fully the paper matches the clause, for coordination (a relative only partly).
    const offer = (doc: number, value: number, share: number) => {
      if (best[doc] === 0) touched.push(doc);
      if (value > best[doc]!) best[doc] = value;
      if (share > strength[doc]!) strength[doc] = share;
    };
    if (clause.anyOf.length > 0) {
      const { docs, scores } = scorer.scoreAny(clause.anyOf);
      for (let k = 0; k < docs.length; k++) offer(docs[k]!, scores[k]!, 1);
    }
    if (clause.related.length > 0) {
      const { docs, scores } = scorer.scoreAny(clause.related);
      const share = clause.related[0]!.weight;
      for (let k = 0; k < docs.length; k++) offer(docs[k]!, scores[k]!, share);
    }
    for (const terms of clause.allOf) {
      // Every term required: summed where all are present.
      const seen: number[] = [];
      for (const term of terms) {
        const { docs, scores } = scorer.score(term);
        for (let k = 0; k < docs.length; k++) {
          const doc = docs[k]!;
          if (counts[doc] === 0) seen.push(doc);
          counts[doc]! += 1;
          sums[doc]! += scores[k]!;
        }
      }
      for (const doc of seen) {
        if (counts[doc] === terms.length) offer(doc, sums[doc]!, 1);
        counts[doc] = 0;
        sums[doc] = 0;
      }
    }
    for (const doc of touched) {
      if (result.matched[doc] === 0) result.docs.push(doc);
      result.matched[doc]! += strength[doc]!;
      if (i >= optional) result.required[doc]! += 1;
      result.total[doc]! += best[doc]!;
      best[doc] = 0;
      strength[doc] = 0;
    }
  });
  return result;
}

/** Hits at or above the cut-off, counted; the page kept with a bounded heap. */
function page(candidates: number[], scores: Float64Array, offset: number, limit: number): Ranking {
  let best = 0;
  for (const doc of candidates) best = Math.max(best, scores[doc]!);
  const floor = scoreFloor(best);
  const top = new TopK(offset + limit);
  let total = 0;
  for (const doc of candidates) {
    const score = scores[doc]!;
    if (score < floor) continue;
    total += 1;
    top.push(score, doc);
  }
  return { hits: top.sorted().slice(offset), total };
}

/**
 * Like {@link page}, for queries whose hits need a text check (phrases): candidates are checked
 * best first, and checking stops once scores fall below the cut-off of the best verified hit.
 */
function pageVerified(candidates: number[], scores: Float64Array, filter: PlanFilter, offset: number, limit: number): Ranking {
  const ordered = Int32Array.from(candidates).sort((a, b) => scores[b]! - scores[a]! || a - b);
  const hits: RankedHit[] = [];
  let floor = -1;
  let total = 0;
  for (const doc of ordered) {
    const score = scores[doc]!;
    if (score < floor) break;
    if (!filter.passesText(doc)) continue;
    if (floor < 0) floor = scoreFloor(score);
    if (total >= offset && hits.length < limit) hits.push({ doc, score });
    total += 1;
  }
  return { hits, total };
}

/** A query of filters only: every paper that passes, newest first. */
function listFiltered(filter: PlanFilter, corpus: CorpusView, offset: number, limit: number): Ranking {
  const docs: number[] = [];
  for (let doc = 0; doc < corpus.size; doc++) if (filter.passesCheap(doc) && filter.passesText(doc)) docs.push(doc);
  docs.sort((a, b) => corpus.published(b).localeCompare(corpus.published(a)) || a - b);
  return { hits: docs.slice(offset, offset + limit).map((doc) => ({ doc, score: 1 })), total: docs.length };
}
