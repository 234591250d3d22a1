import { afterEach, describe, expect, it } from 'vitest';
import { lookupArxivPaper } from '../../src/sources/arxiv-lookup.js';
import { resolveArxivIdByTitle } from '../../src/sources/arxiv-title.js';
import { SourceError, type SourceErrorKind } from '../../src/sources/source-error.js';
import { createSource, type SourceFetchResult } from '../../src/sources/source.js';
import { createSourceClients, type SourceSettings } from '../../src/sources/source-clients.js';
import { FakeClock } from './fake-clock.js';
import { ATOM, closedOrigin, fixture, JSON_TYPE, recording, type Reply, type ReplayServer, startReplayServer } from './replay-server.js';
import { replayApis, settingsFor } from './routes.js';

const servers: ReplayServer[] = [];
async function serve(route: (r: Parameters<typeof replayApis>[0]) => Reply): Promise<ReplayServer> {
  const server = await startReplayServer(route);
  servers.push(server);
  return server;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** What a test fault does to a call: it must reject with a SourceError, nothing else. */
async function failure(call: Promise<unknown>): Promise<SourceError> {
  try {
    await call;
  } catch (error) {
    expect(error).toBeInstanceOf(SourceError);
    return error as SourceError;
  }
  throw new Error('expected the call to fail');
}

/** For the faults that are about time only: every other answer comes at once, well within the 2 s of settingsFor. */
const QUICK = { hfTimeoutMs: 150, arxivTimeoutMs: 150 };
const LONG_BODY = 'x'.repeat(10_000);
const HTML = '<!DOCTYPE html><html><head><title>503 Service Unavailable</title></head><body><h1>Down for maintenance<br></h1></body></html>';

/** Every operation of the sources, run against one origin. */
const operations: Record<string, (settings: SourceSettings) => Promise<unknown>> = {
  'hf-daily': (s) => createSource('hf-daily', s).fetch({ date: '2026-09-18' }),
  'arxiv:cs.AI': (s) => createSource('arxiv:cs.AI', s).fetch(),
  'arXiv lookup': (s) => lookupArxivPaper('2609.20822', createSourceClients(s)),
  'arXiv title': (s) => resolveArxivIdByTitle('Self-Evolving Search Index', createSourceClients(s)),
};

const faults: [string, Reply, SourceErrorKind, Partial<SourceError>?][] = [
  ['no answer within the timeout', { hang: true }, 'timeout'],
  ['a body that stops coming', { body: LONG_BODY, stallBody: true }, 'timeout'],
  ['a connection cut mid-answer', { body: LONG_BODY, dropMidBody: true }, 'unreachable'],
  [
    'HTTP 500',
    { status: 500, body: 'Internal Server Error' },
    'http',
    { status: 500, message: expect.stringMatching(/answered with an error \(HTTP 500\)\.$/) },
  ],
  ['HTTP 429 with Retry-After', { status: 429, headers: { 'retry-after': '7' } }, 'rate-limited', { retryAfterMs: 7000, status: 429 }],
  ['HTTP 503 with Retry-After', { status: 503, headers: { 'retry-after': '12' } }, 'rate-limited', { retryAfterMs: 12_000 }],
  ['HTTP 429 without any hint', { status: 429 }, 'rate-limited', { retryAfterMs: 60_000 }],
  ['HTML instead of the API', { headers: { 'content-type': 'text/html' }, body: HTML }, 'garbled'],
  ['bytes that are not UTF-8', { body: Buffer.from([0x3c, 0xff, 0xfe, 0x00]) }, 'garbled', { message: expect.stringContaining('not UTF-8') }],
];

describe.each(Object.entries(operations))('%s', (_name, operation) => {
  it('is unreachable when nothing listens', async () => {
    const error = await failure(operation(settingsFor(await closedOrigin())));
    expect(error.kind).toBe('unreachable');
    expect(error.message).toMatch(/^(arXiv|Hugging Face) is unreachable right now\.$/);
    expect(error.detail).toBe('ECONNREFUSED');
  });

  it.each(faults)('fails as it should on %s', async (_fault, reply, kind, fields) => {
    const server = await serve(() => reply);
    const error = await failure(operation(settingsFor(server.origin, kind === 'timeout' ? QUICK : {})));
    expect(error.kind).toBe(kind);
    if (fields) expect(error).toMatchObject(fields);
    expect(error.message.length).toBeLessThan(120);
    expect(error.message).not.toContain('127.0.0.1');
  });
});

describe('arXiv-specific bad answers', () => {
  const arxivOnly = (reply: Reply) => serve((request) => (request.path === '/api/query' ? reply : replayApis(request)));

  it.each([
    ['truncated XML', fixture('arxiv-truncated.xml'), /cannot read \(not well-formed XML\)/],
    ['an error feed', fixture('arxiv-error.xml'), /^arXiv refused the query: incorrect id format/],
  ])('%s is garbled, for every arXiv operation', async (_what, body, message) => {
    const server = await arxivOnly({ headers: ATOM, body });
    for (const name of ['arxiv:cs.AI', 'arXiv lookup', 'arXiv title']) {
      const error = await failure(operations[name]!(settingsFor(server.origin)));
      expect(error).toMatchObject({ kind: 'garbled', service: 'arXiv' });
      expect(error.message).toMatch(message);
    }
  });

  it('an empty page where arXiv counts results is garbled (its known glitch), not "nothing new"', async () => {
    const xml = recording('arxiv-query.xml');
    const server = await arxivOnly({ headers: ATOM, body: `${xml.slice(0, xml.indexOf('  <entry>'))}</feed>\n` });
    const error = await failure(createSource('arxiv:cs.AI', settingsFor(server.origin)).fetch());
    expect(error.kind).toBe('garbled');
  });

  it('a truly empty category is an empty result', async () => {
    const server = await arxivOnly({ headers: ATOM, body: fixture('arxiv-empty.xml') });
    const result = await createSource('arxiv:cs.AI', settingsFor(server.origin)).fetch();
    expect(result).toMatchObject({ papers: [], skipped: 0 });
  });

  it('malformed entries in a good answer are skipped and counted', async () => {
    const server = await arxivOnly({ headers: ATOM, body: fixture('arxiv-malformed-entries.xml') });
    const result = await createSource('arxiv:cs.AI', settingsFor(server.origin)).fetch();
    expect(result.papers.map((p) => p.paper.source.line)).toEqual([1, 3, 5]);
    expect(result.skipped).toBe(2);
    expect(result.problems).toHaveLength(2);
  });

  it('after a 429, every arXiv client of the process fails fast until Retry-After has passed, without asking', async () => {
    const server = await arxivOnly({ status: 429, headers: { 'retry-after': '120' } });
    await failure(operations['arxiv:cs.AI']!(settingsFor(server.origin)));
    const again = await failure(lookupArxivPaper('2609.20822', createSourceClients(settingsFor(server.origin))));
    expect(again.kind).toBe('rate-limited');
    expect(again.retryAfterMs).toBeGreaterThan(119_000);
    expect(again.retryAfterMs).toBeLessThanOrEqual(120_000);
    expect(server.seen.filter((r) => r.path === '/api/query')).toHaveLength(1);
  });

  it('a caller giving up (its signal) is reported as timeout, while queued or while waiting', async () => {
    const server = await serve(() => ({ hang: true }));
    const settings = settingsFor(server.origin, { arxivMinIntervalMs: 60_000 });
    const inFlight = new AbortController();
    const queued = new AbortController();
    const first = lookupArxivPaper('2609.20822', createSourceClients(settings), { signal: inFlight.signal });
    const second = createSource('arxiv:cs.AI', settings).fetch({ signal: queued.signal });
    queued.abort();
    inFlight.abort();
    expect((await failure(second)).kind).toBe('timeout');
    expect((await failure(first)).kind).toBe('timeout');
  });
});

describe('Hugging Face rate limits', () => {
  it('a 429 without Retry-After waits for the RateLimit reset', async () => {
    const server = await serve(() => ({ status: 429, headers: { ratelimit: '"api";r=0;t=42', 'ratelimit-policy': '"fixed window";"api";q=500;w=300' } }));
    const error = await failure(operations['hf-daily']!(settingsFor(server.origin)));
    expect(error).toMatchObject({ kind: 'rate-limited', retryAfterMs: 42_000, message: 'Hugging Face is rate limiting Paperbot; retry after 42 s.' });
  });

  it('an answer saying no calls are left is used, and the next call fails fast until the window resets', async () => {
    const clock = new FakeClock();
    const server = await serve((request) => ({ ...replayApis(request), headers: { ...JSON_TYPE, ratelimit: '"api";r=0;t=30' } }));
    const source = createSource('hf-daily', settingsFor(server.origin, { clock }));

    const first: SourceFetchResult = await source.fetch({ date: '2026-09-18' });
    expect(first.papers).toHaveLength(2);
    const error = await failure(source.fetch({ date: '2026-09-18' }));
    expect(error).toMatchObject({ kind: 'rate-limited', retryAfterMs: 30_000 });
    expect(server.seen).toHaveLength(1);

    clock.advance(30_000);
    await expect(source.fetch({ date: '2026-09-18' })).resolves.toMatchObject({ requests: 1 });
    expect(server.seen).toHaveLength(2);
  });

  it('answers that are JSON but not a list of papers are garbled', async () => {
    const server = await serve(() => ({ headers: JSON_TYPE, body: '{"error":"Invalid date"}' }));
    const error = await failure(operations['hf-daily']!(settingsFor(server.origin)));
    expect(error).toMatchObject({ kind: 'garbled', message: 'Hugging Face sent an answer Paperbot cannot read (not a list of papers).' });
  });
});
