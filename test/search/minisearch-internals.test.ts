import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { readInternals } from '../../src/search/minisearch-internals.js';

describe('readInternals', () => {
  it('reads the postings of the installed MiniSearch', () => {
    const index = new MiniSearch<{ id: string; text: string }>({ fields: ['text'] });
    index.addAll([{ id: 'a', text: 'alpha beta beta' }, { id: 'b', text: 'beta' }]);
    const internals = readInternals(index);
    const textField = internals._fieldIds['text']!;
    expect(internals._index.get('beta')?.get(textField)).toEqual(new Map([[0, 2], [1, 1]]));
    expect([...internals._documentIds.values()]).toEqual(['a', 'b']);
    expect(internals._nextId).toBe(2);
  });

  it('fails loudly on a MiniSearch that keeps its index elsewhere', () => {
    expect(() => readInternals({} as MiniSearch<unknown>)).toThrow(/minisearch-internals/);
  });
});
