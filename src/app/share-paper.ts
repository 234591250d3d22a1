import type { RespondFn, webApi } from '@slack/bolt';
import type { Paper } from '../corpus/paper.js';
import { abstractReply } from '../render/abstract.js';
import { noticeMessage } from '../render/help.js';
import { sharedCardMessage, sharedNoticeMessage } from '../render/share.js';
import { parseCardBlockId } from '../render/view-state.js';
import type { Logger } from '../logger.js';
import type { Deps } from './deps.js';
import type { SeenEvents } from './event-dedupe.js';
import type { ButtonClick } from './inputs.js';
import { cannotPostHere, CANNOT_POST_NOTICE, originOf, post, respondBelow, respondInPlace } from './origin.js';
import { renderView } from './views.js';

export interface ShareArgs {
  deps: Deps;
  click: ButtonClick;
  /** The paper the button's value named, already looked up in the corpus. */
  paper: Paper;
  client: webApi.WebClient;
  respond: RespondFn | undefined;
  log: Logger;
  /** Share clicks taken within SLACK_SHARES.repeatWindowMs, so one is never posted twice. */
  recentShares: SeenEvents;
}

/** One Share click: this button (its message or view, its paper), by this user, to this channel. */
const shareKey = (click: ButtonClick, paperId: string, channel: string): string =>
  [click.container.message_ts ?? click.container.view_id ?? '', paperId, click.user.id, channel].join('|');

const NOWHERE = noticeMessage('I couldn’t share that paper from here.', 'I couldn’t share that paper from here.');

/**
 * Share: posts the paper's card where the results were (the channel for `/paper`, the thread for
 * mentions), credited to whoever clicked, then its abstract as the first reply in that card's
 * thread, then redraws the results to show the card as shared.
 */
export async function sharePaper({ deps, click, paper, client, respond, log, recentShares }: ShareArgs): Promise<void> {
  const origin = originOf(click);
  if (origin.surface === 'home' || !origin.channel) {
    log.warn({ paperId: paper.id, surface: origin.surface }, 'share: nowhere to share it');
    if (respond) await respondBelow(respond, NOWHERE);
    return;
  }
  // A double-click, or the same click delivered twice, is one share: the repeat posts nothing.
  const key = shareKey(click, paper.id, origin.channel);
  if (!(await recentShares.claim(key))) {
    log.info({ paperId: paper.id, channel: origin.channel }, 'share: same click again within the repeat window; nothing posted');
    return;
  }
  const threadTs = origin.surface === 'thread' ? origin.threadTs : undefined;
  try {
    const cardTs = await post(client, origin.channel, threadTs, sharedCardMessage(paper, click.user.id));
    await post(client, origin.channel, threadTs ?? cardTs, abstractReply(paper));
  } catch (error) {
    // Failed (the user is told): a click after that is a new try, not a repeat.
    await recentShares.release(key);
    if (!cannotPostHere(error) || !respond) throw error;
    log.info({ err: error, channel: origin.channel }, 'share: Slack would not let us post here');
    await respondBelow(respond, CANNOT_POST_NOTICE);
    return;
  }
  log.info({ paperId: paper.id, channel: origin.channel, threadTs }, 'shared a paper');
  if (!respond) return;

  const card = parseCardBlockId(click.actions[0]!.block_id);
  if (card?.state) {
    const shared = [...new Set([...card.state.shared, card.index])];
    await respondInPlace(respond, renderView(card.state.view, deps, { surface: origin.surface, shared }));
  } else if (origin.surface === 'ephemeral') {
    await respondBelow(respond, sharedNoticeMessage(paper));
  }
}
