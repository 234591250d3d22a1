import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import { CANNOT_POST_PICKED_NOTICE, EXPIRED_NOTICE, UNREADABLE_NOTICE } from '../../src/render/notices.js';
import { paperIdOfShareTo, sharedToChannelMessage } from '../../src/render/share.js';
import type { Deps, PaperbotContext } from '../../src/slack/deps.js';
import { respondBelow, respondInPlace } from '../../src/slack/outbound/post-message.js';
import { paperFromButton } from '../shared/button-click.js';
import { ChannelPickInput, readInput } from '../shared/inputs.js';
import { isDirectMessage } from '../shared/origin.js';
import { postShare } from '../shared/post-share.js';
import { workspaceOf } from '../shared/workspace.js';

/**
 * A channel picked in the picker Share offers in a DM: the card goes to that channel (credited
 * to whoever picked), the abstract into its thread, and the picker gives way to a note saying so.
 * A private channel Paperbot is not in, or a DM (only a crafted pick), is refused with what to do.
 */
export const shareToChannel =
  (deps: Deps) =>
  async ({ ack, body, client, respond, context }: AllMiddlewareArgs<PaperbotContext> & SlackActionMiddlewareArgs): Promise<void> => {
    await ack();
    const { log, recentShares } = context;
    const tell = async (message: Parameters<typeof respondBelow>[1]) => {
      if (respond) await respondBelow(respond, message);
    };
    const pick = readInput(ChannelPickInput, body, log, 'share to a channel');
    if (!pick) return tell(UNREADABLE_NOTICE);
    const action = pick.actions[0]!;
    const paperId = paperIdOfShareTo(action.block_id);
    const paper = paperId ? paperFromButton(deps, paperId) : undefined;
    if (!paper) {
      log.warn({ blockId: action.block_id?.slice(0, 80) }, 'share to a channel: paper not recognised; told the user it expired');
      return tell(EXPIRED_NOTICE);
    }
    const channel = action.selected_conversation ?? action.selected_channel;
    // Cleared, or a conversation the picker does not offer.
    if (!channel) return;
    if (isDirectMessage(channel)) return tell(CANNOT_POST_PICKED_NOTICE);

    const key = [pick.container.message_ts ?? '', paper.id, pick.user.id, channel].join('|');
    const outcome = await postShare({ client, recentShares, key, paper, userId: pick.user.id, channel, memory: deps.memory, ws: workspaceOf(context), log });
    if (outcome === 'repeat') {
      log.info({ paperId: paper.id, channel }, 'share to a channel: same pick again within the repeat window; nothing posted');
      return;
    }
    if (outcome === 'refused') {
      log.info({ channel }, 'share to a channel: Slack would not let us post there');
      return tell(CANNOT_POST_PICKED_NOTICE);
    }
    log.info({ paperId: paper.id, channel }, 'shared a paper to the channel picked');
    if (respond) await respondInPlace(respond, sharedToChannelMessage(paper));
  };
