import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import { readingList } from '../../src/answers/reading-list.js';
import { NO_WORKSPACE_NOTICE, NOT_ON_LIST_NOTICE, removedNotice } from '../../src/render/notices.js';
import { isReadingListBlock, readingListMessage } from '../../src/render/reading-list.js';
import type { Deps, PaperbotContext } from '../../src/slack/deps.js';
import { respondInPlace } from '../../src/slack/outbound/post-message.js';
import { paperFromButton, readClick, tellClicker } from '../shared/button-click.js';
import { originOf } from '../shared/origin.js';
import { publishHome } from '../shared/publish-home.js';
import { workspaceOf } from '../shared/workspace.js';

/**
 * Remove and Mark as read, on the clicker's reading list (`/paper saved`, the Home tab) or on
 * the "already saved" note. Only the clicker's own list is touched: the value names a paper, the
 * person is Slack's signed user id, so another person's item or a paper not on the list changes
 * nothing and the clicker is told so. The list is redrawn where it was clicked.
 */
export const readingListItem =
  (deps: Deps, change: 'unsave' | 'markRead') =>
  async ({ ack, body, client, respond, context }: AllMiddlewareArgs<PaperbotContext> & SlackActionMiddlewareArgs): Promise<void> => {
    await ack();
    const { log } = context;
    const args = { deps, body, client, respond, log };
    const click = await readClick(args, change);
    if (!click) return;
    const ws = workspaceOf(context);
    if (!ws) return tellClicker(args, click, NO_WORKSPACE_NOTICE);
    const { value: paperId, block_id: blockId } = click.actions[0]!;
    const userId = click.user.id;
    const changed = await deps.memory[change](ws, userId, paperId);
    const list = await readingList(deps, ws, userId);
    // Mark as read on a paper read already changes nothing, and needs no explanation.
    if (!changed && !list.some((e) => e.paperId === paperId)) {
      log.warn({ value: paperId.slice(0, 80), change }, 'reading list: not on the clicker’s list; nothing changed');
      return tellClicker(args, click, NOT_ON_LIST_NOTICE);
    }
    log.info({ paperId, change, changed }, 'reading list changed');
    if (originOf(click).surface === 'home') return publishHome(deps, client, userId, ws, log);
    const message =
      change === 'unsave' && !isReadingListBlock(blockId) ? removedNotice(paperFromButton(deps, paperId)?.title ?? paperId) : readingListMessage(list);
    if (respond) await respondInPlace(respond, message);
    else await tellClicker(args, click, message);
  };
