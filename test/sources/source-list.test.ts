import { describe, expect, it } from 'vitest';
import { createSource, parseSourceList, SourceListError } from '../../src/sources/source.js';

describe('parseSourceList', () => {
  it('reads a comma-separated list, forgiving spaces', () => {
    expect(parseSourceList('hf-daily,arxiv:cs.CL, arxiv:cs.LG ,page:hf-papers-page.txt')).toEqual([
      'hf-daily',
      'arxiv:cs.CL',
      'arxiv:cs.LG',
      'page:hf-papers-page.txt',
    ]);
    expect(parseSourceList('arxiv:hep-th,arxiv:cond-mat.mes-hall,arxiv:q-bio.NC')).toHaveLength(3);
  });

  it('reads none as no sources', () => {
    expect(parseSourceList('none')).toEqual([]);
    expect(parseSourceList(' NONE ')).toEqual([]);
  });

  it('names every problem at once, and what is accepted', () => {
    let error: unknown;
    try {
      parseSourceList('hf-daily, hf-weekly, arxiv:, arxiv:cs CL, page:../secrets.txt, page:notes.md, hf-daily, none');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SourceListError);
    const { problems, message } = error as SourceListError;
    expect(problems).toEqual([
      '"hf-weekly" is not a source',
      '"arxiv:": "" is not an arXiv category (like cs.CL or hep-th)',
      '"arxiv:cs CL": "cs CL" is not an arXiv category (like cs.CL or hep-th)',
      '"page:../secrets.txt": expected a .txt file name in data/sources, without folders',
      '"page:notes.md": expected a .txt file name in data/sources, without folders',
      '"hf-daily" is listed twice',
      '"none" cannot be combined with sources',
    ]);
    expect(message).toContain('hf-daily, arxiv:<category> (e.g. arxiv:cs.CL), page:<file in data/sources>.txt, or none');
  });

  it('refuses an empty list (none must be said)', () => {
    expect(() => parseSourceList(' , ')).toThrow(/empty \(write none for no sources\)/);
  });
});

describe('createSource', () => {
  it('names each source as listed', () => {
    for (const name of ['hf-daily', 'arxiv:cs.CL', 'page:hf-papers-page.txt'] as const) expect(createSource(name).name).toBe(name);
  });

  it('refuses a name parseSourceList would refuse', () => {
    expect(() => createSource('arxiv:not a category')).toThrow(SourceListError);
  });
});
