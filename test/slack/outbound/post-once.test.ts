import { describe, expect, it } from 'vitest';
import { postOnceFetch, UNCONFIRMED_POST } from '../../../src/slack/outbound/post-once-fetch.js';
import { responseUrlFetch } from '../../../src/slack/outbound/response-url-fetch.js';
import { createLogger } from '../../../src/logger.js';

const log = createLogger({ level: 'silent' });
const API = 'http://slack.test/api/';
// Node's fetch: TypeError('fetch failed') with the socket error as its cause.
const socketError = (code: string) => Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(code), { code }) });

/** An inner fetch that fails these ways, in order, then answers 200; counts its calls. */
function scripted(...failures: (number | Error)[]) {
  const calls: string[] = [];
  const fetch = async (url: string | URL) => {
    calls.push(String(url));
    const next = failures.shift();
    if (next instanceof Error) throw next;
    return new Response(next === 429 ? '' : '{"ok":true}', { status: next ?? 200, headers: next === 429 ? { 'retry-after': '0' } : {} });
  };
  return { calls, fetch: fetch as any };
}

describe('postOnceFetch (Web API posts)', () => {
  it('a refused connection is passed on, for the client to retry: nothing was sent', async () => {
    const inner = scripted(socketError('ECONNREFUSED'));
    await expect(postOnceFetch({ apiUrl: API, log, fetch: inner.fetch })(`${API}chat.postMessage`, {})).rejects.toThrow('fetch failed');
  });

  for (const [what, failure] of [
    ['a reset', socketError('ECONNRESET')],
    ['a timeout', new DOMException('timed out', 'TimeoutError')],
    ['a 503', 503],
  ] as const) {
    it(`${what} is answered as a final ok:false, so the client does not post again`, async () => {
      const inner = scripted(failure);
      const response = await postOnceFetch({ apiUrl: API, log, fetch: inner.fetch })(`${API}chat.postMessage`, {});
      expect(await response.json()).toEqual({ ok: false, error: UNCONFIRMED_POST });
    });
  }

  it('a 429 and other methods pass through untouched', async () => {
    const inner = scripted(429, 503);
    const wrapped = postOnceFetch({ apiUrl: API, log, fetch: inner.fetch });
    expect((await wrapped(`${API}chat.postMessage`, {})).status).toBe(429);
    expect((await wrapped(`${API}views.publish`, {})).status).toBe(503);
  });
});

describe('responseUrlFetch: only what cannot duplicate is retried', () => {
  const policy = { retries: 3, factor: 1, minTimeout: 1, maxTimeout: 1, maxRetryTime: 1_000 };
  const adds = { method: 'POST', body: JSON.stringify({ replace_original: false, text: 'hi' }) };
  const replaces = { method: 'POST', body: JSON.stringify({ replace_original: true, text: 'hi' }) };
  const wrap = (inner: ReturnType<typeof scripted>) => responseUrlFetch({ apiUrl: API, policy, timeoutMs: 1_000, log, fetch: inner.fetch });

  it('a message-adding post is retried after a refused connection, not after a reset', async () => {
    const refused = scripted(socketError('ECONNREFUSED'));
    expect((await wrap(refused)('http://hooks.test/r', adds)).status).toBe(200);
    expect(refused.calls).toHaveLength(2);
    const reset = scripted(socketError('ECONNRESET'));
    await expect(wrap(reset)('http://hooks.test/r', adds)).rejects.toThrow('fetch failed');
    expect(reset.calls).toHaveLength(1);
  });

  it('a replacing post is retried after a reset', async () => {
    const reset = scripted(socketError('ECONNRESET'), 502);
    expect((await wrap(reset)('http://hooks.test/r', replaces)).status).toBe(200);
    expect(reset.calls).toHaveLength(3);
  });
});
