import { createHmac } from 'node:crypto';

/**
 * Signs a request body exactly as Slack does: `v0=` + hex HMAC-SHA256 of
 * `v0:{timestamp}:{raw body}` with the app's signing secret. The one signer: tests, the load bench
 * and anything else that plays Slack sign with it.
 *
 * @example slackSignature('8f742231b10e8888abcd99yyyzzz85a5', 1531420618, body) // 'v0=a2114d57…'
 */
export function slackSignature(signingSecret: string, timestamp: string | number, rawBody: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
}

/** The headers Slack sends with a signed request, for a body signed now (or at `timestamp`, in seconds). */
export function signedHeaders(signingSecret: string, rawBody: string, contentType: string, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
  return {
    'content-type': contentType,
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': slackSignature(signingSecret, timestamp, rawBody),
  };
}
