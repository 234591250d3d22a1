import { setTimeout as sleep } from 'node:timers/promises';
import type { Queryable } from '../store/in-transaction.js';
import { holdLease, holdLeaseUntil, releaseLease } from '../store/leases.js';

export interface DeploymentTurnOptions {
  store: Queryable;
  /** The lease's name (`arxiv`). */
  name: string;
  holder: string;
  /** The least time between the end of one request (by any instance) and the start of the next. */
  minIntervalMs: number;
  /** A request never takes longer than this: a holder that dies mid-request frees the turn after it. */
  maxTaskMs: number;
  /** How often a waiting instance asks again. */
  pollMs: number;
}

/**
 * arXiv's rule (one request at a time, three seconds between them) for a whole deployment: each
 * request takes a lease in the shared store for its duration, and on finishing keeps it for
 * `minIntervalMs` more, so no instance starts the next request sooner. Queued behind each
 * process's own gate (src/sources/arxiv-gate.ts), which keeps the process's order.
 */
export class DeploymentTurn {
  constructor(private readonly options: DeploymentTurnOptions) {}

  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const { store, name, holder, minIntervalMs, maxTaskMs, pollMs } = this.options;
    while (!(await holdLease(store, name, holder, maxTaskMs + minIntervalMs, new Date(), { renew: false }))) await sleep(pollMs, undefined, { signal });
    try {
      return await task();
    } finally {
      // Held through the interval: the next request anywhere starts no sooner.
      const kept = await holdLeaseUntil(store, name, holder, new Date(Date.now() + minIntervalMs)).catch(() => false);
      if (!kept) await releaseLease(store, name, holder).catch(() => undefined);
    }
  }
}
