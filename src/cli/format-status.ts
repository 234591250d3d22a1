import type { LibraryStatus } from '../library/library-status.js';
import { shortTime, sourceLabel } from '../render/status.js';

/** `paperbot status` for a terminal: the same facts as `/paper status`, one per line. */
export function formatStatus(status: LibraryStatus, now: Date = new Date()): string {
  const lines = [`${status.papers} papers in the library (${status.engine})`];
  for (const [source, n] of Object.entries(status.bySource).sort((a, b) => b[1] - a[1])) lines.push(`  ${sourceLabel(source)} [${source}]: ${n}`);
  for (const s of status.sources) {
    lines.push('', `${sourceLabel(s.source)} [${s.source}]`);
    lines.push(
      s.lastSuccessAt
        ? `  last fetched ${shortTime(s.lastSuccessAt, now)}: ${s.lastAdded ?? 0} new, ${s.lastUpdated ?? 0} updated`
        : '  never fetched successfully',
    );
    if (s.lastError && s.consecutiveFailures > 0)
      lines.push(`  failing (${s.consecutiveFailures} in a row) since ${shortTime(s.lastErrorAt ?? '', now)}: ${s.lastError}`);
    if (s.nextRunAt) lines.push(`  next fetch ${shortTime(s.nextRunAt, now)}`);
  }
  return lines.join('\n');
}
