import { DIGESTS } from '../config.js';
import type { Queryable } from '../store/in-transaction.js';
import type { Workspace } from '../store/team-memory.js';
import * as store from '../store/watches.js';
import type { Cadence, ListedWatch, Watch, WatchChange } from '../store/watches.js';

export type { Cadence, ListedWatch, Watch, WatchChange };

/** When digests go out: PAPERBOT_DIGEST_HOUR in PAPERBOT_DIGEST_TZ. */
export interface DigestSchedule {
  hour: number;
  timeZone: string;
}

/** A channel's watches, for the listeners (`/paper watch`, `watches`, `unwatch`); src/store/watches.ts. */
export interface Watches {
  /** When the digests of these watches go out. */
  readonly schedule: DigestSchedule;
  set(ws: Workspace, watch: { channel: string; query: string; cadence: Cadence; userId: string | null }): Promise<WatchChange>;
  list(ws: Workspace, channel: string): Promise<ListedWatch[]>;
  remove(ws: Workspace, channel: string, number: number): Promise<Watch | undefined>;
}

/** The watches kept in a store. */
export function storeWatches(db: Queryable, schedule: DigestSchedule, now: () => Date = () => new Date()): Watches {
  return {
    schedule,
    set: (ws, watch) => store.setWatch(db, ws, watch, DIGESTS.maxWatchesPerChannel, now()),
    list: (ws, channel) => store.channelWatches(db, ws, channel),
    remove: (ws, channel, number) => store.removeWatch(db, ws, channel, number),
  };
}

/** No store: nothing can be watched (tests of rendering and of the receiver). */
export const NO_WATCHES: Watches = {
  schedule: { hour: DIGESTS.hour, timeZone: DIGESTS.timeZone },
  set: async () => ({ kind: 'full', limit: 0 }),
  list: async () => [],
  remove: async () => undefined,
};
