import { describe, expect, it } from 'vitest';
import { createPaperSearch } from '../../src/search/paper-search.js';
import { fakePaper } from './fake-paper.js';
import { papers, realSearch, textOf } from './real-corpus.js';

const search = realSearch();

/** `word` with three of its letters changed: too far for typo tolerance, close enough to suggest. */
function garble(word: string): string {
  const letters = [...word];
  for (const i of [1, Math.floor(word.length / 2), word.length - 2]) letters[i] = letters[i] === 'x' ? 'y' : 'x';
  return letters.join('');
}

describe('Did you mean', () => {
  it('does not suggest a word a third of whose letters were changed', () => {
    expect(search.search(garble('diffusion'))).toMatchObject({ total: 0, suggestion: null });
  });

  it.each(['quantization', 'transformers'])('suggests a query that finds something for a garbled %s', (word) => {
    const typo = garble(word);
    const response = search.search(typo);
    expect(response.total).toBe(0);
    expect(response.suggestion).toBe(word);
    expect(search.search(response.suggestion!).total).toBeGreaterThan(0);
  });

  it('relaxes a filter that leaves nothing', () => {
    const speechYears = papers.filter((p) => /speech/i.test(p.abstract)).map((p) => p.published?.slice(0, 4));
    expect(speechYears).not.toContain('2024');
    const response = search.search('speech year:2024');
    expect(response.total).toBe(0);
    expect(response.suggestion).toBe('speech');
    expect(search.search(response.suggestion!).total).toBeGreaterThan(0);
  });

  it('corrects a word inside a phrase', () => {
    const response = search.search('"scaling lxws"');
    expect(response.total).toBe(0);
    expect(response.suggestion).not.toBeNull();
    expect(search.search(response.suggestion!).total).toBeGreaterThan(0);
  });

  it('stays quiet when there is a hit, or nothing close to suggest', () => {
    expect(search.search('quantization').suggestion).toBeNull();
    expect(search.search('zzqxv').suggestion).toBeNull();
  });

  it('phones finds the papers on smartphones and mobile devices instead of suggesting poses', () => {
    const response = search.search('phones');
    expect(response.total).toBeGreaterThan(0);
    for (const hit of response.hits) expect(textOf(hit.paper)).toMatch(/smartphone|mobile|phone/i);
    expect(response.suggestion).toBeNull();
  });

  it.each([
    ['<script>alert(1)</script>', 'strict alert 1 strict'],
    ['"unclosed', '"closed"'],
  ])('suggests nothing rather than what does not look like %s', (query, wrong) => {
    const response = search.search(query);
    expect(response.total).toBe(0);
    expect(response.suggestion).not.toBe(wrong);
    expect(response.suggestion).toBeNull();
  });

  it('counts a transposition as one edit: langauge modles finds language models', () => {
    const response = search.search('langauge modles', { limit: 10 });
    expect(response.total).toBeGreaterThan(10);
    for (const hit of response.hits) expect(hit.paper.title + hit.paper.abstract).toMatch(/language/i);
  });

  it('offers the corrected query when it finds far more than the query as typed', () => {
    const fake = createPaperSearch([
      fakePaper('a', 'A study of the xbar attack.'),
      ...['b', 'c', 'd', 'e'].map((id) => fakePaper(id, `Graph neural networks for task ${id}.`)),
    ]);
    // `grph` is too short for the typo tolerance of the query itself: as typed, only `xbar` finds.
    const response = fake.search('xbar grph');
    expect(response.total).toBe(1);
    expect(response.suggestion).toBe('xbar graph');
    expect(fake.search('xbar graph').suggestion).toBeNull();
    expect(fake.search('xbar').suggestion).toBeNull();
  });
});
