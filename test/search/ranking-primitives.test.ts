import { describe, expect, it } from 'vitest';
import { coordination, scoreFloor } from '../../src/search/score-cutoff.js';
import { TopK } from '../../src/search/top-k.js';

describe('scoreFloor', () => {
  it('is a fraction of the best score', () => {
    expect(scoreFloor(8, 0.25)).toBe(2);
    expect(scoreFloor(0, 0.25)).toBe(0);
  });
});

describe('coordination', () => {
  it('rewards matching more of the query', () => {
    expect(coordination(2, 2, 1)).toBe(1);
    expect(coordination(1, 2, 1)).toBe(0.5);
    expect(coordination(1, 2, 2)).toBe(0.25);
    expect(coordination(1, 0, 1)).toBe(0);
  });
});

describe('TopK', () => {
  it('keeps the k best of a stream, best first, ties in doc order', () => {
    const top = new TopK(3);
    const scores = [0.5, 0.9, 0.1, 0.9, 0.7, 0.3];
    scores.forEach((score, doc) => top.push(score, doc));
    expect(top.sorted()).toEqual([
      { doc: 1, score: 0.9 },
      { doc: 3, score: 0.9 },
      { doc: 4, score: 0.7 },
    ]);
  });

  it('matches a full sort on random input', () => {
    const scores = Array.from({ length: 500 }, (_, i) => (Math.sin(i * 12.9898) * 43758.5453) % 1);
    const top = new TopK(25);
    scores.forEach((score, doc) => top.push(score, doc));
    const expected = scores
      .map((score, doc) => ({ doc, score }))
      .sort((a, b) => b.score - a.score || a.doc - b.doc)
      .slice(0, 25);
    expect(top.sorted()).toEqual(expected);
  });

  it('keeps nothing when k is 0', () => {
    const top = new TopK(0);
    top.push(1, 1);
    expect(top.sorted()).toEqual([]);
  });
});
