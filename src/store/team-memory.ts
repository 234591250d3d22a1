import type { ExpressionBuilder } from 'kysely';
import type { Queryable } from './in-transaction.js';
import type { Database, ShareRow } from './schema.js';

/**
 * What a team remembers: the papers shared into its channels and each person's reading list.
 * Every function takes the workspace and reads or writes only its rows; every write is
 * idempotent, so Slack's retries (one click delivered twice) leave one row.
 */

/** A Slack workspace: the team, and the Enterprise Grid org where there is one. */
export interface Workspace {
  teamId: string;
  enterpriseId: string | null;
}

/** One stored share of a paper. Times are ISO 8601 UTC. */
export interface Share {
  channel: string;
  /** The card's ts: its thread holds the discussion. */
  messageTs: string;
  permalink: string | null;
  paperId: string;
  /** Null once the sharer asked to be forgotten. */
  userId: string | null;
  sharedAt: string;
  replies: number;
}

/** Where a paper was discussed: its most recent share, and how many shares there are in all. */
export interface ShareSummary extends Share {
  count: number;
}

/** One paper on someone's reading list. */
export interface SavedPaper {
  paperId: string;
  savedAt: string;
  readAt: string | null;
}

type Scoped = 'shares' | 'saves';

/** Rows of `ws` only; NOTE: the enterprise id is compared null-safely (`is null` when absent). */
function inWorkspace<T extends Scoped>(ws: Workspace) {
  return (eb: ExpressionBuilder<Database, T>) =>
    eb.and([
      eb(eb.ref('team_id' as never), '=', ws.teamId as never),
      ws.enterpriseId === null ? eb(eb.ref('enterprise_id' as never), 'is', null) : eb(eb.ref('enterprise_id' as never), '=', ws.enterpriseId as never),
    ]);
}

/**
 * Records a paper card posted to a channel. A second call for the same card (a retry) changes
 * nothing; returns whether this call stored it.
 *
 * @example await recordShare(store, ws, { channel: 'C1', messageTs: '1700000000.000100', permalink, paperId: '2401.00001', userId: 'U1' }, new Date());
 */
export async function recordShare(
  store: Queryable,
  ws: Workspace,
  share: { channel: string; messageTs: string; permalink: string | null; paperId: string; userId: string | null },
  at: Date = new Date(),
): Promise<boolean> {
  const result = await store.db
    .insertInto('shares')
    .values({
      team_id: ws.teamId,
      enterprise_id: ws.enterpriseId,
      channel: share.channel,
      message_ts: share.messageTs,
      permalink: share.permalink,
      paper_id: share.paperId,
      user_id: share.userId,
      shared_at: at.toISOString(),
    })
    .onConflict((oc) => oc.columns(['team_id', 'channel', 'message_ts']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/**
 * For each of `paperIds` shared in the workspace: the most recent share and the number of shares.
 * Papers never shared there are absent.
 */
export async function sharesOf(store: Queryable, ws: Workspace, paperIds: readonly string[]): Promise<Map<string, ShareSummary>> {
  const found = new Map<string, ShareSummary>();
  if (paperIds.length === 0) return found;
  const rows = await store.db
    .selectFrom('shares')
    .selectAll()
    .where(inWorkspace<'shares'>(ws))
    .where('paper_id', 'in', [...new Set(paperIds)])
    .orderBy('shared_at', 'desc')
    .orderBy('message_ts', 'desc')
    .execute();
  for (const row of rows) {
    const seen = found.get(row.paper_id);
    if (seen) seen.count += 1;
    else found.set(row.paper_id, { ...toShare(row), count: 1 });
  }
  return found;
}

/** The most recent share of `paperId` in `channel` at or after `since`, if any. */
export async function lastShareIn(store: Queryable, ws: Workspace, channel: string, paperId: string, since: Date): Promise<Share | undefined> {
  const row = await store.db
    .selectFrom('shares')
    .selectAll()
    .where(inWorkspace<'shares'>(ws))
    .where('channel', '=', channel)
    .where('paper_id', '=', paperId)
    .where('shared_at', '>=', since.toISOString())
    .orderBy('shared_at', 'desc')
    .executeTakeFirst();
  return row && toShare(row);
}

/**
 * Counts a reply (`replyTs`) in the thread of the shared card at `threadTs`; returns whether it
 * counted. NOTE: a reply is counted only when newer than the last one counted, so the same
 * reply delivered again counts once; a thread that is not a shared card changes nothing.
 */
export async function addReply(store: Queryable, ws: Workspace, channel: string, threadTs: string, replyTs: string): Promise<boolean> {
  const result = await store.db
    .updateTable('shares')
    .set((eb) => ({ reply_count: eb('reply_count', '+', 1), last_reply_ts: replyTs }))
    .where(inWorkspace<'shares'>(ws))
    .where('channel', '=', channel)
    .where('message_ts', '=', threadTs)
    .where((eb) => eb.or([eb('last_reply_ts', 'is', null), eb('last_reply_ts', '<', replyTs)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Puts a paper on someone's reading list; `false` when it was there already (nothing changes). */
export async function savePaper(store: Queryable, ws: Workspace, userId: string, paperId: string, at: Date = new Date()): Promise<boolean> {
  const result = await store.db
    .insertInto('saves')
    .values({ team_id: ws.teamId, enterprise_id: ws.enterpriseId, user_id: userId, paper_id: paperId, saved_at: at.toISOString(), read_at: null })
    .onConflict((oc) => oc.columns(['team_id', 'user_id', 'paper_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Takes a paper off someone's reading list; `false` when it was not on it. */
export async function unsave(store: Queryable, ws: Workspace, userId: string, paperId: string): Promise<boolean> {
  const result = await store.db
    .deleteFrom('saves')
    .where(inWorkspace<'saves'>(ws))
    .where('user_id', '=', userId)
    .where('paper_id', '=', paperId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Marks a saved paper read; `false` when it is not on the list or was read already. */
export async function markRead(store: Queryable, ws: Workspace, userId: string, paperId: string, at: Date = new Date()): Promise<boolean> {
  const result = await store.db
    .updateTable('saves')
    .set({ read_at: at.toISOString() })
    .where(inWorkspace<'saves'>(ws))
    .where('user_id', '=', userId)
    .where('paper_id', '=', paperId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Someone's reading list, newest first. */
export async function savedPapers(store: Queryable, ws: Workspace, userId: string): Promise<SavedPaper[]> {
  const rows = await store.db
    .selectFrom('saves')
    .select(['paper_id', 'saved_at', 'read_at'])
    .where(inWorkspace<'saves'>(ws))
    .where('user_id', '=', userId)
    .orderBy('saved_at', 'desc')
    .orderBy('paper_id')
    .execute();
  return rows.map((row) => ({ paperId: row.paper_id, savedAt: row.saved_at, readAt: row.read_at }));
}

/** The workspace's shares at or after `since` (all of them when null), newest first, at most `limit`. */
export async function sharesSince(store: Queryable, ws: Workspace, since: Date | null, limit: number): Promise<Share[]> {
  let query = store.db.selectFrom('shares').selectAll().where(inWorkspace<'shares'>(ws));
  if (since) query = query.where('shared_at', '>=', since.toISOString());
  const rows = await query.orderBy('shared_at', 'desc').orderBy('message_ts', 'desc').limit(limit).execute();
  return rows.map(toShare);
}

/** A paper's signals over a period: replies in its shares' threads, shares, saves. */
export interface PaperSignals {
  paperId: string;
  replies: number;
  shares: number;
  saves: number;
}

/**
 * The workspace's most discussed papers (replies in the threads of the period's shares, then
 * shares) and most saved papers (saves in the period) since `since`, at most `limit` of each.
 * NOTE: only counts leave the store: who saved what stays private.
 */
export async function topPapers(store: Queryable, ws: Workspace, since: Date, limit: number): Promise<{ discussed: PaperSignals[]; saved: PaperSignals[] }> {
  const at = since.toISOString();
  const discussed = await store.db
    .selectFrom('shares')
    .select((eb) => ['paper_id', eb.fn.sum<number>('reply_count').as('replies'), eb.fn.countAll<number>().as('shares'), eb.fn.max('shared_at').as('latest')])
    .where(inWorkspace<'shares'>(ws))
    .where('shared_at', '>=', at)
    .groupBy('paper_id')
    .orderBy('replies', 'desc')
    .orderBy('shares', 'desc')
    .orderBy('latest', 'desc')
    .orderBy('paper_id')
    .limit(limit)
    .execute();
  const saved = await store.db
    .selectFrom('saves')
    .select((eb) => ['paper_id', eb.fn.countAll<number>().as('saves'), eb.fn.max('saved_at').as('latest')])
    .where(inWorkspace<'saves'>(ws))
    .where('saved_at', '>=', at)
    .groupBy('paper_id')
    .orderBy('saves', 'desc')
    .orderBy('latest', 'desc')
    .orderBy('paper_id')
    .limit(limit)
    .execute();
  return {
    discussed: discussed.map((r) => ({ paperId: r.paper_id, replies: Number(r.replies ?? 0), shares: Number(r.shares), saves: 0 })),
    saved: saved.map((r) => ({ paperId: r.paper_id, replies: 0, shares: 0, saves: Number(r.saves) })),
  };
}

/**
 * Forgets a person in the workspace: deletes their reading list and takes their name off their
 * shares (the shares stay: the cards are still in Slack). Idempotent: a second call finds nothing.
 * Returns how many saves were deleted and how many shares lost their sharer.
 */
export async function forgetPerson(store: Queryable, ws: Workspace, userId: string): Promise<{ saves: number; shares: number }> {
  const saves = await store.db.deleteFrom('saves').where(inWorkspace<'saves'>(ws)).where('user_id', '=', userId).executeTakeFirst();
  const shares = await store.db.updateTable('shares').set({ user_id: null }).where(inWorkspace<'shares'>(ws)).where('user_id', '=', userId).executeTakeFirst();
  return { saves: Number(saves.numDeletedRows), shares: Number(shares.numUpdatedRows) };
}

/**
 * A number that changes whenever the workspace's shares, their discussion or their sharers change: answers
 * that show shares are remembered under it (src/answers/answer-cache.ts). Read from the store,
 * so a share recorded by another instance counts too.
 */
export async function memoryVersion(store: Queryable, ws: Workspace): Promise<string> {
  const row = await store.db
    .selectFrom('shares')
    .select((eb) => [
      eb.fn.countAll<number>().as('shares'),
      eb.fn.sum<number>('reply_count').as('replies'),
      eb.fn.max('shared_at').as('latest'),
      // NOTE: shares that still name their sharer: someone forgotten (forgetPerson) changes it.
      eb.fn.count<number>('user_id').as('named'),
    ])
    .where(inWorkspace<'shares'>(ws))
    .executeTakeFirstOrThrow();
  return `${Number(row.shares)}.${Number(row.replies ?? 0)}.${row.latest ?? ''}.${Number(row.named)}`;
}

function toShare(row: Pick<ShareRow, 'channel' | 'message_ts' | 'permalink' | 'paper_id' | 'user_id' | 'shared_at' | 'reply_count'>): Share {
  return {
    channel: row.channel,
    messageTs: row.message_ts,
    permalink: row.permalink,
    paperId: row.paper_id,
    userId: row.user_id,
    sharedAt: row.shared_at,
    replies: row.reply_count,
  };
}
