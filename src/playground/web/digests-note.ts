import type { DigestReport } from './api-types.js';

/**
 * The line the top bar shows after "Run digests now": what the run did, watch by watch. With
 * no count at all there was no watch to run, and the note says how to make one.
 *
 * @example
 * digestsNote({ posted: 1, empty: 0, skipped: 1, paused: 0, failed: 0 });
 * // 'Digests: 1 posted, 0 with nothing new, 1 already posted this period'
 */
export function digestsNote(report: DigestReport): string {
  const { posted, empty, skipped, paused, failed } = report;
  if (posted + empty + skipped + paused + failed === 0) return 'Digests: no watches yet. Try /paper watch long context in a channel.';
  const parts = [`${posted} posted`, `${empty} with nothing new`, `${skipped} already posted this period`];
  if (paused) parts.push(`${paused} paused (Paperbot cannot post in the channel)`);
  if (failed) parts.push(`${failed} failed (see the terminal)`);
  return `Digests: ${parts.join(', ')}`;
}
