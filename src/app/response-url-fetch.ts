import { setTimeout as sleep } from 'node:timers/promises';
import type { webApi } from '@slack/bolt';
import type { Logger } from '../logger.js';
import { currentLog } from './request-context.js';
import { mayRetry, retryDelayMs, type RetryPolicy } from './retry-delay.js';

/** The fetch Bolt and the Web API client take: a URL (never a Request) and options. */
type Fetch = webApi.FetchFunction;
type FetchResponse = Awaited<ReturnType<Fetch>>;

export interface ResponseUrlFetchOptions {
  /** The Web API's base URL: calls under it pass straight through (the Web API client retries those itself). */
  apiUrl: string;
  policy: RetryPolicy;
  /** Per-try timeout (ms). */
  timeoutMs: number;
  log: Logger;
  /** The fetch underneath (the playground's in-process one, or the global). */
  fetch?: Fetch;
}

const retryAfterMs = (response: FetchResponse): number | undefined => {
  const seconds = Number.parseInt(response.headers.get('retry-after') ?? '', 10);
  return Number.isNaN(seconds) ? undefined : seconds * 1000;
};

/**
 * The `fetch` Bolt uses for the Web API client and for `respond()`. NOTE: Bolt's `respond()`
 * posts to the response_url once, with no retry; this gives those posts the Web API client's
 * bounded policy: a 5xx, a 429 (after its `Retry-After`) or a network error is tried again,
 * within the policy's tries and time. What still fails comes back as it is (Bolt turns a non-2xx
 * into a `RespondError`), and an expired response_url (404) is never retried.
 */
export function responseUrlFetch(options: ResponseUrlFetchOptions): Fetch {
  const { apiUrl, policy, timeoutMs, log } = options;
  const inner: Fetch = options.fetch ?? (globalThis.fetch as Fetch);

  return async (input, init) => {
    const url = String(input);
    if (url.startsWith(apiUrl)) return inner(input, init);
    const started = Date.now();
    for (let attempt = 0; ; attempt += 1) {
      let response: FetchResponse | undefined;
      let failure: unknown;
      try {
        response = await inner(input, { ...init, signal: AbortSignal.timeout(timeoutMs) });
      } catch (error) {
        failure = error;
      }
      if (response && response.status < 500 && response.status !== 429) return response;
      const waitMs = (response && retryAfterMs(response)) ?? retryDelayMs(policy, attempt);
      const what = response ? { status: response.status } : { err: failure };
      if (!mayRetry(policy, attempt, Date.now() - started, waitMs)) {
        currentLog(log).warn({ ...what, tries: attempt + 1 }, 'response_url post failed; giving up');
        if (response) return response;
        throw failure;
      }
      currentLog(log).warn({ ...what, try: attempt + 1, waitMs }, 'response_url post failed; trying again');
      // The answer's body is not wanted, but must be read for the connection to be reused.
      await response?.text().catch(() => undefined);
      await sleep(waitMs);
    }
  };
}
