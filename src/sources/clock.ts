import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Monotonic time in milliseconds and a way to wait for it. The arXiv gate and the rate-limit
 * cooldowns read it; tests inject a clock they advance by hand, so nothing sleeps for 3 s.
 */
export interface Clock {
  now(): number;
  /** Resolves after `ms`; rejects with the signal's reason when it aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** `performance.now()` and real timers. */
export const realClock: Clock = {
  now: () => performance.now(),
  sleep: async (ms, signal) => {
    await sleep(Math.max(0, ms), undefined, signal ? { signal } : undefined);
  },
};

/**
 * Waits until `clock.now()` reaches `deadline`.
 * NOTE: Node's timers may fire up to a millisecond before `performance.now()` says the time has
 * come (libuv rounds its loop time); the loop makes "no earlier than" hold to the clock's own reading.
 */
export async function sleepUntil(clock: Clock, deadline: number, signal?: AbortSignal): Promise<void> {
  for (let left = deadline - clock.now(); left > 0; left = deadline - clock.now()) {
    await clock.sleep(Math.ceil(left), signal);
  }
}
