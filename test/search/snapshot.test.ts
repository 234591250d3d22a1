import { describe, expect, it } from 'vitest';
import { createPaperSearch } from '../../src/search/paper-search.js';
import type { SearchHit } from '../../src/search/types.js';
import { fakePaper } from './fake-paper.js';
import { papers, realSearch } from './real-corpus.js';

const search = realSearch();
const QUERIES = ['RAG', 'long-context', 'langauge models', 'quantiz', '"scaling law" -survey', 'author:liu year:2024', 'qxantizxtiyn'];

describe('snapshots', () => {
  it('a search restored from a snapshot answers exactly like the original', () => {
    const restored = createPaperSearch(papers, { snapshot: search.snapshot!() });
    // NOTE: sums may run in another order after loading, so scores agree to rounding only.
    const same = (a: SearchHit[], b: SearchHit[]) => {
      expect(a.map((h) => h.paper.id)).toEqual(b.map((h) => h.paper.id));
      a.forEach((hit, i) => expect(hit.score).toBeCloseTo(b[i]!.score, 9));
    };
    for (const query of QUERIES) {
      const { hits, ...rest } = restored.search(query, { limit: 20 });
      const { hits: expectedHits, ...expectedRest } = search.search(query, { limit: 20 });
      expect(rest).toEqual(expectedRest);
      same(hits, expectedHits);
    }
    same(restored.similar(papers[3]!.id), search.similar(papers[3]!.id));
  });

  it('refuses a snapshot of another corpus', () => {
    const other = createPaperSearch([fakePaper('x', 'Something else entirely.')]);
    expect(() => createPaperSearch(papers, { snapshot: other.snapshot!() })).toThrow(/different set of papers/);
  });

  it('refuses a damaged snapshot', () => {
    const bytes = search.snapshot!();
    expect(() => createPaperSearch(papers, { snapshot: bytes.subarray(0, bytes.length - 64) })).toThrow(/damaged/);
    expect(() => createPaperSearch(papers, { snapshot: new Uint8Array(2) })).toThrow(/damaged/);
  });

  it('refuses a snapshot from another analysis version', () => {
    const bytes = Buffer.from(search.snapshot!());
    const at = bytes.indexOf('"version":') + '"version":'.length;
    bytes.write(bytes[at] === 0x39 ? '8' : '9', at);
    expect(() => createPaperSearch(papers, { snapshot: bytes })).toThrow(/version/);
  });
});
