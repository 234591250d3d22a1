import type { SourceSettings } from '../../src/sources/source-clients.js';
import { ATOM, fixture, JSON_TYPE, type Reply, recording, type SeenRequest } from './replay-server.js';

/**
 * The recorded APIs: Hugging Face's daily papers and paper pages, and arXiv's query endpoint at
 * /api/query (the recordings and our edited copies). Anything else is a 404.
 */
export function replayApis(request: SeenRequest): Reply {
  if (request.path === '/api/daily_papers') return { headers: JSON_TYPE, body: recording('hf-daily-papers.json') };
  if (request.path === '/api/papers/2609.20822') return { headers: JSON_TYPE, body: fixture('hf-paper-2609.20822.json') };
  if (request.path.startsWith('/api/papers/')) return { status: 404, headers: JSON_TYPE, body: '{"error":"Paper not found"}' };
  if (request.path === '/api/query') return { headers: ATOM, body: arxivAnswer(request.query) };
  return { status: 404, body: 'not found' };
}

function arxivAnswer(query: URLSearchParams): string {
  const ids = query.get('id_list');
  if (ids) return ids === '2609.20822' ? fixture('arxiv-next-version.xml') : fixture('arxiv-empty.xml');
  const search = query.get('search_query') ?? '';
  if (search.startsWith('ti:')) return fixture('arxiv-title-search.xml');
  if (search.startsWith('cat:cs.RO')) return recording('arxiv-query-legacy.xml');
  if (search.startsWith('cat:cs.AI') && (query.get('start') ?? '0') === '0') return recording('arxiv-query.xml');
  return fixture('arxiv-empty.xml');
}

/** Settings pointing both APIs at `origin`, with test-sized timeouts and interval. */
export function settingsFor(origin: string, overrides: SourceSettings = {}): SourceSettings {
  return {
    hfApiUrl: origin,
    arxivApiUrl: `${origin}/api/query`,
    arxivMinIntervalMs: 10,
    hfTimeoutMs: 2_000,
    arxivTimeoutMs: 2_000,
    ...overrides,
  };
}
