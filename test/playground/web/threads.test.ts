import { describe, expect, it } from 'vitest';
import { channelTimeline, compareTs, replyCounts, threadReplies } from '../../../src/playground/web/threads.js';
import { message } from './fixtures.js';

describe('threads', () => {
  const parent = message({ ts: '1764144420.000300', threadTs: '1764144420.000300' });
  const later = message({ ts: '1764144500.000001' });
  const reply1 = message({ ts: '1764144600.000400', threadTs: parent.ts });
  const reply2 = message({ ts: '1764144599.000400', threadTs: parent.ts, ephemeral: true, bot: true });
  const elsewhere = message({ channel: 'CGEN', ts: '1764144000.000000' });
  const all = [later, reply1, parent, reply2, elsewhere];

  it('lists a channel oldest first without replies or other channels', () => {
    expect(channelTimeline(all, 'CPAPERS').map((m) => m.id)).toEqual([parent.id, later.id]);
  });

  it('lists a thread’s replies oldest first, ephemeral ones included', () => {
    expect(threadReplies(all, 'CPAPERS', parent.ts).map((m) => m.id)).toEqual([reply2.id, reply1.id]);
  });

  it('counts replies per parent ts', () => {
    expect([...replyCounts(all, 'CPAPERS')]).toEqual([[parent.ts, 2]]);
    expect(replyCounts(all, 'CGEN').size).toBe(0);
  });

  it('orders timestamps a microsecond apart', () => {
    expect(compareTs('1764144420.000301', '1764144420.000300')).toBeGreaterThan(0);
    expect(compareTs('1764144420.000300', '1764144420.0003')).toBe(0);
    expect(compareTs('999.9', '1000.0')).toBeLessThan(0);
  });
});
