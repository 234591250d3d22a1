import { describe, expect, it } from 'vitest';
import { SEARCH } from '../../src/config.js';
import { createPaperSearch } from '../../src/search/paper-search.js';
import { fakePaper } from './fake-paper.js';
import { allIds, idsWhere, papers, realSearch, textOf } from './real-corpus.js';

const search = realSearch();
const RAG_EXPANSION = /retrieval[- ]augmented generation/i;

describe('acronyms mined from the corpus', () => {
  it('RAG finds the papers that name retrieval-augmented generation in their title', () => {
    const titled = idsWhere((p) => RAG_EXPANSION.test(p.title));
    expect(titled.length).toBeGreaterThan(1);
    const top = search.search('RAG', { limit: titled.length + 1 }).hits.map((h) => h.paper.id);
    for (const id of titled) expect(top).toContain(id);
  });

  it('RAG lists only papers that speak of RAG or of its expansion', () => {
    for (const hit of search.search('RAG', { limit: 50 }).hits) expect(textOf(hit.paper)).toMatch(/\bRAG\b|retrieval[- ]augmented generation/i);
  });

  it('the expansion finds papers that only write the acronym, and the other way round', () => {
    const fake = createPaperSearch([
      fakePaper('a', 'We propose Sparse Window Attention (SWA) for long inputs.'),
      fakePaper('b', 'Our model uses SWA in every layer.'),
      fakePaper('c', 'A method with sparse window attention, no acronym here.'),
      fakePaper('d', 'Dense attention over windows of sparse tokens.'),
    ]);
    const ids = (query: string) =>
      fake
        .search(query)
        .hits.map((h) => h.paper.id)
        .sort();
    expect(ids('SWA')).toEqual(['a', 'b', 'c']);
    expect(ids('sparse window attention')).toEqual(expect.arrayContaining(['a', 'b', 'c']));
  });
});

describe('compounds', () => {
  it('long-context, long context and longcontext are the same query', () => {
    const hyphen = allIds('long-context');
    expect(hyphen.length).toBeGreaterThan(5);
    expect(allIds('long context')).toEqual(hyphen);
    expect(allIds('longcontext')).toEqual(hyphen);
  });

  it('pre-training and pretraining find the same papers', () => {
    expect(new Set(allIds('pretraining'))).toEqual(new Set(allIds('pre-training')));
  });
});

describe('questions typed in Slack', () => {
  it('filler words do not change the answer', () => {
    expect(allIds('anything on quantization?')).toEqual(allIds('quantization'));
    expect(allIds('what papers talk about long context?')).toEqual(allIds('long context'));
  });
});

describe('typos and prefixes', () => {
  it.each([
    ['langauge', 'language'],
    ['quantisation', 'quantization'],
    ['tranformer', 'transformer'],
    ['retreival', 'retrieval'],
  ])('%s ranks like %s', (typo, word) => {
    const expected = search.search(word, { limit: 5 }).hits.map((h) => h.paper.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(search.search(typo, { limit: 5 }).hits.map((h) => h.paper.id)).toEqual(expected);
  });

  it('short words are not corrected', () => {
    expect(search.search('lroa').total).toBe(0);
  });

  it('the last word matches as a prefix', () => {
    const titled = idsWhere((p) => /quantiz/i.test(p.title));
    const found = allIds('quantiz');
    for (const id of titled) expect(found).toContain(id);
    for (const id of found) expect(textOf(papers.find((p) => p.id === id)!)).toMatch(/\bquant/i);
  });

  it('only the last word', () => {
    // `quant` is too short to be corrected: unfinished as the last word, unknown elsewhere.
    expect(allIds('quant compression')).toEqual(allIds('compression'));
    const plain = allIds('compression');
    const completed = allIds('compression quant');
    const quantized = idsWhere((p) => /quantiz/i.test(p.title) && plain.includes(p.id));
    expect(quantized.length).toBeGreaterThan(0);
    for (const id of quantized) expect(completed.indexOf(id)).toBeLessThan(plain.indexOf(id));
  });
});

describe('query syntax', () => {
  it('"a phrase" lists only papers with the words in that order', () => {
    const hits = allIds('"scaling law"');
    expect(hits.length).toBeGreaterThan(2);
    for (const id of hits) expect(textOf(papers.find((p) => p.id === id)!)).toMatch(/scaling[\s-]+laws?\b/i);
    for (const id of idsWhere((p) => /scaling[\s-]+laws?\b/i.test(p.title))) expect(hits).toContain(id);
  });

  it('-word drops papers with that word', () => {
    const all = allIds('diffusion');
    const without = allIds('diffusion -video');
    expect(all.some((id) => /video/i.test(textOf(papers.find((p) => p.id === id)!)))).toBe(true);
    expect(without.length).toBeGreaterThan(0);
    for (const id of without) {
      expect(all).toContain(id);
      expect(textOf(papers.find((p) => p.id === id)!)).not.toMatch(/\bvideos?\b/i);
    }
  });

  it('author: lists exactly the papers of that author', () => {
    expect(new Set(allIds('author:Rajbhandari'))).toEqual(new Set(idsWhere((p) => p.authors.some((a) => a.includes('Rajbhandari')))));
    expect(new Set(allIds('author:rajb'))).toEqual(new Set(allIds('author:Rajbhandari')));
  });

  it('author:"first last" needs both names on one author', () => {
    const expected = idsWhere((p) => p.authors.some((a) => /\bHaoran Que\b/.test(a)));
    expect(expected.length).toBeGreaterThan(1);
    expect(new Set(allIds('author:"Haoran Que"'))).toEqual(new Set(expected));
    // "Jiaheng" and "Que" are co-authors on these papers, but no one is called Jiaheng Que.
    expect(allIds('author:"Jiaheng Que"')).toEqual([]);
  });

  it('year: lists the papers first submitted that year, newest first', () => {
    const expected = idsWhere((p) => p.published?.startsWith('2024') === true);
    const hits = search.search('year:2024', { limit: papers.length }).hits;
    expect(new Set(hits.map((h) => h.paper.id))).toEqual(new Set(expected));
    const months = hits.map((h) => h.paper.published!);
    expect(months).toEqual([...months].sort().reverse());
    for (const id of allIds('language models year:2023')) expect(papers.find((p) => p.id === id)!.published).toMatch(/^2023-/);
  });

  it('an unreadable year: finds nothing and suggests the query without it', () => {
    const response = search.search('diffusion year:24');
    expect(response.hits).toEqual([]);
    expect(response.suggestion).toBe('diffusion');
  });

  it('has:code keeps papers with a code link', () => {
    expect(new Set(allIds('has:code'))).toEqual(new Set(idsWhere((p) => p.links.code.length > 0)));
    const hits = allIds('has:code long context');
    expect(hits.length).toBeGreaterThan(0);
    for (const id of hits) expect(papers.find((p) => p.id === id)!.links.code.length).toBeGreaterThan(0);
  });

  it.each([
    'https://arxiv.org/pdf/2308.16582v2',
    'https://arxiv.org/abs/2308.16582',
    'https://huggingface.co/papers/2308.16582',
    '2308.16582v3',
    '<https://arxiv.org/abs/2308.16582v1|Any-Size-Diffusion>',
  ])('%s finds that paper directly', (ref) => {
    const response = search.search(ref);
    expect(response.direct).toBe(true);
    expect(response.hits.map((h) => h.paper.id)).toEqual(['2308.16582']);
  });

  it('an arXiv id outside the corpus finds nothing', () => {
    expect(search.search('2101.00001')).toMatchObject({ direct: false, total: 0, hits: [] });
  });
});

describe('no junk', () => {
  it('a narrow query lists only what matches', () => {
    const hits = allIds('mamba');
    expect(hits).toEqual(idsWhere((p) => /mamba/i.test(textOf(p))));
  });

  it('beyond the first five, no hit scores far below the best', () => {
    for (const query of ['long context', 'efficient attention for long sequences', 'code generation', 'zero redundancy optimizer']) {
      const { hits } = search.search(query, { limit: papers.length });
      const floor = hits[0]!.score * SEARCH.minRelativeScore;
      for (const hit of hits.slice(SEARCH.guaranteedHits)) expect(hit.score, query).toBeGreaterThanOrEqual(floor);
    }
  });

  it('the first five papers that hold a query word are always listed, even under the floor', () => {
    // A higher floor than the default, so that some of the five are under it.
    const minRelativeScore = 0.25;
    const query = 'zero redundancy optimizer';
    const { hits, total } = createPaperSearch(papers, { options: { minRelativeScore } }).search(query, { limit: papers.length });
    expect(total).toBeGreaterThanOrEqual(SEARCH.guaranteedHits);
    const floor = hits[0]!.score * minRelativeScore;
    expect(hits.slice(0, SEARCH.guaranteedHits).some((h) => h.score < floor)).toBe(true);
    for (const hit of hits.slice(0, SEARCH.guaranteedHits)) expect(textOf(hit.paper)).toMatch(/\bzero\b|redundanc|optimiz/i);
    const strict = createPaperSearch(papers, { options: { minRelativeScore, guaranteedHits: 0 } }).search(query, { limit: papers.length });
    expect(strict.total).toBeLessThan(total);
  });

  it('one-word queries still list only close matches: a typo is held to the floor', () => {
    for (const query of ['mamba', 'quantisation']) {
      const { hits } = search.search(query, { limit: papers.length });
      const floor = hits[0]!.score * SEARCH.minRelativeScore;
      for (const hit of hits) expect(hit.score, query).toBeGreaterThanOrEqual(floor);
    }
  });
});

describe('paging and limits', () => {
  it('pages add up to the whole list and keep the total', () => {
    const whole = search.search('language models', { limit: 30 });
    const first = search.search('language models', { limit: 10 });
    const second = search.search('language models', { limit: 10, offset: 10 });
    expect([...first.hits, ...second.hits].map((h) => h.paper.id)).toEqual(whole.hits.slice(0, 20).map((h) => h.paper.id));
    expect(first.total).toBe(whole.total);
    expect(second.total).toBe(whole.total);
  });

  it('empty, blank and stop-word queries find nothing and do not throw', () => {
    for (const query of ['', '   ', 'the of and', '???', '-survey']) {
      expect(search.search(query)).toMatchObject({ hits: [], total: 0, suggestion: null, direct: false });
    }
  });

  it('very long queries do not blow up', () => {
    const words = papers.flatMap((p) => p.abstract.split(/\s+/));
    for (const size of [10_000, 100_000]) {
      let query = '';
      for (let i = 0; query.length < size; i += 7) query += `${words[i % words.length]} `;
      const response = search.search(query);
      expect(response.total).toBeGreaterThan(0);
      expect(response.hits.length).toBeLessThanOrEqual(SEARCH.defaultLimit);
    }
  });
});

describe('partial matches', () => {
  it('a paper matching every word ranks above papers matching some, whatever their scores', () => {
    const fake = createPaperSearch([
      fakePaper('a', 'Decoding, decoding and decoding again: fast decoding.', { title: 'Decoding' }),
      fakePaper('b', 'Sampling strategies for speculative execution in long and wordy experiments on many benchmarks, then decoding once.'),
      fakePaper('c', 'Speculative work.', { title: 'Speculative' }),
    ]);
    const response = fake.search('speculative decoding');
    expect(response.hits[0]!.paper.id).toBe('b');
    expect(response.unmatched).toEqual([]);
  });

  it('when no paper matches them all, says which word matched nothing', () => {
    const response = search.search('speculative decoding');
    expect(response.total).toBeGreaterThan(0);
    expect(response.unmatched).toEqual(['speculative']);
    for (const hit of response.hits) expect(textOf(hit.paper)).toMatch(/decod/i);
    expect(search.search('long context').unmatched).toEqual([]);
    expect(search.search('qxzqv').unmatched).toEqual([]);
  });
});
