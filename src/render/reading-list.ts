import { READING_LIST, RESULTS } from '../config.js';
import type { Paper } from '../corpus/paper.js';
import { ACTION } from './action-ids.js';
import { actions, button, context, section, type Block } from './blocks.js';
import { toMessage, type Message } from './message.js';
import { titleLink } from './paper-meta.js';
import { shortDate } from './share-line.js';
import { escapeFit, escapeText, truncate } from './text.js';

/** One paper on someone's reading list; `paper` is absent when it is no longer in the corpus. */
export interface ReadingEntry {
  paperId: string;
  /** ISO 8601 UTC. */
  savedAt: string;
  readAt: string | null;
  paper?: Paper;
}

const ITEM_BLOCK = 'reading_list|';

/** The `block_id` of a reading-list item's buttons: it says the click came from a list, to be redrawn. */
export const readingItemBlockId = (paperId: string): string => `${ITEM_BLOCK}${paperId}`;

/** True when a button sat on a reading list (the message or the Home tab), not on a one-off note. */
export const isReadingListBlock = (blockId: string | undefined): boolean => blockId?.startsWith(ITEM_BLOCK) ?? false;

/** One item: title (or the id of a paper gone from the corpus), when saved and read, Mark as read and Remove. */
function itemBlocks(entry: ReadingEntry): Block[] {
  const title = entry.paper ? titleLink(entry.paper) : `*${escapeText(truncate(entry.paperId, 80))}* _(no longer in the corpus)_`;
  const tldr = entry.paper ? `\n${escapeFit(entry.paper.tldr, RESULTS.tldrChars)}` : '';
  const read = entry.readAt ? ` · :white_check_mark: Read on ${escapeText(shortDate(entry.readAt))}` : '';
  const buttons = [
    ...(entry.readAt ? [] : [button({ text: 'Mark as read', actionId: ACTION.markRead, value: entry.paperId })]),
    button({ text: 'Remove', actionId: ACTION.unsave, value: entry.paperId }),
  ];
  return [
    section(`${entry.readAt ? ':white_check_mark: ' : ''}${title}${tldr}`),
    context([`Saved on ${escapeText(shortDate(entry.savedAt))}${read}`]),
    actions(buttons, readingItemBlockId(entry.paperId)),
  ];
}

/**
 * The reading list's blocks, newest first: at most `shown` papers, then how many more there are.
 * Shared by `/paper saved` and the App Home tab.
 */
export function readingListBlocks(entries: readonly ReadingEntry[], shown: number = READING_LIST.shown): Block[] {
  if (entries.length === 0) {
    return [section(':bookmark: Your reading list is empty. Click *Save* on any paper card to keep it here; only you see it.')];
  }
  const read = entries.filter((e) => e.readAt).length;
  const blocks: Block[] = [
    section(`:bookmark: *Your reading list*: ${entries.length} ${entries.length === 1 ? 'paper' : 'papers'}, ${read} read. Only you see it.`),
  ];
  for (const entry of entries.slice(0, shown)) blocks.push(...itemBlocks(entry));
  if (entries.length > shown) blocks.push(context([`…and ${entries.length - shown} more. Remove papers you are done with to see them.`]));
  return blocks;
}

/** `/paper saved`: the asker's reading list, ephemeral. */
export function readingListMessage(entries: readonly ReadingEntry[]): Message {
  const titles = entries
    .slice(0, READING_LIST.shown)
    .map((e) => truncate(e.paper?.title ?? e.paperId, 120))
    .join('; ');
  const fallback = entries.length === 0 ? 'Your reading list is empty.' : `Your reading list (${entries.length}): ${titles}`;
  return toMessage(fallback, readingListBlocks(entries));
}
