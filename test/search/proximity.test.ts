import { describe, expect, it } from 'vitest';
import { PaperIndex } from '../../src/search/paper-index.js';
import { createPaperSearch } from '../../src/search/paper-search.js';
import { mergeSearchOptions } from '../../src/search/options.js';
import { parseQuery } from '../../src/search/query-parser.js';
import { planQuery } from '../../src/search/query-plan.js';
import { proximityScores } from '../../src/search/proximity.js';
import { fakePaper } from './fake-paper.js';

// Same words, same lengths: only the order and the neighbours differ.
const corpus = [
  fakePaper('apart', 'Context matters: a long study of windows.', { title: 'Study apart' }),
  fakePaper('together', 'Long context matters: a study of windows.', { title: 'Study together' }),
  fakePaper('reversed', 'Context long matters: a study of windows.', { title: 'Study reversed' }),
  fakePaper('titled', 'Matters: a study of windows.', { title: 'Long context' }),
  fakePaper('other', 'Speech audio for speakers.', { title: 'Study other' }),
];
const options = mergeSearchOptions({ semantic: { weight: 0 } });

describe('term proximity in the second stage', () => {
  const index = PaperIndex.build(corpus, options);
  const scoresFor = (query: string) => {
    const docs = corpus.map((_, doc) => doc);
    const scores = proximityScores(
      index,
      planQuery(parseQuery(query, options), index, options).clauses,
      docs,
      { titleWeight: 2, k1: 1.2 },
      { bits: new Uint32Array(0) },
    );
    return Object.fromEntries(corpus.map((paper, doc) => [paper.id, scores[doc]]));
  };

  it('scores consecutive query words side by side, in order, more in a title; nothing for one word', () => {
    const near = scoresFor('long context');
    expect(near.together).toBeGreaterThan(0);
    expect(near.apart).toBe(0);
    expect(near.reversed).toBe(0);
    expect(near.other).toBe(0);
    expect(near.titled).toBeGreaterThan(near.together!);
    expect(Object.values(scoresFor('context')).every((score) => score === 0)).toBe(true);
    // Any form of each word counts: stop words between them do not part them.
    expect(scoresFor('long contexts').together).toBeGreaterThan(0);
    expect(scoresFor('long the context').together).toBeGreaterThan(0);
  });

  it('lifts the paper that says the words together above the one that says them apart', () => {
    const ids = (weight: number) =>
      createPaperSearch(corpus, { options: { semantic: { weight: 0 }, proximity: { weight } } })
        .search('long context', { limit: 10 })
        .hits.map((h) => h.paper.id);
    // First pass alone: abstract ties broken by corpus order.
    expect(ids(0).indexOf('apart')).toBeLessThan(ids(0).indexOf('together'));
    expect(ids(options.proximity.weight).indexOf('together')).toBeLessThan(ids(options.proximity.weight).indexOf('apart'));
  });
});
