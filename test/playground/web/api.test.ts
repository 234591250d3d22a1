import { describe, expect, it } from 'vitest';
import { ApiError, demoApi, httpApi } from '../../../src/playground/web/api.js';
import { state } from './fixtures.js';

interface Call {
  url: string;
  method: string;
  body: unknown;
}

/** A fetch stand-in that records calls and answers with the given response. */
function fakeFetch(respond: (url: string) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fetchFn = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    calls.push({ url, method: init?.method ?? 'GET', body: init?.body ? JSON.parse(String(init.body)) : undefined });
    return respond(url);
  };
  return { calls, fetchFn: fetchFn as typeof fetch };
}

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('httpApi', () => {
  it('reads the state, long-polling with after=<version>', async () => {
    const { calls, fetchFn } = fakeFetch(() => json(state([], { version: 8 })));
    const api = httpApi(fetchFn);
    expect((await api.state()).version).toBe(8);
    await api.state(8);
    expect(calls.map((c) => c.url)).toEqual(['/api/state', '/api/state?after=8']);
  });

  it('posts say, click and home bodies exactly as the contract has them', async () => {
    const { calls, fetchFn } = fakeFetch(() => new Response(null, { status: 202 }));
    const api = httpApi(fetchFn);
    await api.say({ channel: 'C1', text: '@Paperbot anything on quantization?' });
    await api.say({ channel: 'C1', text: 'thanks', threadTs: '1.000100' });
    await api.click({ messageId: 'm2', actionId: 'share_paper', blockId: 'b', value: '2307.03172' });
    await api.openHome();
    expect(calls).toEqual([
      { url: '/api/say', method: 'POST', body: { channel: 'C1', text: '@Paperbot anything on quantization?' } },
      { url: '/api/say', method: 'POST', body: { channel: 'C1', text: 'thanks', threadTs: '1.000100' } },
      { url: '/api/click', method: 'POST', body: { messageId: 'm2', actionId: 'share_paper', blockId: 'b', value: '2307.03172' } },
      { url: '/api/home', method: 'POST', body: {} },
    ]);
  });

  it('turns an { error } reply into an ApiError with that message', async () => {
    const { fetchFn } = fakeFetch(() => json({ error: 'unknown channel C9' }, 400));
    await expect(httpApi(fetchFn).say({ channel: 'C9', text: 'x' })).rejects.toEqual(new ApiError('unknown channel C9'));
  });

  it('falls back to the status line when the error is not JSON', async () => {
    const { fetchFn } = fakeFetch(() => new Response('boom', { status: 500, statusText: 'Internal Server Error' }));
    await expect(httpApi(fetchFn).state()).rejects.toThrow('500 Internal Server Error');
  });

  it('says the server is unreachable when fetch itself fails', async () => {
    const { fetchFn } = fakeFetch(() => Promise.reject(new TypeError('fetch failed')));
    await expect(httpApi(fetchFn).state()).rejects.toThrow(/Cannot reach the playground server/);
  });
});

describe('demoApi', () => {
  it('loads the state from the demo file and sends nothing', async () => {
    const { calls, fetchFn } = fakeFetch(() => json(state([], { version: 7 })));
    const api = demoApi(fetchFn);
    expect(api.live).toBe(false);
    expect((await api.state()).version).toBe(7);
    await expect(api.say({ channel: 'C1', text: 'x' })).rejects.toThrow(/Demo mode/);
    await expect(api.click({ messageId: 'm', actionId: 'a', blockId: 'b', value: '' })).rejects.toThrow(/Demo mode/);
    await api.openHome();
    expect(calls.map((c) => c.url)).toEqual(['demo-state.json']);
  });
});
