import { describe, expect, it } from 'vitest';
import { papers, realSearch } from './real-corpus.js';

const search = realSearch();

/** `word` with three of its letters changed: too far for typo tolerance, close enough to suggest. */
function garble(word: string): string {
  const letters = [...word];
  for (const i of [1, Math.floor(word.length / 2), word.length - 2]) letters[i] = letters[i] === 'x' ? 'y' : 'x';
  return letters.join('');
}

describe('Did you mean', () => {
  it.each(['quantization', 'transformers', 'diffusion'])('suggests a query that finds something for a garbled %s', (word) => {
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
    const response = search.search(`"scaling ${garble('laws')}"`);
    expect(response.total).toBe(0);
    expect(response.suggestion).not.toBeNull();
    expect(search.search(response.suggestion!).total).toBeGreaterThan(0);
  });

  it('stays quiet when there is a hit, or nothing close to suggest', () => {
    expect(search.search('quantization').suggestion).toBeNull();
    expect(search.search('zzqxv').suggestion).toBeNull();
  });
});
