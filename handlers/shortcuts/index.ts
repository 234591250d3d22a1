import type { App } from '@slack/bolt';
import { SLACK_APP } from '../../src/config.js';
import type { Deps, PaperbotContext } from '../../src/app/deps.js';
import { findPapers } from './find-papers.js';

export function register(app: App<PaperbotContext>, deps: Deps): void {
  app.shortcut({ callback_id: SLACK_APP.shortcutCallbackId, type: 'message_action' }, findPapers(deps));
}
