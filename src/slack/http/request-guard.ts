import type { IncomingHttpHeaders } from 'node:http';
import { isValidSlackRequest } from '@slack/bolt';

/** Why a request is turned away, and with which status. */
export interface Refusal {
  status: 400 | 401 | 404 | 413 | 503;
  reason: string;
}

const header = (headers: IncomingHttpHeaders, name: string): string | undefined => {
  const value = headers[name];
  return typeof value === 'string' ? value : undefined;
};

/**
 * A declared body size over the limit: refused before a byte of it is read. NOTE: Bolt's
 * buffering does not pass `content-length` on to raw-body, so it would read up to the limit first.
 */
export function checkDeclaredSize(headers: IncomingHttpHeaders, maxBytes: number): Refusal | undefined {
  const declared = Number(header(headers, 'content-length') ?? 0);
  return declared > maxBytes ? { status: 413, reason: `body of ${declared} bytes declared; the limit is ${maxBytes}` } : undefined;
}

/**
 * Slack's timestamp must be within `maxSkewSec` of our clock, in either direction. NOTE: Bolt
 * refuses only old requests; one dated in the future could be replayed until that future is
 * five minutes past, so both ways are checked here, before the body is read.
 */
export function checkTimestamp(headers: IncomingHttpHeaders, nowMs: number, maxSkewSec: number): Refusal | undefined {
  const value = header(headers, 'x-slack-request-timestamp');
  if (!value || !/^\d{1,12}$/.test(value)) return { status: 401, reason: 'no request timestamp' };
  const skew = Math.floor(nowMs / 1000) - Number(value);
  if (Math.abs(skew) > maxSkewSec) return { status: 401, reason: `request timestamp ${skew > 0 ? 'too old' : 'in the future'} (${Math.abs(skew)} s off)` };
  return undefined;
}

/**
 * The body's signature (`x-slack-signature`) must be ours, checked with Bolt's own
 * `isValidSlackRequest` (HMAC-SHA256 of `v0:{timestamp}:{body}`, compared in constant time).
 * NOTE: checked once, here, in front of Bolt's receiver, whose own check is then off: the body
 * must be read and refused (or not) before Bolt parses it.
 */
export function checkSignature(headers: IncomingHttpHeaders, rawBody: Buffer, signingSecret: string, nowMs: number): Refusal | undefined {
  const signature = header(headers, 'x-slack-signature');
  const timestamp = header(headers, 'x-slack-request-timestamp');
  if (!signature?.startsWith('v0=') || !timestamp) return { status: 401, reason: 'no signature' };
  const valid = isValidSlackRequest({
    signingSecret,
    body: rawBody.toString('utf8'),
    headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': Number(timestamp) },
    nowMilliseconds: nowMs,
  });
  return valid ? undefined : { status: 401, reason: 'signature mismatch' };
}
