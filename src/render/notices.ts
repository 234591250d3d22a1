import { SLACK_APP } from '../config.js';
import { ACTION } from './action-ids.js';
import { actions, button, section } from './blocks.js';
import { type ShareNote, shareLine } from './share-line.js';
import { escapeFit, truncate } from './text.js';
import { toMessage, type Message } from './message.js';

/**
 * Every short notice Paperbot sends a person (errors, expired buttons, "can't post here"), in
 * one place, so the copy reads as one voice and a change of wording is one edit.
 */

/** A one-section message with its plain-text fallback. */
export function noticeMessage(text: string, fallback: string): Message {
  return toMessage(fallback, [section(text)]);
}

/** A button whose value we no longer recognise: an old message, a paper gone from the corpus, or a crafted payload. */
export const EXPIRED_NOTICE = noticeMessage(
  ':hourglass: That button has expired: what it pointed to is no longer in the corpus. Search again with `/paper`.',
  'That button has expired: it is no longer in the corpus. Search again with /paper.',
);

/** Slack did not take our answer, even after a few tries. */
export const FAILED_NOTICE = noticeMessage(
  ':warning: Slack didn’t take my answer just now. Please try again in a minute.',
  'Slack didn’t take my answer just now. Please try again in a minute.',
);

/** Slack did not answer a post in time (or answered 5xx): it may be there. Not retried, so never twice. */
export const UNCONFIRMED_NOTICE = noticeMessage(
  ':warning: Slack didn’t confirm my message, so it may not have been posted. Check the conversation before trying again.',
  'Slack didn’t confirm my message, so it may not have been posted. Check the conversation before trying again.',
);

/** The request had a shape we could not read (never from Slack itself). */
export const UNREADABLE_NOTICE = noticeMessage(':warning: I couldn’t read that request. Please try again.', 'I couldn’t read that request. Please try again.');

/** What we tell the user when Slack would not let us post where they asked. */
export const CANNOT_POST_NOTICE = noticeMessage(
  ':warning: I can’t post in this conversation. Invite me with `/invite @Paperbot`, then try again.',
  'I can’t post in this conversation. Invite me with /invite @Paperbot, then try again.',
);

/** Share in a DM: Slack would not let us post in the channel that was picked (a private one we are not in). */
export const CANNOT_POST_PICKED_NOTICE = noticeMessage(
  ':warning: I can’t post in that channel. Invite me there with `/invite @Paperbot`, or pick another one.',
  'I can’t post in that channel. Invite me there with /invite @Paperbot, or pick another one.',
);

/** A search that threw: the ack still goes out, with this apology. */
export const SEARCH_FAILED_NOTICE = noticeMessage(
  ':warning: Something went wrong with that search. Please try again.',
  'Something went wrong with that search.',
);

/** "Find papers" on a message with no words in it. */
export const NO_TEXT_NOTICE = noticeMessage('That message has no text to search for.', 'That message has no text to search for.');

/** Share from somewhere with no conversation to post in (the Home tab). */
export const NOWHERE_TO_SHARE_NOTICE = noticeMessage('I couldn’t share that paper from here.', 'I couldn’t share that paper from here.');

/** A paper named by an answer (similar, abstract) that is no longer in the corpus. */
export const PAPER_GONE_NOTICE = noticeMessage('That paper is no longer in the corpus. Try searching for it again.', 'That paper is no longer in the corpus.');

/** `/paper random` with no papers at all. */
export const EMPTY_CORPUS_NOTICE = noticeMessage('The corpus is empty: run `npm run ingest`.', 'The corpus is empty.');

/** Any command routed to us but ours (a manifest edited, a crafted request). Plain text: it goes in an ack. */
export const UNKNOWN_COMMAND_TEXT = `I only answer ${SLACK_APP.command}. Try \`${SLACK_APP.command} help\`.`;

/**
 * Share on a paper already shared in that channel lately: nothing is posted; the sharer alone is
 * shown where it was discussed, and can share it again anyway.
 */
export function alreadySharedMessage(paper: { id: string; title: string }, note: ShareNote): Message {
  return toMessage(`"${truncate(paper.title, 300)}" was already shared in this channel; nothing was posted.`, [
    section(`:information_source: *${escapeFit(paper.title, 200)}* was already shared here, so I posted nothing new.\n${shareLine(note)}`),
    actions([button({ text: 'Share again anyway', actionId: ACTION.shareAgain, value: paper.id })]),
  ]);
}

/** Save, Remove or Mark as read from a request that names no workspace (never from Slack itself). */
export const NO_WORKSPACE_NOTICE = noticeMessage(
  ':warning: I couldn’t tell which workspace that came from, so I changed nothing.',
  'I couldn’t tell which workspace that came from, so I changed nothing.',
);

/** Remove or Mark as read on a paper that is not on the clicker's reading list (removed already, someone else's, a crafted value). */
export const NOT_ON_LIST_NOTICE = noticeMessage(
  ':information_source: That paper isn’t on your reading list, so nothing changed. `/paper saved` shows what is.',
  'That paper isn’t on your reading list, so nothing changed.',
);

/** `saved` asked for where others would see the answer (a mention in a thread). */
export const READING_LIST_PRIVATE_NOTICE = noticeMessage(
  ':lock: Your reading list is yours alone: see it with `/paper saved`, in a message to me, or on my Home tab.',
  'Your reading list is private: see it with /paper saved.',
);

/** Save: the paper is now on the clicker's reading list. */
export function savedNotice(paper: { title: string }): Message {
  return toMessage(`Saved "${truncate(paper.title, 300)}" to your reading list.`, [
    section(`:bookmark: Saved *${escapeFit(paper.title, 200)}* to your reading list. Only you see it: \`/paper saved\` lists it.`),
  ]);
}

/** Save on a paper already on the list: nothing changes; Remove is offered. */
export function alreadySavedMessage(paper: { id: string; title: string }): Message {
  return toMessage(`"${truncate(paper.title, 300)}" is already on your reading list.`, [
    section(`:bookmark: *${escapeFit(paper.title, 200)}* is already on your reading list.`),
    actions([button({ text: 'Remove', actionId: ACTION.unsave, value: paper.id, style: 'danger' })]),
  ]);
}

/** Remove: the paper is off the list. */
export function removedNotice(title: string): Message {
  return toMessage(`Removed "${truncate(title, 300)}" from your reading list.`, [
    section(`:wastebasket: Removed *${escapeFit(title, 200)}* from your reading list.`),
  ]);
}

/** `forget me` asked where others would see the answer (a mention in a thread). */
export const FORGET_PRIVATE_NOTICE = noticeMessage(
  ':lock: To have me forget you, use `/paper forget me` or send me `forget me` in a direct message: only you will see the confirmation.',
  'To have me forget you, use /paper forget me.',
);

/** `/paper forget me`: what it deletes, and the button that does it. */
export function forgetConfirmMessage(): Message {
  return toMessage('Forget you? Your reading list and your name on the papers you shared will be deleted.', [
    section(
      ':warning: *Forget you?* I will delete your reading list in this workspace and take your name off the papers you shared. ' +
        'The shared cards stay in their channels, and so do their threads. This cannot be undone.',
    ),
    actions([button({ text: 'Forget me', actionId: ACTION.forgetMe, value: 'me', style: 'danger' })]),
  ]);
}

/** After the confirmation: what was deleted. */
export function forgottenNotice(counts: { saves: number; shares: number }): Message {
  const what = `${counts.saves} saved ${counts.saves === 1 ? 'paper' : 'papers'} deleted, your name taken off ${counts.shares} ${counts.shares === 1 ? 'share' : 'shares'}`;
  return toMessage(`Done: ${what}.`, [section(`:white_check_mark: Done: ${what}. The cards stay in Slack.`)]);
}
