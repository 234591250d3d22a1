import { describe, expect, it } from 'vitest';
import { SEARCH } from '../../src/config.js';
import { papers, realSearch } from './real-corpus.js';

const search = realSearch();

describe('similar', () => {
  it('excludes the paper itself, for every paper', () => {
    for (const paper of papers) {
      const hits = search.similar(paper.id, 10);
      expect(hits.map((h) => h.paper.id)).not.toContain(paper.id);
      expect(hits.length).toBeLessThanOrEqual(10);
    }
  });

  it('ranks by cosine, best first, within (0, 1]', () => {
    const hits = search.similar(papers[0]!.id);
    expect(hits).toHaveLength(SEARCH.similarLimit);
    const scores = hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const score of scores) {
      expect(score).toBeGreaterThan(0);
      expect(score).toBeLessThanOrEqual(1);
    }
  });

  it('finds the other paper of a pair with near-identical titles first', () => {
    const key = (title: string) =>
      title
        .toLowerCase()
        .replace(/[^a-z]/g, '')
        .slice(0, 28);
    const pair = papers.filter((p) => papers.some((q) => q !== p && key(q.title) === key(p.title)));
    expect(pair).toHaveLength(2);
    expect(search.similar(pair[0]!.id)[0]!.paper.id).toBe(pair[1]!.id);
    expect(search.similar(pair[1]!.id)[0]!.paper.id).toBe(pair[0]!.id);
  });

  it('accepts any reference to the paper and is empty for unknown ones', () => {
    const byId = search.similar('2308.16582').map((h) => h.paper.id);
    expect(search.similar('https://arxiv.org/abs/2308.16582v2').map((h) => h.paper.id)).toEqual(byId);
    expect(search.similar('no-such-paper')).toEqual([]);
  });
});
