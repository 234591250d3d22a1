import type { BlockAction, RespondFn, webApi } from '@slack/bolt';
import { abstractReply } from '../render/abstract.js';
import { noticeMessage } from '../render/help.js';
import { sharedCardMessage, sharedNoticeMessage } from '../render/share.js';
import { parseCardBlockId } from '../render/view-state.js';
import type { Logger } from '../logger.js';
import type { Deps } from './deps.js';
import { cannotPostHere, CANNOT_POST_NOTICE, originOf, post, respondBelow, respondInPlace } from './origin.js';
import { renderView } from './views.js';

export interface ShareArgs {
  deps: Deps;
  body: BlockAction;
  /** The button's value: a paper id, nothing more. */
  paperId: string;
  /** The card's block_id, carrying the page state for the redraw. */
  blockId: string | undefined;
  client: webApi.WebClient;
  respond: RespondFn | undefined;
  log: Logger;
}

/**
 * Share: posts the paper's card where the results were (the channel for `/paper`, the thread for
 * mentions), credited to whoever clicked, then its abstract as the first reply in that card's
 * thread, then redraws the results to show the card as shared.
 */
export async function sharePaper({ deps, body, paperId, blockId, client, respond, log }: ShareArgs): Promise<void> {
  const origin = originOf(body);
  const paper = deps.search.get(paperId);
  if (!paper || origin.surface === 'home' || !origin.channel) {
    log.warn({ paperId, surface: origin.surface }, 'share: nothing to share or nowhere to share it');
    if (respond) await respondBelow(respond, noticeMessage('I couldn’t share that paper from here.', 'I couldn’t share that paper from here.'));
    return;
  }
  const threadTs = origin.surface === 'thread' ? origin.threadTs : undefined;
  try {
    const cardTs = await post(client, origin.channel, threadTs, sharedCardMessage(paper, body.user.id));
    await post(client, origin.channel, threadTs ?? cardTs, abstractReply(paper));
  } catch (error) {
    if (!cannotPostHere(error) || !respond) throw error;
    log.info({ err: error, channel: origin.channel }, 'share: Slack would not let us post here');
    await respondBelow(respond, CANNOT_POST_NOTICE);
    return;
  }
  log.info({ paperId: paper.id, channel: origin.channel, threadTs }, 'shared a paper');
  if (!respond) return;

  const card = parseCardBlockId(blockId);
  if (card?.state) {
    const shared = [...new Set([...card.state.shared, card.index])];
    await respondInPlace(respond, renderView(card.state.view, deps, { surface: origin.surface, shared }));
  } else if (origin.surface === 'ephemeral') {
    await respondBelow(respond, sharedNoticeMessage(paper));
  }
}
