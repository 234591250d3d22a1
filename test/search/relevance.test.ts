import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/paths.js';
import { PlainSearch } from '../../src/search/plain-search.js';
import { evaluate, loadJudgedQueries, ndcgAt, recallAt, reciprocalRankAt } from '../../src/search/relevance.js';
import { papers, realSearch } from './real-corpus.js';

describe('relevance measures', () => {
  const judged = { a: 2, b: 1 };

  it('nDCG@k is 1 for the ideal order and less otherwise', () => {
    expect(ndcgAt(['a', 'b', 'x'], judged, 5)).toBe(1);
    const swapped = (1 + 3 / Math.log2(3)) / (3 + 1 / Math.log2(3));
    expect(ndcgAt(['b', 'a'], judged, 5)).toBeCloseTo(swapped, 10);
    expect(ndcgAt(['x', 'y'], judged, 5)).toBe(0);
  });

  it('MRR@k is one over the rank of the first relevant hit', () => {
    expect(reciprocalRankAt(['x', 'b', 'a'], judged, 10)).toBe(0.5);
    expect(reciprocalRankAt(['x', 'y', 'a'], judged, 2)).toBe(0);
  });

  it('recall@k is the share of relevant papers found', () => {
    expect(recallAt(['a', 'x'], judged, 10)).toBe(0.5);
    expect(recallAt(['x', 'a', 'b'], judged, 2)).toBe(0.5);
  });
});

describe('the judged queries', () => {
  const queries = loadJudgedQueries(join(PROJECT_ROOT, 'test', 'relevance', 'judged-queries.json'));

  it('are at least 40, judged on papers of the corpus', () => {
    expect(queries.length).toBeGreaterThanOrEqual(40);
    const ids = new Set(papers.map((p) => p.id));
    for (const q of queries) for (const id of Object.keys(q.relevant)) expect(ids.has(id), `${q.query}: ${id}`).toBe(true);
  });

  it('are ranked better by our search than by plain MiniSearch', () => {
    const search = realSearch();
    const plain = new PlainSearch(papers);
    const ours = evaluate(queries, (q) => search.search(q, { limit: 10 }).hits.map((h) => h.paper.id)).mean;
    const baseline = evaluate(queries, (q) => plain.search(q).slice(0, 10)).mean;
    expect(ours.ndcg5).toBeGreaterThan(baseline.ndcg5);
    expect(ours.mrr10).toBeGreaterThan(baseline.mrr10);
    expect(ours.recall10).toBeGreaterThan(baseline.recall10);
  });
});
