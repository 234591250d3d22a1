import { describe, expect, it } from 'vitest';
import { paperCorpusView } from '../../src/search/filters.js';
import { defaultSearchOptions } from '../../src/search/options.js';
import { PaperIndex } from '../../src/search/paper-index.js';
import { parseQuery } from '../../src/search/query-parser.js';
import { planQuery } from '../../src/search/query-plan.js';
import { Ranker } from '../../src/search/ranker.js';
import { papers } from './real-corpus.js';

const index = PaperIndex.build(papers);
const byId = new Map(papers.map((p) => [p.id, p]));
const view = paperCorpusView(index.ids.map((id) => byId.get(id)!));

describe('pruning very common words', () => {
  it('changes no result, and does happen', () => {
    // NOTE: on 99 papers the default floor is too low for pruning ever to pay; a higher one makes it happen here.
    const options = { ...defaultSearchOptions, minRelativeScore: 0.25 };
    const pruned = new Ranker(index, view, true, options);
    const exhaustive = new Ranker(index, view, false, options);
    const queries = [
      'quantization language models',
      'mamba large language models',
      'spline model',
      'RAG models training',
      'diffusion model',
      'long context language models',
      'models',
      'zero redundancy optimizer language models',
      'speculative decoding with language models',
    ];
    for (const query of queries) {
      const plan = planQuery(parseQuery(query), index, options);
      const a = pruned.rank(plan, 0, 20);
      const b = exhaustive.rank(plan, 0, 20);
      expect(a.total, query).toBe(b.total);
      expect(
        a.hits.map((h) => h.doc),
        query,
      ).toEqual(b.hits.map((h) => h.doc));
      a.hits.forEach((hit, i) => expect(hit.score).toBeCloseTo(b.hits[i]!.score, 9));
    }
    expect(pruned.prunedClauses).toBeGreaterThan(0);
    expect(exhaustive.prunedClauses).toBe(0);
  });
});
