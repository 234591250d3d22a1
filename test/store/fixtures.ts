import type { Paper } from '../../src/corpus/paper.js';
import type { PaperExtras, SourcedPaper } from '../../src/corpus/sourced-paper.js';

/** A valid corpus paper with id `id`; anything else may be overridden. */
export function paper(id: string, overrides: Partial<Paper> = {}): Paper {
  const arxiv = /^\d{4}\.\d{4,5}$/.test(id);
  return {
    id,
    title: `Title of ${id}`,
    abstract: `Abstract of ${id}.`,
    rawAbstract: `Abstract of ${id}.`,
    arxivId: arxiv ? id : null,
    authors: ['Ada Lovelace', 'Alan Turing'],
    published: arxiv ? `20${id.slice(0, 2)}-${id.slice(2, 4)}` : null,
    tldr: `The TL;DR of ${id}.`,
    links: arxiv
      ? { abs: `https://arxiv.org/abs/${id}`, pdf: `https://arxiv.org/pdf/${id}`, code: [], project: [] }
      : { search: `https://arxiv.org/a/search?q=${id}`, code: [], project: [] },
    source: { file: 'sources/test-page.txt', line: 1 },
    ...overrides,
  };
}

/** A paper as source `from` hands it over. */
export function sourced(
  id: string,
  { from = 'arxiv:cs.CL', extras = {}, ...overrides }: Partial<Paper> & { from?: string; extras?: PaperExtras } = {},
): SourcedPaper {
  return { paper: paper(id, overrides), extras, source: from };
}

/** `n` distinct arXiv-shaped ids from `start`: 2401.00001, 2401.00002, … (typed so the first few destructure as strings). */
export const ids = (n: number, start = 1): string[] & [string, string, string, string] =>
  Array.from({ length: n }, (_, i) => `2401.${String(start + i).padStart(5, '0')}`) as string[] & [string, string, string, string];
