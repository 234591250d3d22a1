import { type Clock, realClock } from './clock.js';

/**
 * What a service said about its rate limit, and the resulting "do not call before" time.
 *
 * NOTE: a rate-limited service makes callers fail fast (a `rate-limited` SourceError with the time
 * left) instead of waiting. Hugging Face's window is 5 minutes and arXiv's Retry-After can be as
 * long: a Slack user waiting on a lookup cannot wait that long, and the scheduled fetches run again
 * on their own schedule anyway. No request is sent while the cooldown lasts, so we never spend a
 * call just to be told no.
 */
export class Cooldown {
  private until = Number.NEGATIVE_INFINITY;

  constructor(private readonly clock: Pick<Clock, 'now'> = realClock) {}

  /** No call before `ms` from now (a longer hold already in place stays). */
  hold(ms: number): void {
    this.until = Math.max(this.until, this.clock.now() + ms);
  }

  /** Milliseconds left before calls may go out again; 0 when they may now. */
  remainingMs(): number {
    return Math.max(0, this.until - this.clock.now());
  }
}

/** One cooldown per service and origin for the whole process: limits count per IP, not per source. */
const cooldowns = new Map<string, Cooldown>();

/** The process-wide cooldown of `service` at `baseUrl`'s origin. */
export function sharedCooldown(service: string, baseUrl: string): Cooldown {
  const key = `${service} ${new URL(baseUrl).origin}`;
  let cooldown = cooldowns.get(key);
  if (!cooldown) {
    cooldown = new Cooldown();
    cooldowns.set(key, cooldown);
  }
  return cooldown;
}

/**
 * `Retry-After` in milliseconds: delay-seconds (`120`) or an HTTP date; undefined when absent or unreadable.
 *
 * @example parseRetryAfter('7', Date.now()); // 7000
 */
export function parseRetryAfter(value: string | null, nowEpochMs: number): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowEpochMs);
}

export interface RateLimitHeader {
  /** Calls left in the window (`r`). */
  remaining: number;
  /** Seconds until the window resets (`t`). */
  resetSeconds: number;
}

/**
 * Hugging Face's `RateLimit: "api";r=<left>;t=<seconds>` (the IETF draft's structured form).
 * Several policies may be listed, comma-separated: the one with the fewest calls left wins.
 *
 * @example parseRateLimit('"api";r=0;t=120'); // { remaining: 0, resetSeconds: 120 }
 */
export function parseRateLimit(value: string | null): RateLimitHeader | undefined {
  if (!value) return undefined;
  let tightest: RateLimitHeader | undefined;
  for (const policy of value.split(',')) {
    const params = new Map(
      policy.split(';').map((part) => {
        const [key = '', val = ''] = part.split('=').map((s) => s.trim());
        return [key, val] as const;
      }),
    );
    const remaining = Number(params.get('r'));
    const resetSeconds = Number(params.get('t'));
    if (!params.has('r') || !params.has('t') || !Number.isFinite(remaining) || !Number.isFinite(resetSeconds)) continue;
    if (!tightest || remaining < tightest.remaining) tightest = { remaining, resetSeconds: Math.max(0, resetSeconds) };
  }
  return tightest;
}
