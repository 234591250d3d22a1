import type { Queryable } from '../store/in-transaction.js';
import * as memory from '../store/team-memory.js';
import type { Share, ShareSummary, Workspace } from '../store/team-memory.js';

export type { Share, ShareSummary, Workspace };

/** What Paperbot remembers of a workspace's shares, for the listeners (src/store/team-memory.ts). */
export interface TeamMemory {
  /** Changes whenever the workspace's shares or their replies change: answers showing shares are remembered under it. */
  version(ws: Workspace): Promise<string>;
  sharesOf(ws: Workspace, paperIds: readonly string[]): Promise<Map<string, ShareSummary>>;
  recordShare(ws: Workspace, share: { channel: string; messageTs: string; permalink: string | null; paperId: string; userId: string | null }): Promise<boolean>;
  lastShareIn(ws: Workspace, channel: string, paperId: string, since: Date): Promise<Share | undefined>;
  addReply(ws: Workspace, channel: string, threadTs: string, replyTs: string): Promise<boolean>;
}

/** The team memory over a store. */
export function storeMemory(store: Queryable, now: () => Date = () => new Date()): TeamMemory {
  return {
    version: (ws) => memory.memoryVersion(store, ws),
    sharesOf: (ws, ids) => memory.sharesOf(store, ws, ids),
    recordShare: (ws, share) => memory.recordShare(store, ws, share, now()),
    lastShareIn: (ws, channel, paperId, since) => memory.lastShareIn(store, ws, channel, paperId, since),
    addReply: (ws, channel, threadTs, replyTs) => memory.addReply(store, ws, channel, threadTs, replyTs),
  };
}

/** Remembers nothing: for dependencies without a store (tests of rendering, the receiver). */
export const NO_MEMORY: TeamMemory = {
  version: async () => '',
  sharesOf: async () => new Map(),
  recordShare: async () => false,
  lastShareIn: async () => undefined,
  addReply: async () => false,
};
