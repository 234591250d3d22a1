import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import { renderAnswer } from '../../src/answers/render-answer.js';
import { parseCardBlockId } from '../../src/render/answer-state.js';
import { SLACK_SHARES } from '../../src/config.js';
import { alreadySharedMessage, CANNOT_POST_NOTICE, NOWHERE_TO_SHARE_NOTICE } from '../../src/render/notices.js';
import { sharedNoticeMessage, shareToChannelMessage } from '../../src/render/share.js';
import type { Deps, PaperbotContext } from '../../src/slack/deps.js';
import { respondBelow, respondInPlace } from '../../src/slack/outbound/post-message.js';
import { paperFromButton, readClick, tellClicker, tellExpired } from '../shared/button-click.js';
import type { ButtonClick } from '../shared/inputs.js';
import { isDirectMessage, originOf } from '../shared/origin.js';
import { postShare } from '../shared/post-share.js';
import { workspaceOf } from '../shared/workspace.js';

/** One Share click: this button (its message or view, its paper), by this user, to this channel. */
const shareKey = (click: ButtonClick, paperId: string, channel: string): string =>
  [click.container.message_ts ?? click.container.view_id ?? '', paperId, click.user.id, channel].join('|');

/**
 * Share: posts the paper's card where the results were (the channel for `/paper`, the thread for
 * mentions and for the pages of more results shown in one), credited to whoever clicked, then its
 * abstract as the first reply in that card's thread, then redraws the results to show the card
 * as shared. In a direct message nobody else would see it: the clicker is asked which channel to
 * share to instead (share-to-channel.ts). A repeat of the same click (a double-click, Slack
 * delivering it twice) posts nothing. A paper already shared in that channel within
 * SLACK_SHARES.againWindowDays posts nothing either: the clicker alone is shown the existing
 * thread and a "Share again anyway" button, which comes back here with `again` (ACTION.shareAgain).
 */
export const sharePaper =
  (deps: Deps, { again = false }: { again?: boolean } = {}) =>
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
    if (origin.surface === 'dm' || isDirectMessage(origin.channel)) {
      await tellClicker(args, click, shareToChannelMessage(paper));
      log.info({ paperId: paper.id }, 'share: in a direct message, asked which channel to share to');
      return;
    }
    const threadTs = origin.threadTs;
    const ws = workspaceOf(context);
    if (ws && !again) {
      const since = new Date(Date.now() - SLACK_SHARES.againWindowDays * 86_400_000);
      const before = await deps.memory.lastShareIn(ws, origin.channel, paper.id, since);
      if (before) {
        log.info({ paperId: paper.id, channel: origin.channel }, 'share: already shared in this channel lately; nothing posted');
        return tellClicker(args, click, alreadySharedMessage(paper, { ...before, count: 1 }));
      }
    }
    const key = shareKey(click, paper.id, origin.channel);
    const outcome = await postShare({
      client,
      recentShares,
      key,
      paper,
      userId: click.user.id,
      channel: origin.channel,
      threadTs,
      memory: deps.memory,
      ws,
      log,
    });
    if (outcome === 'repeat') {
      log.info({ paperId: paper.id, channel: origin.channel }, 'share: same click again within the repeat window; nothing posted');
      return;
    }
    if (outcome === 'refused') {
      log.info({ channel: origin.channel }, 'share: Slack would not let us post here');
      await tellClicker(args, click, CANNOT_POST_NOTICE);
      return;
    }
    log.info({ paperId: paper.id, channel: origin.channel, threadTs }, 'shared a paper');
    if (!respond) return;

    const card = parseCardBlockId(click.actions[0]!.block_id);
    if (card?.state) {
      const shared = [...new Set([...card.state.shared, card.index])];
      const sharedIn = threadTs ? 'thread' : 'channel';
      await respondInPlace(respond, renderAnswer(card.state.answer, deps, { audience: origin.surface, shared, sharedIn }));
    } else if (origin.surface === 'ephemeral') {
      await respondBelow(respond, sharedNoticeMessage(paper));
    }
  };
