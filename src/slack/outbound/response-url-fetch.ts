import { setTimeout as sleep } from 'node:timers/promises';
import type { webApi } from '@slack/bolt';
import type { Logger } from '../../logger.js';
import { currentLog } from '../middleware/request-context.js';
import { mayRetry, retryDelayMs, type RetryPolicy } from './retry-delay.js';
import { sentNothing } from './send-failure.js';

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
 * Whether a response_url post only replaces or deletes the message it came from: done twice,
 * it looks the same as once. Any other post adds a message, so doing it twice shows it twice.
 */
function replacesOriginal(body: unknown): boolean {
  if (typeof body !== 'string') return false;
  try {
    const parsed = JSON.parse(body) as { replace_original?: unknown; delete_original?: unknown };
    return parsed.replace_original === true || parsed.delete_original === true;
  } catch {
    return false;
  }
}

/**
 * The `fetch` Bolt uses for the Web API client and for `respond()`. NOTE: Bolt's `respond()`
 * posts to the response_url once, with no retry; this gives those posts the Web API client's
 * bounded policy, within its tries and time. A 429 (after its `Retry-After`) and a connection
 * refused (nothing sent) are always tried again; a 5xx, a timeout or a cut connection only for
 * posts that replace or delete the original, since Slack may have carried out the first try and
 * a post that adds a message would then show twice. What still fails comes back as it is (Bolt
 * turns a non-2xx into a `RespondError`), and an expired response_url (404) is never retried.
 */
export function responseUrlFetch(options: ResponseUrlFetchOptions): Fetch {
  const { apiUrl, policy, timeoutMs, log } = options;
  const inner: Fetch = options.fetch ?? (globalThis.fetch as Fetch);

  return async (input, init) => {
    const url = String(input);
    if (url.startsWith(apiUrl)) return inner(input, init);
    const idempotent = replacesOriginal(init?.body);
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
      const what = response ? { status: response.status } : { err: failure };
      const retryable = response ? response.status === 429 || idempotent : idempotent || sentNothing(failure);
      if (!retryable) {
        currentLog(log).warn(what, 'response_url post failed; not retried, it may have been posted');
        if (response) return response;
        throw failure;
      }
      const waitMs = (response && retryAfterMs(response)) ?? retryDelayMs(policy, attempt);
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
