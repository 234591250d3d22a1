import type { AllMiddlewareArgs, App, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Deps, PaperbotContext } from '../../src/slack/deps.js';
import { ACTION, actionPattern } from '../../src/render/action-ids.js';
import { dispatch, route } from '../shared/dispatch.js';
import { forgetMe } from './forget-me.js';
import { readingListItem } from './reading-list-item.js';
import { savePaper } from './save-paper.js';
import { sharePaper } from './share-paper.js';
import { showAbstract } from './show-abstract.js';
import { shareToChannel } from './share-to-channel.js';
import { showMore } from './show-more.js';
import { showSearch } from './show-search.js';
import { showSimilar } from './show-similar.js';
import { unknownAction } from './unknown-action.js';

type Args = AllMiddlewareArgs<PaperbotContext> & SlackActionMiddlewareArgs;

export function register(app: App<PaperbotContext>, deps: Deps): void {
  const routes = [
    route<Args>(actionPattern(ACTION.share), sharePaper(deps)),
    route<Args>(actionPattern(ACTION.shareAgain), sharePaper(deps, { again: true })),
    route<Args>(actionPattern(ACTION.shareTo), shareToChannel(deps)),
    route<Args>(actionPattern(ACTION.save), savePaper(deps)),
    route<Args>(actionPattern(ACTION.unsave), readingListItem(deps, 'unsave')),
    route<Args>(actionPattern(ACTION.markRead), readingListItem(deps, 'markRead')),
    route<Args>(actionPattern(ACTION.forgetMe), forgetMe(deps)),
    route<Args>(actionPattern(ACTION.abstract), showAbstract(deps)),
    route<Args>(actionPattern(ACTION.similar), showSimilar(deps)),
    route<Args>(actionPattern(ACTION.more), showMore(deps)),
    // "Did you mean" and the example searches show a search answer.
    route<Args>(actionPattern(ACTION.suggestion), showSearch(deps)),
    route<Args>(actionPattern(ACTION.example), showSearch(deps)),
  ];
  // Any other action id (an old button, a crafted one) is acked at once, not left to time out.
  app.action(
    /^/,
    dispatch(routes, ({ payload }) => (payload as { action_id?: unknown }).action_id, unknownAction(deps)),
  );
}
