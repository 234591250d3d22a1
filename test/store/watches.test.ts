import { describe, expect, it } from 'vitest';
import type { Workspace } from '../../src/store/team-memory.js';
import { upsertPapers } from '../../src/store/paper-repository.js';
import {
  activeWatches,
  channelWatches,
  claimPeriod,
  finishClaim,
  lastCovered,
  papersFirstStored,
  pauseWatch,
  removeWatch,
  setWatch,
} from '../../src/store/watches.js';
import { freshStores, testEngines } from '../helpers/databases.js';
import { sourced } from './fixtures.js';

const T0 = new Date('2026-11-30T09:00:00.000Z');
const T1 = new Date('2026-12-01T09:00:00.000Z');
const T2 = new Date('2026-12-02T09:00:00.000Z');
const WS: Workspace = { teamId: 'T0A', enterpriseId: null };
const OTHER: Workspace = { teamId: 'T0B', enterpriseId: null };
const watch = (query: string, cadence: 'daily' | 'weekly' = 'daily', channel = 'C0PAPERS') => ({ channel, query, cadence, userId: 'U0ALICE' });

describe.each(testEngines('watches'))('watches and digest claims on $name', ({ name, skip, fresh }) => {
  const stores = freshStores(fresh);

  it.skipIf(skip)('numbers a channel’s watches, and the same query again is the same watch (resumed, new cadence)', async () => {
    const store = await stores.open();
    const a = await setWatch(store, WS, watch('long context'), 25, T0);
    const b = await setWatch(store, WS, watch('rope author:su', 'weekly'), 25, T0);
    expect([a.kind, b.kind]).toEqual(['created', 'created']);
    if (a.kind !== 'created' || b.kind !== 'created') return;
    expect([a.watch.number, b.watch.number]).toEqual([1, 2]);
    // Another workspace and another channel number from 1.
    const c = await setWatch(store, OTHER, watch('long context'), 25, T0);
    const d = await setWatch(store, WS, watch('long context', 'daily', 'C0OTHER'), 25, T0);
    expect(c.kind === 'created' && c.watch.number).toBe(1);
    expect(d.kind === 'created' && d.watch.number).toBe(1);

    // Same query, spaced and cased otherwise: the existing watch, with the cadence asked for.
    const again = await setWatch(store, WS, watch('  Long   Context ', 'weekly'), 25, T1);
    expect(again).toMatchObject({ kind: 'exists', resumed: false, cadenceChanged: true, watch: { id: a.watch.id, number: 1, cadence: 'weekly' } });
    expect(await pauseWatch(store, a.watch.id, 'Paperbot is not in this channel', T1)).toBe(true);
    expect(await pauseWatch(store, a.watch.id, 'again', T1)).toBe(false);
    expect((await activeWatches(store)).map((w) => w.id)).not.toContain(a.watch.id);
    const resumed = await setWatch(store, WS, watch('long context', 'weekly'), 25, T2);
    expect(resumed).toMatchObject({ kind: 'exists', resumed: true, cadenceChanged: false });
    expect((await activeWatches(store)).map((w) => w.id)).toContain(a.watch.id);
    expect((await channelWatches(store, WS, 'C0PAPERS')).map((w) => [w.number, w.query, w.cadence])).toEqual([
      [1, 'long context', 'weekly'],
      [2, 'rope author:su', 'weekly'],
    ]);
  });

  it.skipIf(skip)('refuses a watch past the channel’s limit; removing one frees a place, and its number is not reused while a higher one exists', async () => {
    const store = await stores.open();
    for (const q of ['a1', 'a2', 'a3']) await setWatch(store, WS, watch(q), 3, T0);
    expect(await setWatch(store, WS, watch('a4'), 3, T0)).toEqual({ kind: 'full', limit: 3 });
    expect(await removeWatch(store, OTHER, 'C0PAPERS', 2)).toBeUndefined();
    expect(await removeWatch(store, WS, 'C0ELSEWHERE', 2)).toBeUndefined();
    expect((await removeWatch(store, WS, 'C0PAPERS', 2))?.query).toBe('a2');
    expect(await removeWatch(store, WS, 'C0PAPERS', 2)).toBeUndefined();
    const next = await setWatch(store, WS, watch('a4'), 3, T0);
    expect(next.kind === 'created' && next.watch.number).toBe(4);
  });

  // NOTE: Postgres only: two better-sqlite3 connections in one process block each other's thread
  // (its busy wait is synchronous); one process uses one SQLite connection, which runs transactions in turn.
  it.skipIf(skip || name === 'sqlite')('sets watches from two connections at once without sharing a number', async () => {
    const store = await stores.open();
    const second = await stores.another(store);
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => setWatch(i % 2 ? store : second, WS, watch(`topic ${i}`), 25, T0)));
    const numbers = results.map((r) => (r.kind === 'created' ? r.watch.number : 0)).sort((x, y) => x - y);
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it.skipIf(skip)('a period is claimed once, whoever asks and however often; the next window starts where a posted one ended', async () => {
    const store = await stores.open();
    const second = await stores.another(store);
    const set = await setWatch(store, WS, watch('rope'), 25, T0);
    if (set.kind !== 'created') throw new Error('not created');
    const id = set.watch.id;
    const claim = { watchId: id, period: 'daily:2026-12-01', by: 'test', window: { from: T0, to: T1, toSeq: 7 } };
    const claims = await Promise.all([
      claimPeriod(store, claim, T1),
      claimPeriod(second, claim, T1),
      claimPeriod(store, claim, T1),
      claimPeriod(second, claim, T1),
    ]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    // Claimed but never finished (the process stopped): it does not count as covered.
    expect(await lastCovered(store, id)).toBeNull();
    await finishClaim(store, id, 'daily:2026-12-01', { state: 'posted', papers: 3, messageTs: '1.2' }, T1);
    expect(await lastCovered(store, id)).toEqual({ until: T1, seq: 7 });
    await claimPeriod(store, { ...claim, period: 'daily:2026-12-02', window: { from: T1, to: T2, toSeq: 9 } }, T2);
    await finishClaim(store, id, 'daily:2026-12-02', { state: 'failed', papers: 2, error: 'request_failed' }, T2);
    expect(await lastCovered(store, id)).toEqual({ until: T1, seq: 7 });
    const [listed] = await channelWatches(store, WS, 'C0PAPERS');
    expect(listed?.lastDigest).toEqual({ at: T1.toISOString(), papers: 3 });
    // Removing the watch removes its history: the same query later starts afresh.
    await removeWatch(store, WS, 'C0PAPERS', 1);
    expect(await claimPeriod(store, claim, T1)).toBe(true);
  });

  it.skipIf(skip)(
    'finds the papers first stored after a digest, by change number up to what was seen; a new version of an older paper is not new',
    async () => {
      const store = await stores.open();
      await upsertPapers(store, [sourced('2401.00001'), sourced('2401.00002')], T0); // first_seq 1, 2
      await upsertPapers(store, [sourced('2401.00003'), sourced('2401.00001', { title: 'Title of 2401.00001, v2', extras: { version: 2 } })], T1); // 4 (3 is 00001's new seq)
      await upsertPapers(store, [sourced('2401.00004')], T2); // 5
      expect(await papersFirstStored(store, { from: { until: T0, seq: 2 }, toSeq: 4 })).toEqual(['2401.00003']);
      expect(await papersFirstStored(store, { from: { until: T0, seq: 2 }, toSeq: 5 })).toEqual(['2401.00003', '2401.00004']);
      // Before any digest: by time, from the window's start.
      expect(await papersFirstStored(store, { from: { until: new Date(T0.getTime() - 1), seq: null }, toSeq: 5 })).toEqual([
        '2401.00001',
        '2401.00002',
        '2401.00003',
        '2401.00004',
      ]);
      expect(await papersFirstStored(store, { from: { until: T0, seq: null }, toSeq: 4 })).toEqual(['2401.00003']);
    },
  );
});
