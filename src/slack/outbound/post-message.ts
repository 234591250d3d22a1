import type { RespondFn, webApi } from '@slack/bolt';
import type { Message } from '../../render/message.js';

/**
 * Posts a message (into a thread when `threadTs` is given). Link previews are off: our cards
 * already show what an arXiv unfurl would, and five unfurls would bury the thread.
 */
export async function post(client: webApi.WebClient, channel: string, threadTs: string | undefined, message: Message): Promise<string | undefined> {
  const result = await client.chat.postMessage({
    channel,
    ...(threadTs ? { thread_ts: threadTs } : {}),
    text: message.text,
    blocks: message.blocks,
    unfurl_links: false,
    unfurl_media: false,
  });
  return result.ts;
}

/** A new ephemeral message under the clicked one (the results stay). */
export const respondBelow = (respond: RespondFn, message: Message) =>
  respond({ response_type: 'ephemeral', replace_original: false, text: message.text, blocks: message.blocks });

/** Replaces the message whose button was clicked. */
export const respondInPlace = (respond: RespondFn, message: Message) => respond({ replace_original: true, text: message.text, blocks: message.blocks });

// Slack's answers when the bot may not post in a conversation (not invited, a private DM, archived).
const CANNOT_POST = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'restricted_action', 'ekm_access_denied', 'cannot_reply_to_message']);

/** True when Slack refused a post because of where it was going, not because of us. */
export function cannotPostHere(error: unknown): boolean {
  const code = (error as { data?: { error?: string } } | undefined)?.data?.error;
  return typeof code === 'string' && CANNOT_POST.has(code);
}
