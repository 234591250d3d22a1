import type { Queryable } from './in-transaction.js';
import type { SourceStateRow } from './schema.js';
import { STORE } from '../config.js';

/** A source's fetch state, for scheduling (back-off) and `/paper status`. Times are ISO 8601 UTC. */
export interface SourceState {
  source: string;
  lastSuccessAt: string | null;
  /** Papers the last successful run added and updated. */
  lastAdded: number | null;
  lastUpdated: number | null;
  /** The last failure's message and time; kept after a success, so status can say when it last failed. */
  lastError: string | null;
  lastErrorAt: string | null;
  /** Failures since the last success: 0 when the last run succeeded. */
  consecutiveFailures: number;
  nextRunAt: string | null;
}

/**
 * Records a successful fetch: its counts and time, the next run, and resets the failure streak.
 *
 * @example await recordSuccess(store, 'hf-daily', { added: 3, updated: 12, at: new Date(), nextRunAt });
 */
export async function recordSuccess(
  store: Queryable,
  source: string,
  { added, updated, at, nextRunAt = null }: { added: number; updated: number; at: Date; nextRunAt?: Date | null },
): Promise<SourceState> {
  const values = {
    last_success_at: at.toISOString(),
    last_added: added,
    last_updated: updated,
    consecutive_failures: 0,
    next_run_at: nextRunAt?.toISOString() ?? null,
  };
  const row = await store.db
    .insertInto('source_state')
    .values({ source, ...values })
    .onConflict((oc) => oc.column('source').doUpdateSet(values))
    .returningAll()
    .executeTakeFirstOrThrow();
  return toSourceState(row);
}

/**
 * Records a failed fetch: the error, and one more consecutive failure. `nextRunAt` may be a
 * function of the new failure count, for back-off.
 *
 * @example
 * await recordFailure(store, 'hf-daily', { error, at: now, nextRunAt: (failures) => new Date(now.getTime() + 60_000 * 2 ** failures) });
 */
export async function recordFailure(
  store: Queryable,
  source: string,
  { error, at, nextRunAt = null }: { error: unknown; at: Date; nextRunAt?: Date | null | ((consecutiveFailures: number) => Date | null) },
): Promise<SourceState> {
  const message = (error instanceof Error ? error.message : String(error)).slice(0, STORE.maxErrorChars);
  const values = { last_error: message, last_error_at: at.toISOString() };
  // NOTE: incremented in the statement, not read-then-written, so two instances failing at once
  // both count.
  let row = await store.db
    .insertInto('source_state')
    .values({ source, ...values, consecutive_failures: 1 })
    .onConflict((oc) => oc.column('source').doUpdateSet((eb) => ({ ...values, consecutive_failures: eb('source_state.consecutive_failures', '+', 1) })))
    .returningAll()
    .executeTakeFirstOrThrow();
  const next = typeof nextRunAt === 'function' ? nextRunAt(row.consecutive_failures) : nextRunAt;
  row = await store.db
    .updateTable('source_state')
    .set({ next_run_at: next?.toISOString() ?? null })
    .where('source', '=', source)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toSourceState(row);
}

/** One source's state, or undefined if it has never run. */
export async function getSourceState(store: Queryable, source: string): Promise<SourceState | undefined> {
  const row = await store.db.selectFrom('source_state').selectAll().where('source', '=', source).executeTakeFirst();
  return row && toSourceState(row);
}

/** Every source's state, by source name. */
export async function allSourceStates(store: Queryable): Promise<SourceState[]> {
  const rows = await store.db.selectFrom('source_state').selectAll().orderBy('source').execute();
  return rows.map(toSourceState);
}

function toSourceState(row: SourceStateRow): SourceState {
  return {
    source: row.source,
    lastSuccessAt: row.last_success_at,
    lastAdded: row.last_added,
    lastUpdated: row.last_updated,
    lastError: row.last_error,
    lastErrorAt: row.last_error_at,
    consecutiveFailures: row.consecutive_failures,
    nextRunAt: row.next_run_at,
  };
}
