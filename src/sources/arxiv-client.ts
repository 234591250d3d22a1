import { type ArxivFeed, ArxivFeedError, parseArxivFeed } from './arxiv-atom.js';
import type { ArxivGate } from './arxiv-gate.js';
import type { HttpClient } from './http-client.js';
import { SourceError } from './source-error.js';

export const ARXIV = 'arXiv';

/** The arXiv API's parameters (see ../shared/sources/README.md). */
export interface ArxivQuery {
  searchQuery?: string;
  idList?: readonly string[];
  start?: number;
  maxResults?: number;
  sortBy?: 'relevance' | 'lastUpdatedDate' | 'submittedDate';
  sortOrder?: 'ascending' | 'descending';
}

/**
 * The arXiv API behind the process-wide gate: one request at a time, spaced as arXiv asks, each
 * answer parsed (either format). An error feed or an answer that is not a feed throws `garbled`.
 *
 * @example
 * const feed = await arxiv.query({ idList: ['2510.14968'] });
 */
export class ArxivClient {
  constructor(
    private readonly http: HttpClient,
    private readonly gate: ArxivGate,
  ) {}

  async query(query: ArxivQuery, signal?: AbortSignal): Promise<ArxivFeed> {
    // Fail fast before queueing when arXiv told us to wait; the client checks again at our turn.
    this.http.assertNotCoolingDown();
    const { text } = await this.gate
      .run(
        () =>
          this.http.get({
            query: {
              search_query: query.searchQuery,
              id_list: query.idList?.join(','),
              start: query.start,
              max_results: query.maxResults,
              sortBy: query.sortBy,
              sortOrder: query.sortOrder,
            },
            accept: 'application/atom+xml',
            signal,
          }),
        signal,
      )
      .catch((error: unknown) => {
        // Aborted while still queued: the gate rejects with the signal's reason.
        if (error instanceof SourceError) throw error;
        throw SourceError.timeout(ARXIV, 'cancelled while waiting for the arXiv gate', error);
      });
    let feed: ArxivFeed;
    try {
      feed = parseArxivFeed(text);
    } catch (error) {
      if (error instanceof ArxivFeedError) throw SourceError.garbled(ARXIV, error.reason, `${error.detail ?? ''}: ${text.slice(0, 200)}`, error);
      throw error;
    }
    if (feed.error !== null) {
      throw new SourceError({ kind: 'garbled', service: ARXIV, message: `arXiv refused the query: ${feed.error.slice(0, 120)}`, detail: feed.error });
    }
    return feed;
  }
}
