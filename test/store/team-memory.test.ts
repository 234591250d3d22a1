import { describe, expect, it } from 'vitest';
import {
  type Workspace,
  addReply,
  forgetPerson,
  lastShareIn,
  markRead,
  memoryVersion,
  recordShare,
  savePaper,
  savedPapers,
  sharesOf,
  sharesSince,
  topPapers,
  unsave,
} from '../../src/store/team-memory.js';
import { freshStores, testEngines } from '../helpers/databases.js';

const T0 = new Date('2025-12-01T09:00:00.000Z');
const T1 = new Date('2025-12-03T09:00:00.000Z');
const T2 = new Date('2025-12-05T09:00:00.000Z');
const WS: Workspace = { teamId: 'T0A', enterpriseId: null };
const OTHER: Workspace = { teamId: 'T0B', enterpriseId: null };
const GRID: Workspace = { teamId: 'T0A', enterpriseId: 'E0ORG' };
const card = (channel: string, messageTs: string, paperId = '2401.00001', userId: string | null = 'U0ALICE') => ({
  channel,
  messageTs,
  permalink: `https://example.slack.com/archives/${channel}/p${messageTs.replace('.', '')}`,
  paperId,
  userId,
});

describe.each(testEngines('team memory'))('team memory on $name', ({ skip, fresh }) => {
  const stores = freshStores(fresh);
  const freshStore = () => stores.open();

  it.skipIf(skip)('a share is stored once however often Slack retries it', async () => {
    const store = await freshStore();
    expect(await recordShare(store, WS, card('C1', '1700000000.000100'), T0)).toBe(true);
    expect(await recordShare(store, WS, card('C1', '1700000000.000100'), T1)).toBe(false);
    const shares = await sharesOf(store, WS, ['2401.00001']);
    expect(shares.get('2401.00001')).toMatchObject({ channel: 'C1', userId: 'U0ALICE', sharedAt: T0.toISOString(), replies: 0, count: 1 });
  });

  it.skipIf(skip)('sharesOf: the most recent share and the count, per paper, only of the workspace', async () => {
    const store = await freshStore();
    await recordShare(store, WS, card('C1', '1700000000.000100'), T0);
    await recordShare(store, WS, card('C2', '1700000001.000100', '2401.00001', 'U0BOB'), T1);
    await recordShare(store, WS, card('C1', '1700000002.000100', '2401.00002'), T0);
    await recordShare(store, OTHER, card('C9', '1700000003.000100'), T2);
    await recordShare(store, GRID, card('C8', '1700000004.000100'), T2);
    const shares = await sharesOf(store, WS, ['2401.00001', '2401.00002', '2401.00003']);
    expect([...shares.keys()].sort()).toEqual(['2401.00001', '2401.00002']);
    expect(shares.get('2401.00001')).toMatchObject({ channel: 'C2', userId: 'U0BOB', count: 2 });
    expect((await sharesOf(store, OTHER, ['2401.00001'])).get('2401.00001')).toMatchObject({ channel: 'C9', count: 1 });
    expect((await sharesOf(store, GRID, ['2401.00001'])).get('2401.00001')).toMatchObject({ channel: 'C8', count: 1 });
    expect((await sharesOf(store, { teamId: 'T0C', enterpriseId: null }, ['2401.00001'])).size).toBe(0);
    expect((await sharesOf(store, WS, [])).size).toBe(0);
  });

  it.skipIf(skip)('lastShareIn: the same channel, within the window, in the workspace', async () => {
    const store = await freshStore();
    await recordShare(store, WS, card('C1', '1700000000.000100'), T1);
    expect(await lastShareIn(store, WS, 'C1', '2401.00001', T0)).toMatchObject({ messageTs: '1700000000.000100' });
    expect(await lastShareIn(store, WS, 'C1', '2401.00001', T2)).toBeUndefined();
    expect(await lastShareIn(store, WS, 'C2', '2401.00001', T0)).toBeUndefined();
    expect(await lastShareIn(store, WS, 'C1', '2401.00002', T0)).toBeUndefined();
    expect(await lastShareIn(store, OTHER, 'C1', '2401.00001', T0)).toBeUndefined();
  });

  it.skipIf(skip)('addReply counts each reply once, only in a shared card of the workspace, and changes the memory version', async () => {
    const store = await freshStore();
    await recordShare(store, WS, card('C1', '1700000000.000100'), T0);
    const before = await memoryVersion(store, WS);
    expect(await addReply(store, WS, 'C1', '1700000000.000100', '1700000010.000100')).toBe(true);
    expect(await addReply(store, WS, 'C1', '1700000000.000100', '1700000010.000100')).toBe(false);
    expect(await addReply(store, WS, 'C1', '1700000000.000100', '1700000011.000100')).toBe(true);
    expect(await addReply(store, WS, 'C1', '1699999999.000100', '1700000012.000100')).toBe(false);
    expect(await addReply(store, OTHER, 'C1', '1700000000.000100', '1700000013.000100')).toBe(false);
    expect((await sharesOf(store, WS, ['2401.00001'])).get('2401.00001')?.replies).toBe(2);
    const after = await memoryVersion(store, WS);
    expect(after).not.toBe(before);
    expect(await memoryVersion(store, OTHER)).toBe(await memoryVersion(await freshStore(), OTHER));
    await recordShare(store, WS, card('C1', '1700000020.000100'), T1);
    expect(await memoryVersion(store, WS)).not.toBe(after);
  });

  it.skipIf(skip)('saves: once per person and paper, newest first, read and removed, scoped', async () => {
    const store = await freshStore();
    expect(await savePaper(store, WS, 'U0ALICE', '2401.00001', T0)).toBe(true);
    expect(await savePaper(store, WS, 'U0ALICE', '2401.00001', T1)).toBe(false);
    expect(await savePaper(store, WS, 'U0ALICE', '2401.00002', T1)).toBe(true);
    expect(await savePaper(store, WS, 'U0BOB', '2401.00003', T1)).toBe(true);
    expect(await savePaper(store, OTHER, 'U0ALICE', '2401.00004', T1)).toBe(true);
    expect(await savedPapers(store, WS, 'U0ALICE')).toEqual([
      { paperId: '2401.00002', savedAt: T1.toISOString(), readAt: null },
      { paperId: '2401.00001', savedAt: T0.toISOString(), readAt: null },
    ]);
    expect(await markRead(store, WS, 'U0ALICE', '2401.00001', T2)).toBe(true);
    expect(await markRead(store, WS, 'U0ALICE', '2401.00001', T2)).toBe(false);
    expect(await markRead(store, WS, 'U0ALICE', '2401.00003', T2)).toBe(false);
    expect(await unsave(store, OTHER, 'U0ALICE', '2401.00002')).toBe(false);
    expect(await unsave(store, WS, 'U0BOB', '2401.00002')).toBe(false);
    expect(await unsave(store, WS, 'U0ALICE', '2401.00002')).toBe(true);
    expect(await unsave(store, WS, 'U0ALICE', '2401.00002')).toBe(false);
    expect(await savedPapers(store, WS, 'U0ALICE')).toEqual([{ paperId: '2401.00001', savedAt: T0.toISOString(), readAt: T2.toISOString() }]);
    expect(await savedPapers(store, OTHER, 'U0ALICE')).toEqual([{ paperId: '2401.00004', savedAt: T1.toISOString(), readAt: null }]);
    expect(await savedPapers(store, GRID, 'U0ALICE')).toEqual([]);
  });

  it.skipIf(skip)('forgetPerson: their saves go and their shares lose their name, in the workspace only; again finds nothing', async () => {
    const store = await freshStore();
    await recordShare(store, WS, card('C1', '1700000000.000100'), T0);
    await recordShare(store, WS, card('C1', '1700000001.000100', '2401.00002', 'U0BOB'), T0);
    await recordShare(store, OTHER, card('C1', '1700000000.000100'), T0);
    await savePaper(store, WS, 'U0ALICE', '2401.00001', T0);
    await savePaper(store, WS, 'U0ALICE', '2401.00002', T0);
    await savePaper(store, WS, 'U0BOB', '2401.00001', T0);
    await savePaper(store, OTHER, 'U0ALICE', '2401.00001', T0);
    const before = await memoryVersion(store, WS);

    expect(await forgetPerson(store, WS, 'U0ALICE')).toEqual({ saves: 2, shares: 1 });
    expect(await forgetPerson(store, WS, 'U0ALICE')).toEqual({ saves: 0, shares: 0 });
    expect(await savedPapers(store, WS, 'U0ALICE')).toEqual([]);
    expect(await savedPapers(store, WS, 'U0BOB')).toHaveLength(1);
    expect(await savedPapers(store, OTHER, 'U0ALICE')).toHaveLength(1);
    const shares = await sharesOf(store, WS, ['2401.00001', '2401.00002']);
    expect(shares.get('2401.00001')).toMatchObject({ userId: null, channel: 'C1', count: 1 });
    expect(shares.get('2401.00002')?.userId).toBe('U0BOB');
    expect((await sharesOf(store, OTHER, ['2401.00001'])).get('2401.00001')?.userId).toBe('U0ALICE');
    // Answers showing "by @alice" are remembered under the version: it must change.
    expect(await memoryVersion(store, WS)).not.toBe(before);
  });

  it.skipIf(skip)('sharesSince and topPapers: the period, newest first, ranked by replies then shares, and by saves; scoped', async () => {
    const store = await freshStore();
    await recordShare(store, WS, card('C1', '1700000000.000100', '2401.00001'), T0);
    await recordShare(store, WS, card('C1', '1700000001.000100', '2401.00002'), T1);
    await recordShare(store, WS, card('C2', '1700000002.000100', '2401.00002', 'U0BOB'), T2);
    await recordShare(store, WS, card('C2', '1700000003.000100', '2401.00003', 'U0BOB'), T2);
    await recordShare(store, OTHER, card('C9', '1700000004.000100', '2401.00009'), T2);
    await addReply(store, WS, 'C2', '1700000003.000100', '1700000010.000100');
    await addReply(store, WS, 'C2', '1700000003.000100', '1700000011.000100');
    await addReply(store, WS, 'C1', '1700000001.000100', '1700000012.000100');
    await savePaper(store, WS, 'U0ALICE', '2401.00001', T1);
    await savePaper(store, WS, 'U0BOB', '2401.00001', T2);
    await savePaper(store, WS, 'U0BOB', '2401.00003', T2);
    await savePaper(store, WS, 'U0CAROL', '2401.00002', T0);
    await savePaper(store, OTHER, 'U0ALICE', '2401.00009', T2);

    expect((await sharesSince(store, WS, null, 10)).map((s) => s.messageTs)).toEqual([
      '1700000003.000100',
      '1700000002.000100',
      '1700000001.000100',
      '1700000000.000100',
    ]);
    expect((await sharesSince(store, WS, T1, 2)).map((s) => s.paperId)).toEqual(['2401.00003', '2401.00002']);
    const top = await topPapers(store, WS, T1, 5);
    expect(top.discussed).toEqual([
      { paperId: '2401.00003', replies: 2, shares: 1, saves: 0 },
      { paperId: '2401.00002', replies: 1, shares: 2, saves: 0 },
    ]);
    expect(top.saved).toEqual([
      { paperId: '2401.00001', replies: 0, shares: 0, saves: 2 },
      { paperId: '2401.00003', replies: 0, shares: 0, saves: 1 },
    ]);
    expect((await topPapers(store, OTHER, T0, 5)).saved.map((e) => e.paperId)).toEqual(['2401.00009']);
  });
});
