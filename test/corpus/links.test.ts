import { describe, expect, it } from 'vitest';
import { arxivMonth, parseArxivRef } from '../../src/corpus/arxiv.js';
import { buildLinks, urlsInText } from '../../src/corpus/links.js';

describe('urlsInText', () => {
  it('cleans trailing punctuation, braces and repeats', () => {
    expect(urlsInText('Code: https://github.com/Oryx-mllm/Oryx.')).toEqual(['https://github.com/Oryx-mllm/Oryx']);
    expect(urlsInText('at https://github.com/OpenLMLab/LEval}.')).toEqual(['https://github.com/OpenLMLab/LEval']);
    expect(urlsInText('see https://llm-stacking.github.io/{https://llm-stacking.github.io/}.')).toEqual(['https://llm-stacking.github.io/']);
    expect(urlsInText('https://github.com/a/b and again https://github.com/a/b.')).toEqual(['https://github.com/a/b']);
  });
});

describe('buildLinks', () => {
  it('derives abs, pdf and hf links from the arXiv id and sorts code from project pages', () => {
    const links = buildLinks('T', '2409.12961', 'Code at https://github.com/x/y. Demo at https://x.github.io/demo/.');
    expect(links).toEqual({
      abs: 'https://arxiv.org/abs/2409.12961',
      pdf: 'https://arxiv.org/pdf/2409.12961',
      hf: 'https://huggingface.co/papers/2409.12961',
      code: ['https://github.com/x/y'],
      project: ['https://x.github.io/demo/'],
    });
  });

  it('gives a paper without an arXiv id an arXiv title search instead', () => {
    const links = buildLinks('Understanding Post-Training Quantization', null, 'No links here.');
    expect(links.abs).toBeUndefined();
    expect(links.search).toBe('https://arxiv.org/search/?searchtype=title&query=Understanding%20Post-Training%20Quantization');
  });
});

describe('arXiv identifiers', () => {
  it.each([
    ['2308.16582', '2308.16582'],
    ['arXiv:2308.16582v2', '2308.16582'],
    ['https://arxiv.org/abs/2308.16582v3', '2308.16582'],
    ['https://arxiv.org/pdf/2308.16582.pdf', '2308.16582'],
    ['http://www.arxiv.org/pdf/2308.16582v1', '2308.16582'],
    ['https://huggingface.co/papers/2308.16582', '2308.16582'],
    ['<https://arxiv.org/abs/2308.16582>', '2308.16582'],
    ['cs/0112017', 'cs/0112017'],
    ['CS/0112017v2', 'cs/0112017'],
    ['math.GT/0309136', 'math.GT/0309136'],
  ])('%s → %s', (input, id) => {
    expect(parseArxivRef(input)).toBe(id);
  });

  it.each(['long context', '2308', 'https://example.com/abs/2308.16582', '12345.6789'])('%s is not an arXiv reference', (input) => {
    expect(parseArxivRef(input)).toBeNull();
  });

  it('reads the month of first submission from the id', () => {
    expect(arxivMonth('2308.16582')).toBe('2023-08');
    expect(arxivMonth('cs/0112017')).toBe('2001-12');
    expect(arxivMonth('2313.00001')).toBeNull();
  });
});
