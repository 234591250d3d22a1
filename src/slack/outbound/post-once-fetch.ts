import type { webApi } from '@slack/bolt';
import type { Logger } from '../../logger.js';
import { currentLog } from '../middleware/request-context.js';
import { sentNothing } from './send-failure.js';

type Fetch = webApi.FetchFunction;

/** Web API methods that add a message: a second try after an unanswered first can post it twice. */
const POSTING_METHODS = new Set(['chat.postMessage', 'chat.postEphemeral']);

/** The `error` a post gets when Slack may or may not have carried it out. */
export const UNCONFIRMED_POST = 'paperbot_post_unconfirmed';

/** True for a post that failed in a way that may still have posted (see {@link postOnceFetch}). */
export function postUnconfirmed(error: unknown): boolean {
  return (error as { data?: { error?: unknown } } | undefined)?.data?.error === UNCONFIRMED_POST;
}

/**
 * Wraps the Web API client's fetch so that a post is never tried twice when the first try may
 * have reached Slack. NOTE: the client retries every HTTP or network failure under one policy
 * and cannot be told per method; it never retries an `ok: false` answer. So a timeout, a 5xx or
 * a connection cut on a posting method is answered to the client as Slack-shaped
 * `{ ok: false, error: UNCONFIRMED_POST }`: final, and the user is told it may have failed.
 * A 429 passes through (Slack did not act on it; the client waits `Retry-After` and tries
 * again), and so does a connection refused (nothing was sent; the client's retry is safe).
 * A second WebClient with `retries: 0` would not do: the client's 429 wait is a retry too.
 */
export function postOnceFetch(options: { apiUrl: string; log: Logger; fetch: Fetch }): Fetch {
  const { apiUrl, log, fetch: inner } = options;
  return async (input, init) => {
    const url = String(input);
    const method = url.startsWith(apiUrl) ? url.slice(apiUrl.length).split('?')[0]! : undefined;
    if (!method || !POSTING_METHODS.has(method)) return inner(input, init);
    try {
      const response = await inner(input, init);
      if (response.status < 500) return response;
      // The body is not wanted, but must be read for the connection to be reused.
      await response.text().catch(() => undefined);
      currentLog(log).warn({ method, status: response.status }, 'post unconfirmed (5xx): not retried, it may have been posted');
    } catch (error) {
      if (sentNothing(error)) throw error;
      currentLog(log).warn({ method, err: error }, 'post unconfirmed (timeout or connection lost): not retried, it may have been posted');
    }
    return new Response(JSON.stringify({ ok: false, error: UNCONFIRMED_POST }), { status: 200, headers: { 'content-type': 'application/json' } });
  };
}
