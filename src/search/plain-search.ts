import MiniSearch from 'minisearch';
import type { IndexablePaper } from './fields.js';

/**
 * Plain MiniSearch with its defaults (fields title and abstract, no options): the baseline that
 * `npm run eval` and `npm run bench:search` measure our search against.
 */
export class PlainSearch {
  readonly index: MiniSearch<IndexablePaper>;

  constructor(papers: readonly IndexablePaper[]) {
    this.index = new MiniSearch<IndexablePaper>({ fields: ['title', 'abstract'] });
    this.index.addAll(papers);
  }

  /** Paper ids, best first. */
  search(query: string): string[] {
    return this.index.search(query).map((result) => result.id as string);
  }
}
