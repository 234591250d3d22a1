import type { App } from '@slack/bolt';
import type { Deps, PaperbotContext } from '../../src/app/deps.js';
import { ACTION, actionPattern } from '../../src/render/action-ids.js';
import { sharePaperAction } from './share-paper.js';
import { showAbstract } from './show-abstract.js';
import { showSearch } from './show-search.js';
import { showSimilar } from './show-similar.js';
import { unknownAction } from './unknown-action.js';

/** Every action_id not matched by the patterns above (a negative lookahead over all of ours). */
const notOurs = new RegExp(`^(?!(${Object.values(ACTION).map((id) => actionPattern(id).source.slice(1, -1)).join('|')})$)`);

export function register(app: App<PaperbotContext>, deps: Deps): void {
  app.action(actionPattern(ACTION.share), sharePaperAction(deps));
  app.action(actionPattern(ACTION.abstract), showAbstract(deps));
  app.action(actionPattern(ACTION.similar), showSimilar(deps));
  // More results, "Did you mean", and the example searches all show a search view.
  app.action(actionPattern(ACTION.more), showSearch(deps));
  app.action(actionPattern(ACTION.suggestion), showSearch(deps));
  app.action(actionPattern(ACTION.example), showSearch(deps));
  app.action(notOurs, unknownAction(deps));
}
