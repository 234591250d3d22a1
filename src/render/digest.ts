import { BLOCK_KIT, RESULTS } from '../config.js';
import type { Paper } from '../corpus/paper.js';
import { blockTextLength, context, divider, section, type Block } from './blocks.js';
import { toMessage, type Message } from './message.js';
import { paperCard } from './paper-card.js';
import { shortDate } from './share-line.js';
import { escapeFit, truncate } from './text.js';

/** One digest, as the renderer needs it. */
export interface DigestView {
  query: string;
  cadence: 'daily' | 'weekly';
  /** The watch's number in its channel. */
  number: number;
  /** Where the digest's papers start: papers stored after this (ISO 8601 UTC). */
  since: string;
  /** The best new papers, best first. */
  papers: readonly Paper[];
  /** How many new papers matched in all (papers beyond the listed ones are counted). */
  total: number;
}

/** The actions blocks of digest cards carry this id prefix: a click on them comes from a digest (see {@link isDigestCard}). */
const DIGEST_BLOCK = 'digest';

/** Whether a button's block is a digest card's: such a click shares to the channel, as from a link preview. */
export const isDigestCard = (blockId: string | undefined): boolean => blockId?.startsWith(`${DIGEST_BLOCK}|`) ?? false;

const CADENCE = { daily: 'Daily', weekly: 'Weekly' } as const;
// Room kept for the closing lines (count of more, the watch's footer).
const RESERVED_BLOCKS = 3;
const RESERVED_TEXT = 800;

/**
 * A watch's digest: a heading naming the query and since when, then each new paper's card (title
 * and TL;DR, meta, links, Share and Save), and, beyond the cards listed, how many more matched.
 * Cards are laid out without dividers: ten of them stay inside Slack's 50 blocks.
 *
 * @example digestMessage({ query: 'rope', cadence: 'daily', number: 1, since, papers, total: 12 })
 */
export function digestMessage(view: DigestView): Message {
  const quoted = `“${escapeFit(view.query, RESULTS.queryEchoChars)}”`;
  const count = view.total === 1 ? '1 new paper' : `${view.total} new papers`;
  const blocks: Block[] = [
    section(`:newspaper: *${CADENCE[view.cadence]} digest for ${quoted}*: ${count} since ${shortDate(view.since)}, best first.`),
    divider(),
  ];
  let text = blocks.reduce((n, b) => n + blockTextLength(b), 0);
  let shown = 0;
  for (const [index, paper] of view.papers.entries()) {
    const card = paperCard(paper, { audience: 'ephemeral', buttons: ['share', 'save'], blockId: `${DIGEST_BLOCK}|${view.number}|${index}` });
    const cardText = card.reduce((n, b) => n + blockTextLength(b), 0);
    if (blocks.length + card.length > BLOCK_KIT.maxBlocks - RESERVED_BLOCKS || text + cardText > BLOCK_KIT.messageTextBudget - RESERVED_TEXT) break;
    blocks.push(...card);
    text += cardText;
    shown += 1;
  }
  const more = view.total - shown;
  if (more > 0)
    blocks.push(
      context([
        `…and ${more} more new ${more === 1 ? 'paper matches' : 'papers match'}: \`/paper ${escapeFit(view.query, RESULTS.queryEchoChars)}\` lists them all.`,
      ]),
    );
  blocks.push(context([`Watch ${view.number} in this channel · \`/paper watches\` lists them · \`/paper unwatch ${view.number}\` stops this one`]));
  const titles = view.papers
    .slice(0, shown)
    .map((p) => truncate(p.title, 100))
    .join('; ');
  return toMessage(`${CADENCE[view.cadence]} digest for “${view.query}”: ${count}: ${titles}`, blocks);
}
