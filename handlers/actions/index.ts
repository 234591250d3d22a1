import type { App } from '@slack/bolt';
import type { Deps, PaperbotContext } from '../../src/app/deps.js';
import { ACTION, actionPattern } from '../../src/render/action-ids.js';
import { showAbstract } from './show-abstract.js';
import { showSimilar } from './show-similar.js';
import { sharePaperAction } from './share-paper.js';
import { showSearch } from './show-search.js';

export function register(app: App<PaperbotContext>, deps: Deps): void {
  app.action(ACTION.share, sharePaperAction(deps));
  app.action(ACTION.abstract, showAbstract(deps));
  app.action(ACTION.similar, showSimilar(deps));
  // More results, "Did you mean", and the example searches all show a search view.
  app.action(ACTION.more, showSearch(deps));
  app.action(actionPattern(ACTION.suggestion), showSearch(deps));
  app.action(actionPattern(ACTION.example), showSearch(deps));
}
