import MiniSearch from 'minisearch';
import type { Paper } from '../corpus/paper.js';
import { parseArxivRef } from '../corpus/arxiv.js';
import type { PaperSearch, SearchHit, SearchOptions, SearchResponse } from './types.js';

// NOTE: a first, plain implementation of the PaperSearch contract; the analysis, query syntax
// and ranking described in the corpus-and-search issue replace its internals.
export function createPaperSearch(papers: readonly Paper[]): PaperSearch {
  const byId = new Map(papers.map((p) => [p.id, p]));
  const index = new MiniSearch<Paper>({ fields: ['title', 'abstract'], storeFields: [], idField: 'id' });
  index.addAll(papers as Paper[]);
  const get = (ref: string) => byId.get(ref) ?? byId.get(parseArxivRef(ref) ?? '');
  return {
    size: papers.length,
    all: () => papers,
    get,
    search(query: string, options: SearchOptions = {}): SearchResponse {
      const { limit = 10, offset = 0 } = options;
      const direct = get(query.trim());
      const hits: SearchHit[] = direct
        ? [{ paper: direct, score: 1 }]
        : index.search(query, { prefix: true, fuzzy: 0.2 }).map((r) => ({ paper: byId.get(r.id as string)!, score: r.score }));
      return { query, hits: hits.slice(offset, offset + limit), total: hits.length, suggestion: null, direct: Boolean(direct) };
    },
    similar(id: string, limit = 5): SearchHit[] {
      const paper = get(id);
      if (!paper) return [];
      return index
        .search(paper.title, { combineWith: 'OR' })
        .filter((r) => r.id !== paper.id)
        .slice(0, limit)
        .map((r) => ({ paper: byId.get(r.id as string)!, score: r.score }));
    },
  };
}
