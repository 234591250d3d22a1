/** Days as the sources name them: `YYYY-MM-DD`, in UTC. */

export const DAY_MS = 86_400_000;

/** `date` if it is a real `YYYY-MM-DD` day, else a RangeError (a caller's bug, not a source's fault). */
export function checkedDay(date: string): string {
  const time = /^\d{4}-\d{2}-\d{2}$/.test(date) ? Date.parse(`${date}T00:00:00Z`) : Number.NaN;
  if (Number.isNaN(time) || isoDay(time) !== date) throw new RangeError(`"${date}" is not a YYYY-MM-DD day`);
  return date;
}

/** Midnight UTC of `date`'s day, in epoch milliseconds. */
export function startOfUtcDay(date: Date): number {
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
}

/** `YYYY-MM-DD` (UTC) of an epoch time. */
export function isoDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}
