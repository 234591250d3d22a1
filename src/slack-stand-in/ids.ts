import { randomBytes, randomInt } from 'node:crypto';

/** Identifiers in the shapes Slack uses, so the app sees nothing it would not see in Slack. */

/**
 * Message timestamps (`"1515449483.000108"`: seconds, then microseconds) from the clock, strictly
 * increasing: Slack's `ts` is a message's id within its channel, so two may never tie.
 */
export function slackClock(now: () => number = Date.now): () => string {
  let last = 0;
  return () => {
    // Microseconds since the epoch stay well inside a double's exact integers (2^53).
    last = Math.max(now() * 1000, last + 1);
    return `${Math.floor(last / 1e6)}.${String(last % 1e6).padStart(6, '0')}`;
  };
}

/** Seconds of a Slack `ts`, as `event_time` carries them. */
export const tsSeconds = (ts: string): number => Number(ts.split('.')[0]);

const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const pick = (alphabet: string, n: number) => Array.from({ length: n }, () => alphabet[randomInt(alphabet.length)]).join('');

/** An Events API `event_id` (`Ev0MDYHUEL`): one per delivery; Slack's retries would repeat it. */
export const eventId = (): string => `Ev${pick(UPPER_ALNUM, 10)}`;

/** A `trigger_id` (`12321423423.333649436676.d8c1bb837935619ccad0f624c448ffb3`). */
export const triggerId = (): string => `${pick('0123456789', 11)}.${pick('0123456789', 12)}.${randomBytes(16).toString('hex')}`;

/** The `block_id` Slack gives a block sent without one (`=qXel`). */
export const blockId = (): string => randomBytes(4).toString('base64url').slice(0, 5);

/** The secret part of a response_url. */
export const urlSecret = (): string => randomBytes(12).toString('base64url');

/**
 * A fresh `ts` for a message a test or a bench makes up: from the wall clock, and never the same
 * twice in this process.
 */
export const nextTs: () => string = slackClock();
