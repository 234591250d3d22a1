import { describe, expect, it } from 'vitest';
import { demoApi, httpApi } from '../../../src/playground/web/api.js';
import { digestsNote } from '../../../src/playground/web/digests-note.js';

/** "Run digests now" on the page: the call it makes, and the note it shows after. */

const report = (counts: Partial<Record<'posted' | 'empty' | 'skipped' | 'paused' | 'failed', number>>) => ({
  posted: 0,
  empty: 0,
  skipped: 0,
  paused: 0,
  failed: 0,
  ...counts,
});

describe('digestsNote', () => {
  it('counts what the run did', () => {
    expect(digestsNote(report({ posted: 1, skipped: 1 }))).toBe('Digests: 1 posted, 0 with nothing new, 1 already posted this period');
  });

  it('names paused and failed digests only when there are some', () => {
    expect(digestsNote(report({ empty: 2, paused: 1, failed: 1 }))).toBe(
      'Digests: 0 posted, 2 with nothing new, 0 already posted this period, 1 paused (Paperbot cannot post in the channel), 1 failed (see the terminal)',
    );
  });

  it('with no watch at all, says how to make one', () => {
    expect(digestsNote(report({}))).toMatch(/no watches yet.*\/paper watch/);
  });
});

describe('runDigests', () => {
  it('posts JSON to /api/digests and answers the report', async () => {
    const calls: { url: string; method: string; type: string | null }[] = [];
    const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
      calls.push({ url: String(input), method: init?.method ?? 'GET', type: new Headers(init?.headers).get('content-type') });
      return new Response(JSON.stringify(report({ posted: 2 })), { status: 200, headers: { 'content-type': 'application/json' } });
    }) as typeof fetch;
    expect(await httpApi(fetchFn).runDigests()).toEqual(report({ posted: 2 }));
    expect(calls).toEqual([{ url: '/api/digests', method: 'POST', type: 'application/json' }]);
  });

  it('is refused in the demo, which sends nothing', async () => {
    await expect(demoApi((() => Promise.reject(new Error('no fetch'))) as typeof fetch).runDigests()).rejects.toThrow(/Demo mode/);
  });
});
