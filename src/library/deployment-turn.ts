import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Queryable } from '../store/in-transaction.js';
import { holdLease, holdLeaseUntil, releaseLease } from '../store/leases.js';

export interface DeploymentTurnOptions {
  store: Queryable;
  /** The lease's name (`arxiv`); waiting tickets are claims of kind `<name>-queue`. */
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
 * A waiting ticket not renewed for this many polls belongs to a process that died: it is passed
 * over. NOTE: generous, since expiry compares the instances' clocks (ordering does not: tickets
 * are numbered by the store).
 */
const TICKET_POLLS = 40;

/**
 * arXiv's rule (one request at a time, three seconds between them) for a whole deployment: each
 * request takes a lease in the shared store for its duration, and on finishing keeps it for
 * `minIntervalMs` more, so no instance starts the next request sooner. Queued behind each
 * process's own gate (src/sources/arxiv-gate.ts), which keeps the process's order.
 *
 * NOTE: first come, first served across instances: a request waits with a ticket (a row in
 * `claims`, renewed while it waits) and takes the turn only when its ticket is the oldest, so a
 * follower's on-demand lookup is not starved by the leader's catch-up of a hundred pages.
 */
export class DeploymentTurn {
  constructor(private readonly options: DeploymentTurnOptions) {}

  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const { store, name, holder, minIntervalMs, maxTaskMs, pollMs } = this.options;
    const kind = `${name}-queue`;
    const ticket = `${String(await this.nextTicket()).padStart(15, '0')}:${holder}:${randomUUID().slice(0, 8)}`;
    try {
      for (;;) {
        const now = Date.now();
        const expires = new Date(now + TICKET_POLLS * pollMs).toISOString();
        // Taken, or renewed: the ticket keeps its place (its id sorts by when it was first taken).
        await store.db
          .insertInto('claims')
          .values({ kind, id: ticket, claimed_at: new Date(now).toISOString(), expires_at: expires })
          .onConflict((oc) => oc.columns(['kind', 'id']).doUpdateSet({ expires_at: expires }))
          .execute();
        const first = await store.db
          .selectFrom('claims')
          .select('id')
          .where('kind', '=', kind)
          .where('expires_at', '>', new Date(now).toISOString())
          .orderBy('id')
          .limit(1)
          .executeTakeFirst();
        signal?.throwIfAborted();
        if (first?.id === ticket && (await holdLease(store, name, holder, maxTaskMs + minIntervalMs, new Date(), { renew: false }))) break;
        await sleep(pollMs, undefined, { signal });
      }
    } finally {
      // A ticket left behind expires by itself; a failed delete must not cost the turn we hold.
      await store.db
        .deleteFrom('claims')
        .where('kind', '=', kind)
        .where('id', '=', ticket)
        .execute()
        .catch(() => undefined);
    }
    try {
      return await task();
    } finally {
      // Held through the interval: the next request anywhere starts no sooner.
      const kept = await holdLeaseUntil(store, name, holder, new Date(Date.now() + minIntervalMs)).catch(() => false);
      if (!kept) await releaseLease(store, name, holder).catch(() => undefined);
    }
  }

  /** The next ticket number, from a counter in the store: first come, first served whatever the instances' clocks say. */
  private async nextTicket(): Promise<number> {
    const { store, name } = this.options;
    const counter = `${name}.tickets`;
    await store.db
      .insertInto('counters')
      .values({ name: counter, value: 0 })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
    const row = await store.db
      .updateTable('counters')
      .set((eb) => ({ value: eb('value', '+', 1) }))
      .where('name', '=', counter)
      .returning('value')
      .executeTakeFirstOrThrow();
    return Number(row.value);
  }
}
