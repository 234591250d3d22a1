import type { Paper } from '../corpus/paper.js';
import { context, type Block } from './blocks.js';
import { toMessage, type Message } from './message.js';
import { paperSummaryBlocks } from './paper-card.js';
import { escapeFit, mentionUser, truncate } from './text.js';

/**
 * The card posted to a channel or thread when someone shares a paper: the summary, credited to
 * the person who shared it. Everything comes from the corpus; `userId` is Slack's, from the
 * signed request.
 */
export function sharedCardMessage(paper: Paper, userId: string): Message {
  const credit = `Shared by ${mentionUser(userId)} · the abstract is in the thread :thread:`;
  const blocks: Block[] = [...paperSummaryBlocks(paper), context([credit])];
  // Fallback text is escaped, so it names the sharer without mentioning them twice.
  return toMessage(`${truncate(paper.title, 300)}: ${paper.tldr}`, blocks);
}

/** When the results cannot be redrawn (see answer-state.ts), a short ephemeral note instead. */
export function sharedNoticeMessage(paper: Paper): Message {
  return toMessage(`Shared "${truncate(paper.title, 300)}".`, [
    context([`:white_check_mark: Shared *${escapeFit(paper.title, 200)}*, with the abstract in its thread.`]),
  ]);
}
