import { describe, expect, it } from 'vitest';
import { byline, formatHit, formatResponse, formatSimilar, plainStyle, searchHeader } from '../../src/cli/format-terminal.js';
import { CLI } from '../../src/config.js';
import type { Paper } from '../../src/corpus/paper.js';
import type { SearchHit } from '../../src/search/types.js';

const paper = (over: Partial<Paper> = {}): Paper => ({
  id: '2308.16582',
  arxivId: '2308.16582',
  title: 'Any-Size-Diffusion',
  abstract: 'An abstract.',
  rawAbstract: 'An abstract.',
  authors: ['Qingping Zheng', 'Yuanfan Guo'],
  published: '2023-08',
  tldr: 'A two-stage pipeline.',
  links: { abs: 'https://arxiv.org/abs/2308.16582', pdf: 'https://arxiv.org/pdf/2308.16582', code: [], project: [] },
  source: { file: 'hf-papers-page.txt', line: 1 },
  ...over,
});
const hits = (n: number): SearchHit[] =>
  Array.from({ length: n }, (_, i) => ({ paper: paper({ id: `2308.${10000 + i}`, arxivId: `2308.${10000 + i}` }), score: 1 }));

describe('searchHeader: a page shorter than the total says so', () => {
  it('counts the results when all are shown', () => {
    expect(searchHeader({ query: 'rag', total: 3, hits: hits(3) })).toBe('3 results for "rag"');
    expect(searchHeader({ query: 'rag', total: 1, hits: hits(1) })).toBe('1 result for "rag"');
  });

  it('says how many are shown, and the --limit that shows them all', () => {
    expect(searchHeader({ query: 'long context', total: 22, hits: hits(10) })).toBe('22 results for "long context", the best 10 below (--limit 22 for all)');
  });

  it('points to the largest --limit when there are more than it shows, and to nothing once it is reached', () => {
    const total = CLI.maxLimit + 50;
    expect(searchHeader({ query: 'model', total, hits: hits(10) })).toBe(`${total} results for "model", the best 10 below (--limit ${CLI.maxLimit} for more)`);
    expect(searchHeader({ query: 'model', total, hits: hits(CLI.maxLimit) })).toBe(`${total} results for "model", the best ${CLI.maxLimit} below`);
  });

  it('heads the readable answer', () => {
    const text = formatResponse({ query: 'long context', total: 22, hits: hits(10), suggestion: null, direct: false }, plainStyle);
    expect(text.split('\n')[0]).toBe('22 results for "long context", the best 10 below (--limit 22 for all)');
  });
});

describe('one result', () => {
  it('prints the arXiv id once, at the head of the byline', () => {
    const text = formatHit({ paper: paper(), score: 1 }, 1, plainStyle);
    const lines = text.split('\n');
    expect(lines[0]).toBe(' 1. Any-Size-Diffusion');
    expect(lines[1]).toBe('    2308.16582 · Aug 2023 · Qingping Zheng, Yuanfan Guo');
    expect(lines.filter((line) => line.includes('2308.16582') && !line.includes('https://'))).toHaveLength(1);
  });

  it('gives a paper without an arXiv id the id `show` takes, and says it is not one', () => {
    const slug = paper({ id: 'understanding-post-training-quantization', arxivId: null, published: null, links: { code: [], project: [] } });
    expect(byline(slug)).toBe('understanding-post-training-quantization (no arXiv id) · Qingping Zheng, Yuanfan Guo');
  });
});

describe('formatSimilar', () => {
  it('heads the papers with the one they are like, and the words it was the best match for', () => {
    const text = formatSimilar(paper(), hits(2), plainStyle, 'diffusion models');
    expect(text.split('\n')[0]).toBe('Papers like "Any-Size-Diffusion" (2308.16582), the best match for "diffusion models"');
    expect(text).toContain(' 2. Any-Size-Diffusion');
    expect(formatSimilar(paper(), hits(1), plainStyle).split('\n')[0]).toBe('Papers like "Any-Size-Diffusion" (2308.16582)');
  });

  it('says when nothing is like it', () => {
    expect(formatSimilar(paper(), [], plainStyle)).toBe('No papers like "Any-Size-Diffusion" (2308.16582) in the library.');
  });
});
