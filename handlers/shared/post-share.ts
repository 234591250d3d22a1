import type { webApi } from '@slack/bolt';
import type { Paper } from '../../src/corpus/paper.js';
import { abstractReply } from '../../src/render/abstract.js';
import { sharedCardMessage } from '../../src/render/share.js';
import type { SeenEvents } from '../../src/slack/middleware/event-dedupe.js';
import { cannotPostHere, post } from '../../src/slack/outbound/post-message.js';

/** What became of a share: posted, a repeat of a click already taken, or refused by Slack for where it was going. */
export type ShareOutcome = 'posted' | 'repeat' | 'refused';

/**
 * Posts a shared paper: its card credited to `userId` (into `threadTs` when given), then the
 * abstract as the first reply (in the card's thread, or the same thread). `key` names the click:
 * the same click again while remembered posts nothing; a failed share may be tried again.
 */
export async function postShare(args: {
  client: webApi.WebClient;
  recentShares: SeenEvents;
  key: string;
  paper: Paper;
  userId: string;
  channel: string;
  threadTs?: string;
}): Promise<ShareOutcome> {
  const { client, recentShares, key, paper, channel, threadTs } = args;
  if (!(await recentShares.claim(key))) return 'repeat';
  try {
    const cardTs = await post(client, channel, threadTs, sharedCardMessage(paper, args.userId));
    await post(client, channel, threadTs ?? cardTs, abstractReply(paper));
  } catch (error) {
    // Failed (the user is told): a click after that is a new try, not a repeat.
    await recentShares.release(key);
    if (cannotPostHere(error)) return 'refused';
    throw error;
  }
  return 'posted';
}
