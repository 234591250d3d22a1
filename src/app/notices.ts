import type { webApi } from '@slack/bolt';
import { noticeMessage } from '../render/help.js';
import type { Message } from '../render/message.js';
import { post } from './origin.js';

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

/** The ways to tell one user something only they see, best first. */
export interface NoticeRoute {
  /** Posts below the message the user acted on (their response_url). */
  respond?: (message: Message) => Promise<unknown>;
  /** With `user`: an ephemeral message in this conversation (and thread). */
  channel?: string;
  threadTs?: string;
  /** Alone: a DM from the app (the Home tab has no conversation). */
  user?: string;
}

/**
 * Tells one user something, privately: through their response_url when there is one, else as
 * an ephemeral message where they are, else in their DM with the app. Resolves false when there
 * was no way to reach them.
 */
export async function sendNotice(client: webApi.WebClient, route: NoticeRoute, message: Message): Promise<boolean> {
  if (route.respond) {
    await route.respond(message);
  } else if (route.channel && route.user) {
    await client.chat.postEphemeral({
      channel: route.channel,
      user: route.user,
      ...(route.threadTs ? { thread_ts: route.threadTs } : {}),
      text: message.text,
      blocks: message.blocks,
    });
  } else if (route.user) {
    await post(client, route.user, undefined, message);
  } else {
    return false;
  }
  return true;
}
