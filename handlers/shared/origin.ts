import { isDigestCard } from '../../src/render/digest.js';
import type { ButtonClick } from './inputs.js';

/**
 * Where a button was clicked, which decides how we answer: through `response_url` under the
 * asker's ephemeral results (which may sit in a thread), in the thread the results were posted
 * in, in the asker's one-to-one chat with the app (`dm`: answers stand in the conversation
 * itself), or (from the App Home tab) in the user's DM with the app. A click in a link preview
 * counts as `ephemeral` in its conversation (or `dm` in a DM).
 */
export type Origin =
  | { surface: 'ephemeral'; channel: string | undefined; threadTs?: string }
  | { surface: 'thread'; channel: string; threadTs: string }
  | { surface: 'dm'; channel: string; threadTs?: string }
  | { surface: 'home'; user: string };

/** A direct message conversation: Slack's ids for them start with D. */
export const isDirectMessage = (channel: string | undefined): boolean => channel?.startsWith('D') ?? false;

export function originOf(click: ButtonClick): Origin {
  const { container, message } = click;
  if (container.type === 'view') return { surface: 'home', user: click.user.id };
  const channel = container.channel_id ?? click.channel?.id;
  // NOTE: a button in one of our link previews (link-shared.ts) sits on someone else's message,
  // with no results to redraw: Share posts to that conversation (in the link's thread when it was
  // posted in one), and whatever only the clicker should see goes to them alone.
  // A digest (src/render/digest.ts) is the same: a message for everyone, with no results to redraw.
  if (container.is_app_unfurl || container.type === 'message_attachment' || isDigestCard(click.actions[0]?.block_id)) {
    if (isDirectMessage(channel)) return { surface: 'dm', channel: channel!, ...(container.thread_ts ? { threadTs: container.thread_ts } : {}) };
    return { surface: 'ephemeral', channel, ...(container.thread_ts ? { threadTs: container.thread_ts } : {}) };
  }
  // A reply's thread; a thread's parent names itself, which is not a thread to answer in.
  const replyTo = container.thread_ts ?? (message?.thread_ts !== message?.ts ? message?.thread_ts : undefined);
  if (container.is_ephemeral || !channel) return { surface: 'ephemeral', channel, ...(replyTo ? { threadTs: replyTo } : {}) };
  if (isDirectMessage(channel)) return { surface: 'dm', channel, ...(replyTo ? { threadTs: replyTo } : {}) };
  const threadTs = message?.thread_ts ?? container.thread_ts ?? message?.ts ?? container.message_ts;
  return threadTs ? { surface: 'thread', channel, threadTs } : { surface: 'ephemeral', channel };
}
