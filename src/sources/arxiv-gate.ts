import { type Clock, realClock, sleepUntil } from './clock.js';

/** Another gate the turn must also pass: the deployment's (src/library/deployment-turn.ts), when instances share a store. */
export interface SharedTurn {
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
}

export interface ArxivGateOptions {
  /** The least time between the end of one request and the start of the next. */
  minIntervalMs: number;
  clock?: Clock;
}

/**
 * arXiv's terms of use in code: one request at a time, and the next one starts no earlier than
 * `minIntervalMs` after the previous one **finished**. Callers queue in arrival order.
 *
 * NOTE: measured from the end, not the start, on purpose. arXiv asks for "one request every three
 * seconds, one connection at a time"; a slow answer (arXiv often takes seconds) measured from its
 * start would let the next request follow it at once, which is the burst the rule forbids. From
 * the end, the quiet gap on the wire is always at least the interval (so start-to-start is too).
 * A request has finished when its task settles, body read included: the connection is busy until then.
 *
 * @example
 * const gate = new ArxivGate({ minIntervalMs: 3000 });
 * const text = await gate.run(() => fetchFeed(url), signal);
 */
export class ArxivGate {
  private intervalMs: number;
  private readonly clock: Clock;
  /** Settles when the last caller in the queue has released the gate. */
  private tail: Promise<void> = Promise.resolve();
  /** When the last request finished (clock time); the next starts no earlier than this plus the interval. */
  private lastEnd = Number.NEGATIVE_INFINITY;

  constructor({ minIntervalMs, clock = realClock }: ArxivGateOptions) {
    this.intervalMs = minIntervalMs;
    this.clock = clock;
  }

  get minIntervalMs(): number {
    return this.intervalMs;
  }

  private shared: SharedTurn | undefined;

  /**
   * Every request also waits for a turn of the deployment's, after this process's: several
   * instances then keep arXiv's rule together. NOTE: set once, at start-up, by whoever knows the store.
   */
  shareWith(turn: SharedTurn | undefined): void {
    this.shared = turn;
  }

  /** Never lowers the interval: two settings for one host keep the stricter. */
  raiseInterval(ms: number): void {
    this.intervalMs = Math.max(this.intervalMs, ms);
  }

  /**
   * Runs `task` when it is this caller's turn and the interval has passed, holding the gate until
   * the task settles. An abort while queued or waiting rejects with the signal's reason and gives
   * the turn to the next caller; the task never runs then.
   */
  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((resolve) => {
      release = resolve;
    });
    try {
      await abortable(previous, signal);
    } catch (error) {
      // Our place in the queue passes on only once the caller before us is done: no overlap.
      void previous.then(release);
      throw error;
    }
    let started = false;
    try {
      await sleepUntil(this.clock, this.lastEnd + this.intervalMs, signal);
      started = true;
      return await (this.shared ? this.shared.run(task, signal) : task());
    } finally {
      if (started) this.lastEnd = this.clock.now();
      release();
    }
  }
}

/** `promise`, or a rejection with the signal's reason as soon as it aborts. */
function abortable(promise: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return promise;
  signal.throwIfAborted();
  return new Promise<void>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    void promise.then(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    });
  });
}

/** One gate per arXiv API origin for the whole process. */
const gates = new Map<string, ArxivGate>();

/**
 * The process-wide gate for the arXiv API at `apiUrl`: every source, lookup and title query of
 * this process queues on it.
 * NOTE: process-wide here; instances sharing a Postgres store also take turns across the
 * deployment through {@link ArxivGate.shareWith} (set up by src/start-library.ts).
 * A second caller asking for a longer interval raises it; a shorter one never lowers it.
 */
export function sharedArxivGate(apiUrl: string, minIntervalMs: number): ArxivGate {
  const origin = new URL(apiUrl).origin;
  const existing = gates.get(origin);
  if (existing) {
    existing.raiseInterval(minIntervalMs);
    return existing;
  }
  const gate = new ArxivGate({ minIntervalMs });
  gates.set(origin, gate);
  return gate;
}
