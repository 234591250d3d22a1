import type { Paper } from '../corpus/paper.js';
import { ACTION } from './action-ids.js';
import { actions, button, context, conversationPicker, type Block } from './blocks.js';
import { toMessage, type Message } from './message.js';
import { paperSummaryBlocks } from './paper-card.js';
import { escapeFit, mentionUser, truncate } from './text.js';

/**
 * The card posted to a channel or thread when someone shares a paper: the summary, credited to
 * the person who shared it, and a Save button (each reader's own reading list). Everything comes from the corpus; `userId` is Slack's, from the
 * signed request.
 */
export function sharedCardMessage(paper: Paper, userId: string): Message {
  const credit = `Shared by ${mentionUser(userId)} · the abstract is in the thread :thread:`;
  const save = actions([button({ text: 'Save', actionId: ACTION.save, value: paper.id })]);
  const blocks: Block[] = [...paperSummaryBlocks(paper), context([credit]), save];
  // Fallback text is escaped, so it names the sharer without mentioning them twice.
  return toMessage(`${truncate(paper.title, 300)}: ${paper.tldr}`, blocks);
}

/** When the results cannot be redrawn (see answer-state.ts), a short ephemeral note instead. */
export function sharedNoticeMessage(paper: Paper): Message {
  return toMessage(`Shared "${truncate(paper.title, 300)}".`, [
    context([`:white_check_mark: Shared *${escapeFit(paper.title, 200)}*, with the abstract in its thread.`]),
  ]);
}

const SHARE_TO_BLOCK = 'share_to|';

/** The picker's `block_id`: it names the paper, since a menu carries no value of its own. */
export const shareToBlockId = (paperId: string): string => `${SHARE_TO_BLOCK}${paperId}`;

/** The paper id a picker's `block_id` names, or `null` when it is not one of ours. */
export function paperIdOfShareTo(blockId: string | undefined): string | null {
  return blockId?.startsWith(SHARE_TO_BLOCK) && blockId.length > SHARE_TO_BLOCK.length ? blockId.slice(SHARE_TO_BLOCK.length) : null;
}

/**
 * Share in a direct message: nobody else would see the card there, so Paperbot asks which channel
 * to share it to (only the sharer sees this). Picking one posts it there (handlers/actions/share-to-channel.ts).
 */
export function shareToChannelMessage(paper: Paper): Message {
  const title = escapeFit(paper.title, 200);
  // NOTE: paper ids are at most 80 characters (paperSchema), well inside a block_id's 255.
  const picker = conversationPicker(`Share *${title}* to a channel:`, {
    actionId: ACTION.shareTo,
    blockId: shareToBlockId(paper.id),
    placeholder: 'Pick a channel',
    include: ['public', 'private'],
  });
  return toMessage(`Share "${truncate(paper.title, 300)}" to a channel: pick one.`, [
    picker,
    context(['Only you see this. I can post in any public channel; invite me to a private one first with `/invite @Paperbot`.']),
  ]);
}

/** After the pick: the picker gives way to what became of it. */
export function sharedToChannelMessage(paper: Paper): Message {
  return toMessage(`Shared "${truncate(paper.title, 300)}" to the channel you picked.`, [
    context([`:white_check_mark: Shared *${escapeFit(paper.title, 200)}* to the channel you picked, with the abstract in its thread.`]),
  ]);
}
