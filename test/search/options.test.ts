import { describe, expect, it, vi } from 'vitest';
import { SEARCH } from '../../src/config.js';
import { changedSearchOptions, defaultSearchOptions, mergeSearchOptions, type PartialSearchOptions } from '../../src/search/options.js';
import { createPaperSearch } from '../../src/search/paper-search.js';
import type { PaperSearch } from '../../src/search/types.js';
import { fakePaper } from './fake-paper.js';
import { papers, realSearch } from './real-corpus.js';

/**
 * Every read of the exported `defaultSearchOptions` by another module, while `watching`: once
 * `createPaperSearch` has merged its options (inside options.ts, which these reads do not count),
 * no part of the engine may fall back on the defaults behind its back.
 */
const defaultReads = vi.hoisted(() => ({ watching: false, keys: [] as string[] }));
vi.mock('../../src/search/options.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/search/options.js')>();
  const watched = new Proxy(actual.defaultSearchOptions, {
    get(target, key, receiver) {
      if (defaultReads.watching) defaultReads.keys.push(String(key));
      return Reflect.get(target, key, receiver);
    },
  });
  return { ...actual, defaultSearchOptions: watched };
});

const search = realSearch();
const withOptions = (options: PartialSearchOptions): PaperSearch => createPaperSearch(papers, { options });
const ranked = (engine: PaperSearch, query: string) => engine.search(query, { limit: papers.length }).hits.map((h) => [h.paper.id, h.score] as const);
const ids = (engine: PaperSearch, query: string, limit = papers.length) => engine.search(query, { limit }).hits.map((h) => h.paper.id);

describe('search options: merging', () => {
  it('merges nested objects key by key and leaves the rest at their defaults', () => {
    const options = mergeSearchOptions({ minRelativeScore: 0, fields: { title: { boost: 3 } }, fuzzy: { weight: 0.5 } });
    expect(options.minRelativeScore).toBe(0);
    expect(options.fields).toEqual({ title: { boost: 3, b: 0.3 }, abstract: { boost: 1, b: 0.75 }, authors: { boost: 2, b: 0 } });
    expect(options.fuzzy).toEqual({ ...defaultSearchOptions.fuzzy, weight: 0.5 });
    expect({
      ...options,
      minRelativeScore: defaultSearchOptions.minRelativeScore,
      fields: defaultSearchOptions.fields,
      fuzzy: defaultSearchOptions.fuzzy,
    }).toEqual(defaultSearchOptions);
    expect(mergeSearchOptions()).toEqual(defaultSearchOptions);
    expect(mergeSearchOptions({ k1: undefined })).toEqual(defaultSearchOptions);
  });

  it('never changes the defaults, and hands out objects of its own', () => {
    const before = JSON.parse(JSON.stringify(defaultSearchOptions));
    const options = mergeSearchOptions({ k1: 2, fields: { title: { boost: 9, b: 1 } }, prefix: { minChars: 9 } });
    expect(defaultSearchOptions).toEqual(before);
    expect(options.fields.title).not.toBe(defaultSearchOptions.fields.title);
    expect(options.fields.abstract).not.toBe(defaultSearchOptions.fields.abstract);
    (options.fields.abstract as { boost: number }).boost = 42;
    expect(defaultSearchOptions.fields.abstract.boost).toBe(1);
    expect(Object.isFrozen(defaultSearchOptions) && Object.isFrozen(defaultSearchOptions.fields.title)).toBe(true);
    withOptions({ minRelativeScore: 0, fields: { title: { boost: 0 } } });
    expect(defaultSearchOptions).toEqual(before);
  });

  it('refuses options that do not exist or values of the wrong kind', () => {
    expect(() => mergeSearchOptions({ minRelativeScor: 0 } as PartialSearchOptions)).toThrow(/Unknown search option "minRelativeScor"/);
    expect(() => mergeSearchOptions({ fields: { titel: { boost: 3 } } } as PartialSearchOptions)).toThrow(/"fields\.titel"/);
    expect(() => mergeSearchOptions({ k1: '1.2' } as unknown as PartialSearchOptions)).toThrow(/k1 must be a finite number/);
    expect(() => mergeSearchOptions({ k1: Number.NaN })).toThrow(/k1/);
    expect(() => mergeSearchOptions({ fuzzy: 2 } as unknown as PartialSearchOptions)).toThrow(/fuzzy must be an object/);
  });

  it('lists what differs from the defaults', () => {
    expect(changedSearchOptions(defaultSearchOptions)).toEqual([]);
    expect(changedSearchOptions(mergeSearchOptions({ k1: 1.2, fields: { title: { boost: 3 } } }))).toEqual([
      { path: 'fields.title.boost', value: 3, default: 2.5 },
    ]);
  });

  it('config.ts still shows them as SEARCH', () => {
    expect(SEARCH).toBe(defaultSearchOptions);
  });
});

describe('search options: honoured by the engine', () => {
  it('the defaults given explicitly are the same as none', () => {
    const explicit = createPaperSearch(papers, { options: defaultSearchOptions });
    for (const query of ['long context', 'RAG', 'langauge models', 'quantiz', '"scaling law" -survey', 'author:liu year:2024']) {
      expect(ranked(explicit, query)).toEqual(ranked(search, query));
    }
    expect(explicit.similar(papers[3]!.id)).toEqual(search.similar(papers[3]!.id));
  });

  it('minRelativeScore: 0 lists more of the real corpus than the default cut-off', () => {
    const lenient = withOptions({ minRelativeScore: 0 });
    // The second stage reranks what the cut-off lets through: with it off, the strict list is the lenient one's head.
    const firstPassStrict = withOptions({ semantic: { weight: 0 }, proximity: { weight: 0 } });
    const firstPassLenient = withOptions({ minRelativeScore: 0, semantic: { weight: 0 }, proximity: { weight: 0 } });
    for (const query of ['code generation', 'long context']) {
      const all = ids(lenient, query);
      expect(all.length).toBeGreaterThan(ids(search, query).length);
      expect(lenient.search(query).total).toBe(all.length);
      const strict = ids(firstPassStrict, query);
      expect(ids(firstPassLenient, query).slice(0, strict.length)).toEqual(strict);
    }
  });

  it('fields.title.boost changes scores and order', () => {
    const titleBlind = withOptions({ fields: { title: { boost: 0 } } });
    const titleHeavy = withOptions({ fields: { title: { boost: 25 } } });
    // The first pass alone, so that the order compared is the one field weights make.
    const firstPass = { semantic: { weight: 0 }, proximity: { weight: 0 } };
    const [blindFirst, heavyFirst, defaultFirst] = [0, 25, defaultSearchOptions.fields.title.boost].map((boost) =>
      withOptions({ ...firstPass, fields: { title: { boost } } }),
    );
    for (const query of ['code generation', 'long context']) {
      expect(ids(blindFirst!, query, 5)).not.toEqual(ids(defaultFirst!, query, 5));
      expect(ids(heavyFirst!, query, 5)).not.toEqual(ids(defaultFirst!, query, 5));
      expect(titleBlind.search(query).hits[0]!.score).not.toBe(search.search(query).hits[0]!.score);
    }
    // Heavier titles: the papers named for the query rise to the top.
    const named = (engine: PaperSearch) => engine.search('long context', { limit: 3 }).hits.filter((h) => /long[- ]context/i.test(h.paper.title)).length;
    expect(named(titleHeavy)).toBe(3);
    expect(named(titleHeavy)).toBeGreaterThan(named(search));
  });

  it('page sizes, query bounds and the planner follow their options', () => {
    expect(withOptions({ defaultLimit: 3 }).search('language models').hits).toHaveLength(3);
    expect(withOptions({ similarLimit: 2 }).similar(papers[0]!.id)).toHaveLength(2);
    expect(withOptions({ maxQueryChars: 4 }).search('long context').total).toBe(search.search('long').total);
    expect(withOptions({ maxQueryTerms: 1 }).search('quantization diffusion').total).toBe(search.search('quantization').total);
    // No completions of an unfinished word; no corrections of a typo, then no "Did you mean" either.
    expect(search.search('benchma').total).toBeGreaterThan(0);
    expect(withOptions({ prefix: { minChars: 20 } }).search('benchma').total).toBe(0);
    expect(search.search('langauge').total).toBeGreaterThan(0);
    expect(withOptions({ fuzzy: { minChars: 20 } }).search('langauge')).toMatchObject({ total: 0, suggestion: 'language' });
    expect(withOptions({ fuzzy: { minChars: 20 }, suggestionMaxEdits: 0 }).search('langauge')).toMatchObject({ total: 0, suggestion: null });
  });

  it('ranking and similar papers follow their options', () => {
    for (const options of [{ k1: 3 }, { coordinationExponent: 2 }, { related: { weight: 0.9 } }, { fields: { abstract: { b: 0 } } }]) {
      expect(ranked(withOptions(options), 'efficient training of language models')).not.toEqual(ranked(search, 'efficient training of language models'));
    }
    const id = papers[3]!.id;
    expect(withOptions({ similarFields: { title: 0, abstract: 0, authors: 1 } }).similar(id)).not.toEqual(search.similar(id));
  });

  it('acronym mining follows its options', () => {
    const corpus = [
      fakePaper('a', 'We propose Sparse Window Attention (SWA) for long inputs.'),
      fakePaper('b', 'Our model uses SWA in every layer.'),
      fakePaper('c', 'A method with sparse window attention, no acronym here.'),
    ];
    const found = (options: PartialSearchOptions) =>
      createPaperSearch(corpus, { options })
        .search('SWA')
        .hits.map((h) => h.paper.id)
        .sort();
    expect(found({})).toEqual(['a', 'b', 'c']);
    expect(found({ acronym: { maxChars: 2 } })).toEqual(['a', 'b']);
  });

  it('a snapshot is loaded with the options given: field weights apply, another version is refused', () => {
    const bytes = search.snapshot!();
    const weights = { fields: { title: { boost: 5, b: 0.5 } } };
    const restored = createPaperSearch(papers, { snapshot: bytes, options: weights });
    const built = withOptions(weights);
    for (const query of ['long context', 'code generation']) {
      const [a, b] = [ranked(restored, query), ranked(built, query)];
      expect(a.map(([id]) => id)).toEqual(b.map(([id]) => id));
      a.forEach(([, score], i) => {
        expect(score).toBeCloseTo(b[i]![1], 9);
      });
      expect(a).not.toEqual(ranked(search, query));
    }
    const [now, next] = [defaultSearchOptions.snapshotVersion, defaultSearchOptions.snapshotVersion + 1];
    const later = createPaperSearch(papers, { options: { snapshotVersion: next } });
    expect(() => createPaperSearch(papers, { snapshot: later.snapshot!() })).toThrow(`version ${next} is not ${now}`);
    expect(() => createPaperSearch(papers, { snapshot: bytes, options: { snapshotVersion: next } })).toThrow(`version ${now} is not ${next}`);
    expect(createPaperSearch(papers, { snapshot: later.snapshot!(), options: { snapshotVersion: next } }).search('RAG').total).toBe(search.search('RAG').total);
  });

  it('no part of the engine reads the defaults once createPaperSearch has merged them', () => {
    defaultReads.keys.length = 0;
    defaultReads.watching = true;
    try {
      for (const options of [undefined, { minRelativeScore: 0.1 }]) {
        const engine = createPaperSearch(papers, { options });
        for (const query of [
          'RAG',
          'long-context',
          'longcontext',
          'langauge models',
          'quantiz',
          '"scaling law" -survey',
          'author:liu year:2024',
          'qxantizxtiyn',
          'has:code',
        ]) {
          engine.search(query);
        }
        engine.similar(papers[0]!.id);
        createPaperSearch(papers, { snapshot: engine.snapshot!(), options }).search('diffusion models');
      }
    } finally {
      defaultReads.watching = false;
    }
    expect(defaultReads.keys).toEqual([]);
  });
});
