/**
 * Whether a failed HTTP request certainly never reached the other side. NOTE: only then is a
 * retry of a post safe; a timeout, a 5xx or a connection cut mid-request may come after Slack
 * carried the post out, and trying again would show it twice.
 */
const NOTHING_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

/** Node's fetch rejects with `TypeError('fetch failed')` and the socket error as its `cause`. */
export function sentNothing(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; e = e.cause as typeof e, depth += 1) {
    if (typeof e.code === 'string' && NOTHING_SENT.has(e.code)) return true;
  }
  return false;
}
