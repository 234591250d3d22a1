import { DEFAULT_DATA_DIR } from '../../src/config.js';
import type { Paper } from '../../src/corpus/paper.js';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { createPaperSearch } from '../../src/search/paper-search.js';
import type { PaperSearch } from '../../src/search/types.js';

/** The real corpus (data/papers.json) and one search over it, shared by a test file. */
export const papers: readonly Paper[] = loadCorpus(DEFAULT_DATA_DIR).papers;

let search: PaperSearch | undefined;
export function realSearch(): PaperSearch {
  search ??= createPaperSearch(papers);
  return search;
}

/** Title and abstract, as a person reads them. */
export const textOf = (paper: Paper): string => `${paper.title}\n${paper.abstract}`;

/** Ids of every hit of a query (all pages). */
export function allIds(query: string): string[] {
  return realSearch()
    .search(query, { limit: papers.length })
    .hits.map((h) => h.paper.id);
}

export function idsWhere(test: (paper: Paper) => boolean): string[] {
  return papers.filter(test).map((p) => p.id);
}
