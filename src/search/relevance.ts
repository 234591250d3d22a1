import { readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * Judged queries and the measures `npm run eval` reports: nDCG@5 (graded: is the best on top?),
 * MRR@10 (how soon is the first relevant paper?) and recall@10 (how much of what is relevant
 * makes the first ten?).
 */

const judgedQuerySchema = z.object({
  query: z.string(),
  /** What the query tests: topic, question, acronym, typo, compound, author … */
  kind: z.string(),
  /** Paper id → grade: 2 the paper is about it, 1 it is relevant. Unlisted papers are 0. */
  relevant: z.record(z.string(), z.union([z.literal(1), z.literal(2)])),
});

export type JudgedQuery = z.infer<typeof judgedQuerySchema>;

export interface Scores {
  ndcg5: number;
  mrr10: number;
  recall10: number;
}

export function loadJudgedQueries(path: string): JudgedQuery[] {
  return z.array(judgedQuerySchema).parse(JSON.parse(readFileSync(path, 'utf8')));
}

/** nDCG@k with gains 2^grade − 1. */
export function ndcgAt(ranked: readonly string[], relevant: Readonly<Record<string, number>>, k: number): number {
  const dcg = (grades: number[]) => grades.slice(0, k).reduce((sum, grade, i) => sum + (2 ** grade - 1) / Math.log2(i + 2), 0);
  const ideal = dcg(Object.values(relevant).sort((a, b) => b - a));
  return ideal === 0 ? 0 : dcg(ranked.map((id) => relevant[id] ?? 0)) / ideal;
}

/** 1 / rank of the first relevant paper within the first `k`, else 0. */
export function reciprocalRankAt(ranked: readonly string[], relevant: Readonly<Record<string, number>>, k: number): number {
  const index = ranked.slice(0, k).findIndex((id) => (relevant[id] ?? 0) > 0);
  return index < 0 ? 0 : 1 / (index + 1);
}

/** Share of the relevant papers found in the first `k`. */
export function recallAt(ranked: readonly string[], relevant: Readonly<Record<string, number>>, k: number): number {
  const wanted = Object.keys(relevant).filter((id) => (relevant[id] ?? 0) > 0);
  if (wanted.length === 0) return 0;
  const top = new Set(ranked.slice(0, k));
  return wanted.filter((id) => top.has(id)).length / wanted.length;
}

export function scoreQuery(ranked: readonly string[], judged: JudgedQuery): Scores {
  return {
    ndcg5: ndcgAt(ranked, judged.relevant, 5),
    mrr10: reciprocalRankAt(ranked, judged.relevant, 10),
    recall10: recallAt(ranked, judged.relevant, 10),
  };
}

export function meanScores(scores: readonly Scores[]): Scores {
  const mean = (pick: (s: Scores) => number) => (scores.length === 0 ? 0 : scores.reduce((sum, s) => sum + pick(s), 0) / scores.length);
  return { ndcg5: mean((s) => s.ndcg5), mrr10: mean((s) => s.mrr10), recall10: mean((s) => s.recall10) };
}

/** Runs every judged query through `search` (paper ids, best first) and averages the measures. */
export function evaluate(judged: readonly JudgedQuery[], search: (query: string) => readonly string[]): { mean: Scores; perQuery: Scores[] } {
  const perQuery = judged.map((j) => scoreQuery(search(j.query), j));
  return { mean: meanScores(perQuery), perQuery };
}
