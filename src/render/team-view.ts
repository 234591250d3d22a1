import { RESULTS } from '../config.js';
import type { Paper } from '../corpus/paper.js';
import { section, type Block } from './blocks.js';
import { toMessage, type Message } from './message.js';
import { titleLink } from './paper-meta.js';
import { type ShareNote, shareLine } from './share-line.js';
import { escapeText, truncate } from './text.js';

/** A period of the team's view; `all` only for `/paper shared`. */
export type Period = 'week' | 'month' | 'all';

const PERIOD: Record<Period, string> = { week: 'in the last 7 days', month: 'in the last 30 days', all: 'so far' };

/** A paper named by the store, looked up in the corpus (absent when it is no longer there). */
interface Named {
  paperId: string;
  paper?: Paper;
}

/** One share for `/paper shared`. */
export interface SharedEntry extends Named {
  note: ShareNote;
}

/** One paper of `/paper top`, with the signals that rank it. */
export interface TopEntry extends Named {
  replies: number;
  shares: number;
  saves: number;
}

/** What `/paper top` and the App Home tab show. */
export interface TeamTop {
  discussed: readonly TopEntry[];
  saved: readonly TopEntry[];
}

const titleOf = (e: Named): string => (e.paper ? titleLink(e.paper) : `*${escapeText(truncate(e.paperId, 80))}*`);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** `/paper shared [week|month|all]`: what the workspace shared, newest first: who, where, how much discussion. */
export function sharedListMessage(entries: readonly SharedEntry[], period: Period): Message {
  if (entries.length === 0) {
    return toMessage(`Nothing was shared ${PERIOD[period]}.`, [
      section(`Nothing was shared in this workspace ${PERIOD[period]}. *Share* on any \`/paper\` result posts it to the channel.`),
    ]);
  }
  const blocks: Block[] = [
    section(`:speech_balloon: *Shared in this workspace ${PERIOD[period]}*: the latest ${plural(entries.length, 'share')}, newest first.`),
  ];
  for (const entry of entries) blocks.push(section(`${titleOf(entry)}\n${shareLine(entry.note)}`));
  const titles = entries.map((e) => truncate(e.paper?.title ?? e.paperId, 100)).join('; ');
  return toMessage(`Shared ${PERIOD[period]}: ${titles}`, blocks);
}

function topLines(entries: readonly TopEntry[], signal: (e: TopEntry) => string): string {
  return entries.map((e, i) => `${i + 1}. ${titleOf(e)} · ${signal(e)}`).join('\n');
}

/** The most discussed and the most saved papers, each with the signal that ranks it (`/paper top`, the App Home tab). */
export function topBlocks(top: TeamTop, period: Exclude<Period, 'all'>): Block[] {
  return [
    section(`:trophy: *Top papers in this workspace ${PERIOD[period]}*`),
    section(
      top.discussed.length > 0
        ? `*Most discussed*\n${topLines(top.discussed, (e) => `${plural(e.replies, 'reply', 'replies')} in ${plural(e.shares, 'share')}`)}`
        : '*Most discussed*\nNothing was shared in this period.',
    ),
    section(
      top.saved.length > 0
        ? `*Most saved*\n${topLines(top.saved, (e) => `saved by ${plural(e.saves, 'person', 'people')}`)}`
        : '*Most saved*\nNothing was saved in this period.',
    ),
  ];
}

/** `/paper top [week|month]`: {@link topBlocks}, with its fallback text. */
export function topMessage(top: TeamTop, period: Exclude<Period, 'all'>): Message {
  const blocks = topBlocks(top, period);
  const titles = [...top.discussed, ...top.saved].map((e) => truncate(e.paper?.title ?? e.paperId, RESULTS.queryEchoChars)).join('; ');
  return toMessage(`Top papers ${PERIOD[period]}${titles ? `: ${titles}` : ': none yet'}`, blocks);
}
