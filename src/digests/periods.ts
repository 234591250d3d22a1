import type { Cadence } from '../store/watches.js';

/**
 * Digest periods: a daily watch has one period per calendar day, a weekly one per week starting
 * Monday, both in the digest time zone; a period's digest is due at the digest hour of its day
 * (of its Monday). Keys name the period (`daily:2026-12-01`, `weekly:2026-11-30`) and are what a
 * digest is claimed under. Plain `Intl` arithmetic: a key is a calendar date, so daylight-saving
 * changes move the due instant, never the key.
 */

/** When digests go out: PAPERBOT_DIGEST_HOUR in PAPERBOT_DIGEST_TZ. */
export interface DigestSchedule {
  hour: number;
  timeZone: string;
}

export interface Period {
  /** `daily:YYYY-MM-DD` or `weekly:YYYY-MM-DD` (the Monday). */
  key: string;
  /** When its digest is due: the digest hour of its day, in the digest time zone. */
  dueAt: Date;
}

/** A calendar date: year, month 1–12, day 1–31. */
interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

/**
 * The period `at` falls in, whether or not its digest is due yet: what `paperbot digest --now` posts.
 *
 * @example periodOf('weekly', new Date('2026-12-03T12:00:00Z'), { hour: 9, timeZone: 'UTC' }).key // 'weekly:2026-11-30'
 */
export function periodOf(cadence: Cadence, at: Date, schedule: DigestSchedule): Period {
  const today = localDay(at, schedule.timeZone);
  return period(cadence, cadence === 'weekly' ? mondayOf(today) : today, schedule);
}

/**
 * The newest period whose digest is due at `at` (its due instant is not after `at`): before the
 * digest hour that is yesterday's (last week's), after it today's (this week's). What the scheduler posts.
 *
 * @example latestDue('daily', new Date('2026-12-01T08:00:00Z'), { hour: 9, timeZone: 'UTC' }).key // 'daily:2026-11-30'
 */
export function latestDue(cadence: Cadence, at: Date, schedule: DigestSchedule): Period {
  const current = periodOf(cadence, at, schedule);
  if (current.dueAt.getTime() <= at.getTime()) return current;
  const start = dayOfKey(current.key);
  return period(cadence, addDays(start, cadence === 'weekly' ? -7 : -1), schedule);
}

function period(cadence: Cadence, start: CalendarDay, schedule: DigestSchedule): Period {
  return { key: `${cadence}:${isoDate(start)}`, dueAt: zonedInstant(start, schedule.hour, schedule.timeZone) };
}

const dayOfKey = (key: string): CalendarDay => {
  const [year, month, day] = key
    .slice(key.indexOf(':') + 1)
    .split('-')
    .map(Number) as [number, number, number];
  return { year, month, day };
};

const isoDate = ({ year, month, day }: CalendarDay): string =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

function addDays({ year, month, day }: CalendarDay, days: number): CalendarDay {
  const date = new Date(Date.UTC(year, month - 1, day + days));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function mondayOf(day: CalendarDay): CalendarDay {
  const weekday = new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock time at `at` in `timeZone`, as if it were UTC (ms). */
function wallClock(at: number, timeZone: string): number {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(new Date(at))
      .map((p) => [p.type, p.value]),
  );
  return Date.UTC(
    Number(parts['year']),
    Number(parts['month']) - 1,
    Number(parts['day']),
    Number(parts['hour']),
    Number(parts['minute']),
    Number(parts['second']),
  );
}

function localDay(at: Date, timeZone: string): CalendarDay {
  const wall = new Date(wallClock(at.getTime(), timeZone));
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
}

/**
 * The instant the clocks in `timeZone` show `hour`:00 on `day`. NOTE: the offset is read at the
 * guess and read again at the answer, which settles it across a daylight-saving change. An hour
 * that does not exist that day (02:00 when clocks spring forward) comes out an hour early, in
 * the offset before the change: the digest of that one day goes out then (the period key, and so
 * exactly-once, are unaffected).
 */
function zonedInstant(day: CalendarDay, hour: number, timeZone: string): Date {
  const wanted = Date.UTC(day.year, day.month - 1, day.day, hour);
  let at = wanted - (wallClock(wanted, timeZone) - wanted);
  at = wanted - (wallClock(at, timeZone) - at);
  return new Date(at);
}
