import { randomUUID } from 'node:crypto';
import { type ExpressionBuilder, sql } from 'kysely';
import { inTransaction, type Queryable } from './in-transaction.js';
import type { Database, DigestClaimsTable, WatchRow } from './schema.js';
import type { Workspace } from './team-memory.js';

/**
 * Watches (a channel's standing queries) and digest claims. A watch is changed only through its
 * own workspace and channel; a digest period is claimed by one insert, so it is posted at most
 * once however many processes try (see 0003-watches.ts).
 */

export type Cadence = 'daily' | 'weekly';

/** One watch. Times are ISO 8601 UTC. */
export interface Watch {
  id: string;
  workspace: Workspace;
  channel: string;
  number: number;
  query: string;
  cadence: Cadence;
  createdBy: string | null;
  createdAt: string;
  pausedAt: string | null;
  pausedReason: string | null;
}

/** A watch with its newest digest, for `/paper watches`. */
export interface ListedWatch extends Watch {
  lastDigest: { at: string; papers: number } | null;
}

/** What setting a watch did. */
export type WatchChange =
  | { kind: 'created'; watch: Watch }
  /** The channel watched this query already; a paused watch is resumed, another cadence taken. */
  | { kind: 'exists'; watch: Watch; resumed: boolean; cadenceChanged: boolean }
  | { kind: 'full'; limit: number };

/** The key one channel's watches are unique by: `"Long  Context"` and `long context` are one watch. */
export const queryKey = (query: string): string => query.trim().replace(/\s+/g, ' ').toLowerCase();

function inWorkspace(ws: Workspace) {
  return (eb: ExpressionBuilder<Database, 'watches'>) =>
    eb.and([eb('team_id', '=', ws.teamId), ws.enterpriseId === null ? eb('enterprise_id', 'is', null) : eb('enterprise_id', '=', ws.enterpriseId)]);
}

/**
 * Sets a watch on `query` in the channel: a new one gets the channel's next number; the same
 * query again (a double submit, a retry, or someone setting it anew) resumes it if paused and takes
 * the new cadence, so there is never a second watch on one query. One transaction; two processes
 * setting watches at once cannot share a number (the unique key refuses the second, which tries
 * again once).
 */
export async function setWatch(
  store: Queryable,
  ws: Workspace,
  watch: { channel: string; query: string; cadence: Cadence; userId: string | null },
  limit: number,
  at: Date = new Date(),
): Promise<WatchChange> {
  const attempt = () =>
    inTransaction(store, async ({ db }): Promise<WatchChange> => {
      // NOTE: a write first, so SQLite takes its write lock before we read (a transaction that
      // read first cannot wait for the lock: SQLITE_BUSY). It changes nothing on either engine.
      await db.updateTable('watches').set({ number: sql`number` }).where('id', '=', '').execute();
      const key = queryKey(watch.query);
      const existing = await db
        .selectFrom('watches')
        .selectAll()
        .where(inWorkspace(ws))
        .where('channel', '=', watch.channel)
        .where('query_key', '=', key)
        .executeTakeFirst();
      if (existing) {
        const resumed = existing.paused_at !== null;
        const cadenceChanged = existing.cadence !== watch.cadence;
        if (resumed || cadenceChanged) {
          await db.updateTable('watches').set({ paused_at: null, paused_reason: null, cadence: watch.cadence }).where('id', '=', existing.id).execute();
        }
        return { kind: 'exists', watch: toWatch({ ...existing, paused_at: null, paused_reason: null, cadence: watch.cadence }), resumed, cadenceChanged };
      }
      const { count, top } = await db
        .selectFrom('watches')
        .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.max('number').as('top')])
        .where(inWorkspace(ws))
        .where('channel', '=', watch.channel)
        .executeTakeFirstOrThrow();
      if (Number(count) >= limit) return { kind: 'full', limit };
      const row: WatchRow = {
        id: randomUUID(),
        team_id: ws.teamId,
        enterprise_id: ws.enterpriseId,
        channel: watch.channel,
        number: Number(top ?? 0) + 1,
        query: watch.query.trim(),
        query_key: key,
        cadence: watch.cadence,
        created_by: watch.userId,
        created_at: at.toISOString(),
        paused_at: null,
        paused_reason: null,
      };
      await db.insertInto('watches').values(row).execute();
      return { kind: 'created', watch: toWatch(row) };
    });
  // Another process took the number (or set the same query) between our read and our insert
  // (Postgres, where reads do not wait for writers): read again and take the next one.
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      if (!isUniqueViolation(error) || tries >= SET_WATCH_TRIES) throw error;
    }
  }
}

const SET_WATCH_TRIES = 5;

/** The channel's watches by number, each with its newest posted digest. */
export async function channelWatches(store: Queryable, ws: Workspace, channel: string): Promise<ListedWatch[]> {
  const rows = await store.db.selectFrom('watches').selectAll().where(inWorkspace(ws)).where('channel', '=', channel).orderBy('number').execute();
  if (rows.length === 0) return [];
  const posted = await store.db
    .selectFrom('digest_claims')
    .select(['watch_id', 'finished_at', 'papers'])
    .where(
      'watch_id',
      'in',
      rows.map((r) => r.id),
    )
    .where('state', '=', 'posted')
    .orderBy('finished_at', 'desc')
    .execute();
  const last = new Map<string, { at: string; papers: number }>();
  for (const claim of posted)
    if (!last.has(claim.watch_id) && claim.finished_at) last.set(claim.watch_id, { at: claim.finished_at, papers: claim.papers ?? 0 });
  return rows.map((row) => ({ ...toWatch(row), lastDigest: last.get(row.id) ?? null }));
}

/** Removes the channel's watch number `number` (and its digest history); the watch removed, if there was one. */
export async function removeWatch(store: Queryable, ws: Workspace, channel: string, number: number): Promise<Watch | undefined> {
  return inTransaction(store, async ({ db }) => {
    const row = await db
      .selectFrom('watches')
      .selectAll()
      .where(inWorkspace(ws))
      .where('channel', '=', channel)
      .where('number', '=', number)
      .executeTakeFirst();
    if (!row) return undefined;
    await db.deleteFrom('digest_claims').where('watch_id', '=', row.id).execute();
    await db.deleteFrom('watches').where('id', '=', row.id).execute();
    return toWatch(row);
  });
}

/** Every watch that is not paused, in every workspace: what the digest scheduler goes through. */
export async function activeWatches(store: Queryable): Promise<Watch[]> {
  const rows = await store.db.selectFrom('watches').selectAll().where('paused_at', 'is', null).orderBy('created_at').orderBy('id').execute();
  return rows.map(toWatch);
}

/** Pauses a watch (its channel cannot be posted in); `false` when it was paused or gone already. */
export async function pauseWatch(store: Queryable, id: string, reason: string, at: Date = new Date()): Promise<boolean> {
  const result = await store.db
    .updateTable('watches')
    .set({ paused_at: at.toISOString(), paused_reason: reason })
    .where('id', '=', id)
    .where('paused_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Claims one period of a watch for posting its digest, covering papers first stored in `window`
 * (by time from the last digest, and by change number up to `window.toSeq`); `true` for the one
 * caller that got it. NOTE: one insert that does nothing when the row exists: atomic on both
 * engines, and a claim is never released, so a period that was claimed (even by a process that
 * then died) is never posted again.
 */
export async function claimPeriod(
  store: Queryable,
  claim: { watchId: string; period: string; by: string; window: { from: Date; to: Date; toSeq: number } },
  at: Date = new Date(),
): Promise<boolean> {
  const result = await store.db
    .insertInto('digest_claims')
    .values({
      watch_id: claim.watchId,
      period: claim.period,
      state: 'claimed',
      claimed_at: at.toISOString(),
      claimed_by: claim.by,
      window_from: claim.window.from.toISOString(),
      window_to: claim.window.to.toISOString(),
      seq_to: claim.window.toSeq,
      papers: null,
      message_ts: null,
      error: null,
      finished_at: null,
    })
    .onConflict((oc) => oc.columns(['watch_id', 'period']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Whether the period has been claimed (posted, empty, failed, or being posted). */
export async function isClaimed(store: Queryable, watchId: string, period: string): Promise<boolean> {
  const row = await store.db.selectFrom('digest_claims').select('watch_id').where('watch_id', '=', watchId).where('period', '=', period).executeTakeFirst();
  return row !== undefined;
}

/** Records how a claimed period ended. */
export async function finishClaim(
  store: Queryable,
  watchId: string,
  period: string,
  outcome: { state: Exclude<DigestClaimsTable['state'], 'claimed'>; papers: number; messageTs?: string; error?: string },
  at: Date = new Date(),
): Promise<void> {
  await store.db
    .updateTable('digest_claims')
    .set({ state: outcome.state, papers: outcome.papers, message_ts: outcome.messageTs ?? null, error: outcome.error ?? null, finished_at: at.toISOString() })
    .where('watch_id', '=', watchId)
    .where('period', '=', period)
    .execute();
}

/** Where a digest ended: its window's end, and the papers' change number it covered up to. */
export interface Covered {
  until: Date;
  seq: number | null;
}

/**
 * Where the watch's next digest starts: the end of the newest window it posted or found empty.
 * Null before the first. NOTE: a failed period, or one whose process stopped before it finished,
 * does not count, so its papers go into the next digest rather than nowhere.
 */
export async function lastCovered(store: Queryable, watchId: string): Promise<Covered | null> {
  const row = await store.db
    .selectFrom('digest_claims')
    .select((eb) => [eb.fn.max('window_to').as('until'), eb.fn.max('seq_to').as('seq')])
    .where('watch_id', '=', watchId)
    .where('state', 'in', ['posted', 'empty'])
    .executeTakeFirst();
  return row?.until ? { until: new Date(row.until), seq: row.seq === null || row.seq === undefined ? null : Number(row.seq) } : null;
}

/**
 * The ids of papers first stored after `from` (by change number when it has one, else by time)
 * and with a first change number up to `toSeq`, first stored first. NOTE: change numbers become
 * visible in commit order, so "up to what the index has seen" misses nothing still being written.
 */
export async function papersFirstStored(store: Queryable, window: { from: Covered; toSeq: number }): Promise<string[]> {
  let query = store.db.selectFrom('papers').select('id').where('first_seq', '<=', window.toSeq);
  query = window.from.seq !== null ? query.where('first_seq', '>', window.from.seq) : query.where('first_seen_at', '>', window.from.until.toISOString());
  const rows = await query.orderBy('first_seq').orderBy('id').execute();
  return rows.map((r) => r.id);
}

/** Someone asked to be forgotten: their name comes off the watches they set (the watches stay: the channel wants them). */
export async function forgetWatchCreator(store: Queryable, ws: Workspace, userId: string): Promise<number> {
  const result = await store.db.updateTable('watches').set({ created_by: null }).where(inWorkspace(ws)).where('created_by', '=', userId).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

function toWatch(row: WatchRow): Watch {
  return {
    id: row.id,
    workspace: { teamId: row.team_id, enterpriseId: row.enterprise_id },
    channel: row.channel,
    number: row.number,
    query: row.query,
    cadence: row.cadence,
    createdBy: row.created_by,
    createdAt: row.created_at,
    pausedAt: row.paused_at,
    pausedReason: row.paused_reason,
  };
}

/** A unique-key violation, as better-sqlite3 and pg report it. */
function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
