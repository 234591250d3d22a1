import { describe, expect, it } from 'vitest';
import { latestDue, periodOf } from '../../src/digests/periods.js';

const UTC9 = { hour: 9, timeZone: 'UTC' };
const at = (iso: string) => new Date(iso);

describe('digest periods', () => {
  it('a daily period is the calendar day; its digest is due at the digest hour', () => {
    expect(periodOf('daily', at('2026-12-01T08:59:00Z'), UTC9)).toEqual({ key: 'daily:2026-12-01', dueAt: at('2026-12-01T09:00:00Z') });
    expect(latestDue('daily', at('2026-12-01T08:59:00Z'), UTC9)).toEqual({ key: 'daily:2026-11-30', dueAt: at('2026-11-30T09:00:00Z') });
    expect(latestDue('daily', at('2026-12-01T09:00:00Z'), UTC9).key).toBe('daily:2026-12-01');
    // Across a month and a year end.
    expect(latestDue('daily', at('2027-01-01T03:00:00Z'), UTC9).key).toBe('daily:2026-12-31');
  });

  it('a weekly period starts on Monday; its digest is due Monday at the hour', () => {
    // 2026-11-30 is a Monday.
    expect(periodOf('weekly', at('2026-12-06T23:00:00Z'), UTC9).key).toBe('weekly:2026-11-30');
    expect(latestDue('weekly', at('2026-12-03T12:00:00Z'), UTC9)).toEqual({ key: 'weekly:2026-11-30', dueAt: at('2026-11-30T09:00:00Z') });
    expect(latestDue('weekly', at('2026-11-30T08:00:00Z'), UTC9).key).toBe('weekly:2026-11-23');
  });

  it('reads the day and the hour in the digest time zone', () => {
    const tokyo = { hour: 9, timeZone: 'Asia/Tokyo' };
    // 01:00 UTC on 1 Dec is 10:00 in Tokyo: today's digest (due 00:00 UTC) is out.
    expect(latestDue('daily', at('2026-12-01T01:00:00Z'), tokyo)).toEqual({ key: 'daily:2026-12-01', dueAt: at('2026-12-01T00:00:00Z') });
    // 23:00 UTC on 30 Nov is already 1 Dec in Tokyo, 08:00: before the hour.
    expect(latestDue('daily', at('2026-11-30T23:00:00Z'), tokyo).key).toBe('daily:2026-11-30');
    const newYork = { hour: 9, timeZone: 'America/New_York' };
    expect(periodOf('daily', at('2026-12-01T03:00:00Z'), newYork).key).toBe('daily:2026-11-30');
  });

  it('keeps the hour on the wall clock across daylight-saving changes', () => {
    const berlin = { hour: 9, timeZone: 'Europe/Berlin' };
    // CET (UTC+1) in winter, CEST (UTC+2) in summer; clocks go forward on 29 Mar 2026.
    expect(periodOf('daily', at('2026-03-28T12:00:00Z'), berlin).dueAt).toEqual(at('2026-03-28T08:00:00Z'));
    expect(periodOf('daily', at('2026-03-29T12:00:00Z'), berlin).dueAt).toEqual(at('2026-03-29T07:00:00Z'));
    expect(periodOf('daily', at('2026-10-25T12:00:00Z'), berlin).dueAt).toEqual(at('2026-10-25T08:00:00Z'));
  });
});
