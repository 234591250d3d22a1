import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { AcronymTable } from '../../src/search/acronyms.js';
import { nameTerms } from '../../src/search/analyzer.js';
import { FIELDS, fieldText, type FieldName, type IndexablePaper } from '../../src/search/fields.js';
import { buildIndex, documentTerms } from '../../src/search/index-builder.js';
import { assembleMiniSearch, readInternals } from '../../src/search/minisearch-internals.js';
import { papers } from './real-corpus.js';

describe('readInternals', () => {
  it('reads the postings of the installed MiniSearch', () => {
    const index = new MiniSearch<{ id: string; text: string }>({ fields: ['text'] });
    index.addAll([
      { id: 'a', text: 'alpha beta beta' },
      { id: 'b', text: 'beta' },
    ]);
    const internals = readInternals(index);
    const textField = internals._fieldIds['text']!;
    expect(internals._index.get('beta')?.get(textField)).toEqual(
      new Map([
        [0, 2],
        [1, 1],
      ]),
    );
    expect([...internals._documentIds.values()]).toEqual(['a', 'b']);
    expect(internals._nextId).toBe(2);
  });

  it('fails loudly on a MiniSearch that keeps its index elsewhere', () => {
    expect(() => readInternals({} as MiniSearch<unknown>)).toThrow(/minisearch-internals/);
  });
});

describe('assembleMiniSearch', () => {
  it('builds exactly the index that MiniSearch addAll builds from the same analysis', () => {
    const acronyms = AcronymTable.mine(papers.flatMap((p) => [p.title, p.abstract]));
    const options = {
      fields: [...FIELDS],
      extractField: (paper: IndexablePaper, field: string) => (field === 'id' ? paper.id : fieldText(paper, field as FieldName)),
      tokenize: (text: string, field?: string) => (field === 'authors' ? nameTerms(text) : documentTerms(text, acronyms)),
      processTerm: (term: string) => term,
    };
    const added = new MiniSearch<IndexablePaper>(options);
    added.addAll(papers);
    const assembled = assembleMiniSearch(options, buildIndex(papers, acronyms).parts);

    const { index: addedIndex, averageFieldLength: addedAverages, ...addedRest } = added.toJSON();
    const { index: assembledIndex, averageFieldLength: assembledAverages, ...assembledRest } = assembled.toJSON();
    expect(assembledRest).toEqual(addedRest);
    expect(new Map(assembledIndex)).toEqual(new Map(addedIndex));
    // MiniSearch keeps a running average, so the last digits may differ.
    assembledAverages.forEach((average, i) => expect(average).toBeCloseTo(addedAverages[i]!, 9));
    expect(assembled.search('retrieval augmented generation').map((r) => r.id)).toEqual(added.search('retrieval augmented generation').map((r) => r.id));
  });
});
