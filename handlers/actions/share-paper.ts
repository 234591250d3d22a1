import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import { renderAnswer } from '../../src/answers/render-answer.js';
import { abstractReply } from '../../src/render/abstract.js';
import { parseCardBlockId } from '../../src/render/answer-state.js';
import { CANNOT_POST_NOTICE, NOWHERE_TO_SHARE_NOTICE } from '../../src/render/notices.js';
import { sharedCardMessage, sharedNoticeMessage } from '../../src/render/share.js';
import type { Deps, PaperbotContext } from '../../src/slack/deps.js';
import { cannotPostHere, post, respondBelow, respondInPlace } from '../../src/slack/outbound/post-message.js';
import { paperFromButton, readClick, tellExpired } from '../shared/button-click.js';
import type { ButtonClick } from '../shared/inputs.js';
import { originOf } from '../shared/origin.js';

/** One Share click: this button (its message or view, its paper), by this user, to this channel. */
const shareKey = (click: ButtonClick, paperId: string, channel: string): string =>
  [click.container.message_ts ?? click.container.view_id ?? '', paperId, click.user.id, channel].join('|');

/**
 * Share: posts the paper's card where the results were (the channel for `/paper`, the thread for
 * mentions), credited to whoever clicked, then its abstract as the first reply in that card's
 * thread, then redraws the results to show the card as shared. A repeat of the same click
 * (a double-click, Slack delivering it twice) posts nothing.
 */
export const sharePaper =
  (deps: Deps) =>
  async ({ ack, body, client, respond, context }: AllMiddlewareArgs<PaperbotContext> & SlackActionMiddlewareArgs): Promise<void> => {
    await ack();
    const { log, recentShares } = context;
    const args = { deps, body, client, respond, log };
    const click = await readClick(args, 'share');
    if (!click) return;
    const paper = paperFromButton(deps, click.actions[0]!.value);
    if (!paper) return tellExpired(args, click);

    const origin = originOf(click);
    if (origin.surface === 'home' || !origin.channel) {
      log.warn({ paperId: paper.id, surface: origin.surface }, 'share: nowhere to share it');
      if (respond) await respondBelow(respond, NOWHERE_TO_SHARE_NOTICE);
      return;
    }
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
      await respondInPlace(respond, renderAnswer(card.state.answer, deps, { audience: origin.surface, shared }));
    } else if (origin.surface === 'ephemeral') {
      await respondBelow(respond, sharedNoticeMessage(paper));
    }
  };
