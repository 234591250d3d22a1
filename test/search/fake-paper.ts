import type { Paper } from '../../src/corpus/paper.js';

/** A minimal valid paper for small made-up corpora. */
export function fakePaper(id: string, abstract: string, fields: Partial<Paper> = {}): Paper {
  return {
    id,
    title: `Paper ${id}`,
    abstract,
    rawAbstract: abstract,
    arxivId: null,
    authors: [],
    published: null,
    tldr: abstract,
    links: { search: `https://arxiv.org/search/?query=${id}`, code: [], project: [] },
    source: { file: 'sources/fake.txt', line: 1 },
    ...fields,
  };
}
