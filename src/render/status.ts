import { SLACK_APP } from '../config.js';
import { context, section, type Block } from './blocks.js';
import { toMessage, type Message } from './message.js';
import { escapeText } from './text.js';

/** What `/paper status` shows (src/library/library-status.ts builds it). */
export interface StatusView {
  papers: number;
  bySource: Record<string, number>;
  sources: {
    source: string;
    scheduled: boolean;
    lastSuccessAt: string | null;
    lastAdded: number | null;
    lastUpdated: number | null;
    lastError: string | null;
    lastErrorAt: string | null;
    consecutiveFailures: number;
    nextRunAt: string | null;
  }[];
}

/** A source's name as a person would say it. */
export function sourceLabel(source: string): string {
  if (source === 'hf-daily') return 'Hugging Face daily papers';
  if (source === 'arxiv-lookup') return 'arXiv, looked up on request';
  if (source.startsWith('arxiv:')) return `arXiv ${source.slice('arxiv:'.length)}, newest submissions`;
  if (source.startsWith('page:')) return 'a saved Hugging Face papers page';
  return source;
}

/** "3 Dec, 14:05 UTC" from an ISO time; `now` says whether to add the year. */
export function shortTime(iso: string, now: Date = new Date()): string {
  const at = new Date(iso);
  const day = at.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
    ...(at.getUTCFullYear() !== now.getUTCFullYear() ? { year: 'numeric' } : {}),
  });
  const time = at.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
  return `${day}, ${time} UTC`;
}

/** One live source in a line: when it last brought papers, or that it is failing or not fetched yet (mrkdwn). */
export function freshnessLine(s: StatusView['sources'][number], now: Date = new Date()): string {
  const name = escapeText(sourceLabel(s.source));
  if (s.lastError && s.consecutiveFailures > 0) {
    const since = s.lastSuccessAt ? `, last fetched ${shortTime(s.lastSuccessAt, now)}` : '';
    return `:warning: ${name}: the last fetch failed${since}`;
  }
  return s.lastSuccessAt ? `${name}: last fetched ${shortTime(s.lastSuccessAt, now)}` : `${name}: not fetched yet`;
}

/** The live sources worth naming: fetched here, or fetched (or failing) before. */
export const liveSources = (status: Pick<StatusView, 'sources'>): StatusView['sources'] =>
  status.sources.filter((s) => s.scheduled || s.lastSuccessAt || s.lastError);

/** `/paper status`: how many papers, from where, and how each live source is doing. */
export function statusMessage(status: StatusView, now: Date = new Date()): Message {
  const counts = Object.entries(status.bySource)
    .sort((a, b) => b[1] - a[1])
    .map(([source, n]) => `• ${escapeText(sourceLabel(source))}: ${n}`)
    .join('\n');
  const blocks: Block[] = [section(`:card_index_dividers: *${status.papers} papers* in the library${counts ? `\n${counts}` : ''}`)];
  const live = liveSources(status);
  if (live.length === 0) {
    blocks.push(
      context([`No live sources are fetched here (PAPERBOT_SOURCES is none). Papers named by id in \`${SLACK_APP.command}\` are still looked up when online.`]),
    );
  }
  for (const s of live.slice(0, 20)) {
    const lines = [`*${escapeText(sourceLabel(s.source))}*${s.scheduled ? '' : ' _(not fetched by this instance)_'}`];
    lines.push(
      s.lastSuccessAt
        ? `:white_check_mark: Last fetched ${shortTime(s.lastSuccessAt, now)}: ${s.lastAdded ?? 0} new, ${s.lastUpdated ?? 0} updated`
        : ':hourglass_flowing_sand: Not fetched successfully yet',
    );
    if (s.lastError && s.consecutiveFailures > 0) {
      lines.push(
        `:warning: Failing since ${shortTime(s.lastErrorAt ?? s.lastSuccessAt ?? '', now)} (${s.consecutiveFailures} in a row): ${escapeText(s.lastError.slice(0, 300))}`,
      );
    }
    if (s.nextRunAt) lines.push(`Next fetch ${shortTime(s.nextRunAt, now)}`);
    blocks.push(section(lines.join('\n')));
  }
  return toMessage(`${status.papers} papers in the library.`, blocks);
}
