import { describe, expect, it } from 'vitest';
import { benchQueries } from '../../bench/bench-queries.js';
import { syntheticPapers } from '../../bench/synthetic-corpus.js';
import type { Paper } from '../../src/corpus/paper.js';
import { FrequentPairs } from '../../src/search/frequent-pairs.js';
import { mergeSearchOptions } from '../../src/search/options.js';
import { PaperIndex } from '../../src/search/paper-index.js';
import { createPaperSearch } from '../../src/search/paper-search.js';
import type { PaperSearch } from '../../src/search/types.js';
import { papers } from './real-corpus.js';

const PAIRS = { minShare: 0.01, maxPairs: 1_000, sampleSize: 500 };
/** No pair gets a set: every phrase is checked by scanning the paper's words, as before. */
const SCAN_ONLY = { phrasePairs: { minShare: 0.01, maxPairs: 0, sampleSize: 500 } };

/** True when the sequence has `first` right before `second`: the scan the sets stand in for. */
function scanned(sequence: Int32Array, first: number, second: number): boolean {
  for (let i = 1; i < sequence.length; i++) if (sequence[i - 1] === first && sequence[i] === second) return true;
  return false;
}

const answers = (search: PaperSearch, queries: readonly string[]) => queries.map((q) => search.search(q, { limit: 100 }));

describe('sets of papers for the commonest pairs of adjacent words', () => {
  const generated = syntheticPapers(papers, { count: 3_000, seed: 11 });
  const index = PaperIndex.build(generated.slice(0, 2_000), mergeSearchOptions());

  it('say exactly what a scan of each paper says, for every pair that has a set', () => {
    const pairs = FrequentPairs.build(index, PAIRS);
    const phrases = benchQueries(papers).phrase.map((q) => index.termIdsOf(q.replaceAll('"', '').split(' ')));
    let known = 0;
    for (const ids of phrases) {
      if (ids === null || ids.length !== 2) continue;
      for (let doc = 0; doc < index.size; doc++) {
        const holds = pairs.holds(doc, ids[0]!, ids[1]!);
        if (holds === undefined) break;
        known += 1;
        expect(holds).toBe(scanned(index.sequenceOf(doc), ids[0]!, ids[1]!));
      }
    }
    // The bench's phrases are its commonest pairs: they all have sets.
    expect(known).toBeGreaterThan(10 * index.size);
    // A pair in reverse order is rare: no set; the scan answers.
    const [a, b] = index.termIdsOf(['language', 'model']) ?? [];
    if (a !== undefined && b !== undefined) expect(pairs.holds(0, b, a)).toBeUndefined();
  });

  it('leave every phrase answer as the scan gives it, also as papers arrive and change', () => {
    const phrases = [...benchQueries(papers).phrase, '"models language"', '"large language models"', '"language models" -survey', '"scaling law"'];
    const start = generated.slice(0, 2_000);
    const withSets = createPaperSearch(start);
    const scanOnly = createPaperSearch(start, { options: SCAN_ONLY });
    expect(answers(withSets, phrases)).toEqual(answers(scanOnly, phrases));
    const arriving = generated.slice(2_000, 2_300);
    const newVersions: Paper[] = generated.slice(2_300, 2_400).map((text, i) => ({ ...start[i * 7]!, title: text.title, abstract: text.abstract }));
    for (const search of [withSets, scanOnly]) {
      search.upsert(arriving);
      search.upsert(newVersions);
    }
    expect(answers(withSets, phrases)).toEqual(answers(scanOnly, phrases));
  });

  it('a snapshot after the only papers with a common pair changed leaves that pair out, and loads', () => {
    const pair = (id: string, abstract: string) => ({ ...papers[0]!, id, arxivId: null, title: `Study ${id}`, abstract, rawAbstract: abstract });
    const start = [pair('a', 'Quokka lemurs sleep.'), pair('b', 'Quokka lemurs wake.'), pair('c', 'Other words here.')];
    const search = createPaperSearch(start, { options: { phrasePairs: { minShare: 0.5, maxPairs: 10, sampleSize: 10 } } });
    expect(search.search('"quokka lemurs"').total).toBe(2);
    search.upsert([pair('a', 'Sleep now.'), pair('b', 'Wake now.')]);
    const restored = createPaperSearch(search.all(), {
      snapshot: search.snapshot!(),
      options: { phrasePairs: { minShare: 0.5, maxPairs: 10, sampleSize: 10 } },
    });
    expect(restored.search('"quokka lemurs"').total).toBe(0);
    expect(restored.search('"wake now"').total).toBe(1);
  });

  it('are kept in the snapshot, and a snapshot whose sets do not fit is refused', () => {
    const search = createPaperSearch(papers);
    search.upsert([{ ...papers[0]!, id: 'copy-of-first' }]);
    const restored = createPaperSearch(search.all(), { snapshot: search.snapshot!() });
    const phrases = ['"language models"', '"large language models"', '"long context"', '"scaling laws"'];
    expect(answers(restored, phrases)).toEqual(answers(search, phrases));
    const real = PaperIndex.build(papers);
    const pairs = FrequentPairs.build(real, PAIRS).toSnapshot(real, () => true);
    const termIds = new Map(Array.from({ length: real.termCount }, (_, id) => [real.termOf(id), id]));
    expect(pairs.header.pairs.length).toBeGreaterThan(0);
    expect(() => FrequentPairs.fromSnapshot(pairs, termIds, papers.length)).not.toThrow();
    expect(() => FrequentPairs.fromSnapshot({ ...pairs, bits: pairs.bits.subarray(1) }, termIds, papers.length)).toThrow(/damaged/);
    expect(() => FrequentPairs.fromSnapshot(pairs, new Map(), papers.length)).toThrow(/damaged/);
  });
});
