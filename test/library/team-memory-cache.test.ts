import { describe, expect, it } from 'vitest';
import { storeMemory } from '../../src/library/team-memory.js';
import { recordShare } from '../../src/store/team-memory.js';
import { freshStores, testEngines } from '../helpers/databases.js';

const WS = { teamId: 'T0CACHE', enterpriseId: null };
const card = (ts: string) => ({ channel: 'C0CACHE', messageTs: ts, permalink: null, paperId: '2401.00001', userId: 'U0ALICE' });

describe.each(testEngines('team memory version cache'))('the team memory’s version on $name', ({ skip, fresh }) => {
  const stores = freshStores(fresh);
  const freshStore = () => stores.open();

  it.skipIf(skip)('is read from the store at most once per TTL, and at once after a write of this process', async () => {
    const store = await freshStore();
    let now = Date.parse('2026-12-01T09:00:00Z');
    const memory = storeMemory(store, () => new Date(now), 1_000);
    const empty = await memory.version(WS);
    expect((await memory.sharesOf(WS, ['2401.00001'])).size).toBe(0);

    // Another instance shares: seen here once the TTL has passed.
    await recordShare(store, WS, card('1.1'), new Date(now));
    expect(await memory.version(WS)).toBe(empty);
    now += 1_001;
    const afterOther = await memory.version(WS);
    expect(afterOther).not.toBe(empty);
    expect((await memory.sharesOf(WS, ['2401.00001'])).get('2401.00001')?.count).toBe(1);

    // This process shares: seen at once.
    await memory.recordShare(WS, card('1.2'));
    const afterOwn = await memory.version(WS);
    expect(afterOwn).not.toBe(afterOther);
    expect((await memory.sharesOf(WS, ['2401.00001'])).get('2401.00001')?.count).toBe(2);
  });
});
