import type { webApi } from '@slack/bolt';
import type { Message } from '../../render/message.js';
import { post } from './post-message.js';

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
