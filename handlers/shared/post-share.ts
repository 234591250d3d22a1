import type { webApi } from '@slack/bolt';
import type { TeamMemory, Workspace } from '../../src/answers/answer-deps.js';
import type { Paper } from '../../src/corpus/paper.js';
import type { Logger } from '../../src/logger.js';
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
 * The card is then remembered for the workspace `ws` with its permalink (`chat.getPermalink`), so
 * search results can say where the paper was discussed; a failure to remember is logged and the
 * share stands.
 */
export async function postShare(args: {
  client: webApi.WebClient;
  recentShares: SeenEvents;
  key: string;
  paper: Paper;
  userId: string;
  channel: string;
  threadTs?: string;
  memory: TeamMemory;
  ws: Workspace | undefined;
  log: Logger;
}): Promise<ShareOutcome> {
  const { client, recentShares, key, paper, channel, threadTs } = args;
  if (!(await recentShares.claim(key))) return 'repeat';
  let cardTs: string | undefined;
  try {
    cardTs = await post(client, channel, threadTs, sharedCardMessage(paper, args.userId));
    await post(client, channel, threadTs ?? cardTs, abstractReply(paper));
  } catch (error) {
    // Failed (the user is told): a click after that is a new try, not a repeat.
    await recentShares.release(key);
    if (cannotPostHere(error)) return 'refused';
    throw error;
  }
  if (args.ws && cardTs) await remember(args, args.ws, cardTs);
  return 'posted';
}

async function remember(args: Parameters<typeof postShare>[0], ws: Workspace, messageTs: string): Promise<void> {
  const { client, channel, paper, userId, log } = args;
  try {
    const link = await client.chat.getPermalink({ channel, message_ts: messageTs }).catch((error: unknown) => {
      log.warn({ err: error, channel }, 'share: no permalink for the card; remembered without one');
      return undefined;
    });
    await args.memory.recordShare(ws, { channel, messageTs, permalink: link?.permalink ?? null, paperId: paper.id, userId });
  } catch (error) {
    log.error({ err: error, paperId: paper.id, channel }, 'share: posted, but could not remember it');
  }
}
