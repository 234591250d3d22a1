import { SLACK_ANSWERS } from '../config.js';
import { inTransaction, type Queryable } from '../store/in-transaction.js';
import * as memory from '../store/team-memory.js';
import { forgetWatchCreator } from '../store/watches.js';
import type { PaperSignals, SavedPaper, Share, ShareSummary, Workspace } from '../store/team-memory.js';

export type { PaperSignals, SavedPaper, Share, ShareSummary, Workspace };

/** What Paperbot remembers of a workspace's shares, for the listeners (src/store/team-memory.ts). */
export interface TeamMemory {
  /** Changes whenever the workspace's shares or their replies change: answers showing shares are remembered under it. */
  version(ws: Workspace): Promise<string>;
  sharesOf(ws: Workspace, paperIds: readonly string[]): Promise<Map<string, ShareSummary>>;
  recordShare(ws: Workspace, share: { channel: string; messageTs: string; permalink: string | null; paperId: string; userId: string | null }): Promise<boolean>;
  lastShareIn(ws: Workspace, channel: string, paperId: string, since: Date): Promise<Share | undefined>;
  addReply(ws: Workspace, channel: string, threadTs: string, replyTs: string): Promise<boolean>;
  /** Puts a paper on `userId`'s reading list; `false` when it was there already. */
  save(ws: Workspace, userId: string, paperId: string): Promise<boolean>;
  /** Takes a paper off `userId`'s reading list; `false` when it was not on it. */
  unsave(ws: Workspace, userId: string, paperId: string): Promise<boolean>;
  /** Marks a saved paper read; `false` when it is not on the list or was read already. */
  markRead(ws: Workspace, userId: string, paperId: string): Promise<boolean>;
  /** `userId`'s reading list, newest first. */
  saved(ws: Workspace, userId: string): Promise<SavedPaper[]>;
  /** `/paper forget me`: deletes `userId`'s reading list and their name on their shares and watches. */
  forget(ws: Workspace, userId: string): Promise<{ saves: number; shares: number }>;
  /** `/paper shared`: the workspace's shares since `since` (all when null), newest first. */
  sharesSince(ws: Workspace, since: Date | null, limit: number): Promise<Share[]>;
  /** `/paper top`: the most discussed and most saved papers since `since`. */
  top(ws: Workspace, since: Date, limit: number): Promise<{ discussed: PaperSignals[]; saved: PaperSignals[] }>;
}

/**
 * The team memory over a store. NOTE: each workspace's version is kept for
 * SLACK_ANSWERS.memoryVersionTtlMs (this process's writes renew it at once), and a workspace
 * with no shares at all is not asked where its papers were shared: most requests then touch no
 * SQL at all.
 */
export function storeMemory(store: Queryable, now: () => Date = () => new Date(), versionTtlMs: number = SLACK_ANSWERS.memoryVersionTtlMs): TeamMemory {
  const versions = new Map<string, { value: string; at: number }>();
  /** Per workspace, how many writes of ours there were: a read that started before one is not kept. */
  const writes = new Map<string, number>();
  const keyOf = (ws: Workspace) => `${ws.teamId}\u0000${ws.enterpriseId ?? ''}`;
  const version = async (ws: Workspace): Promise<string> => {
    const key = keyOf(ws);
    const cached = versions.get(key);
    const at = now().getTime();
    if (cached && at - cached.at < versionTtlMs) return cached.value;
    const before = writes.get(key) ?? 0;
    const value = await memory.memoryVersion(store, ws);
    if ((writes.get(key) ?? 0) === before) versions.set(key, { value, at });
    return value;
  };
  /** After a write of ours: the next version is read from the store. */
  const changed = <T>(ws: Workspace, result: T): T => {
    const key = keyOf(ws);
    versions.delete(key);
    writes.set(key, (writes.get(key) ?? 0) + 1);
    return result;
  };
  return {
    version,
    // The version starts with the number of shares (memoryVersion): none, nothing to look up.
    sharesOf: async (ws, ids) => ((await version(ws)).startsWith('0.') ? new Map() : memory.sharesOf(store, ws, ids)),
    recordShare: async (ws, share) => changed(ws, await memory.recordShare(store, ws, share, now())),
    lastShareIn: (ws, channel, paperId, since) => memory.lastShareIn(store, ws, channel, paperId, since),
    addReply: async (ws, channel, threadTs, replyTs) => changed(ws, await memory.addReply(store, ws, channel, threadTs, replyTs)),
    save: (ws, userId, paperId) => memory.savePaper(store, ws, userId, paperId, now()),
    unsave: (ws, userId, paperId) => memory.unsave(store, ws, userId, paperId),
    markRead: (ws, userId, paperId) => memory.markRead(store, ws, userId, paperId, now()),
    saved: (ws, userId) => memory.savedPapers(store, ws, userId),
    forget: async (ws, userId) =>
      changed(
        ws,
        await inTransaction(store, async (tx) => {
          const counts = await memory.forgetPerson(tx, ws, userId);
          await forgetWatchCreator(tx, ws, userId);
          return counts;
        }),
      ),
    sharesSince: (ws, since, limit) => memory.sharesSince(store, ws, since, limit),
    top: (ws, since, limit) => memory.topPapers(store, ws, since, limit),
  };
}

/** Remembers nothing: for dependencies without a store (tests of rendering, the receiver). */
export const NO_MEMORY: TeamMemory = {
  version: async () => '',
  sharesOf: async () => new Map(),
  recordShare: async () => false,
  lastShareIn: async () => undefined,
  addReply: async () => false,
  save: async () => false,
  unsave: async () => false,
  markRead: async () => false,
  saved: async () => [],
  forget: async () => ({ saves: 0, shares: 0 }),
  sharesSince: async () => [],
  top: async () => ({ discussed: [], saved: [] }),
};
