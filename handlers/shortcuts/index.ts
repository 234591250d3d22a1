import type { App } from '@slack/bolt';
import { SLACK_APP } from '../../src/config.js';
import type { Deps, PaperbotContext } from '../../src/app/deps.js';
import { findPapers } from './find-papers.js';
import { unknownShortcut } from './unknown-shortcut.js';

export function register(app: App<PaperbotContext>, deps: Deps): void {
  app.shortcut({ callback_id: SLACK_APP.shortcutCallbackId, type: 'message_action' }, findPapers(deps));
  // Anything else is acked at once, rather than left to time out after 3 s.
  app.shortcut({ callback_id: new RegExp(`^(?!${SLACK_APP.shortcutCallbackId}$)`), type: 'message_action' }, unknownShortcut);
  app.shortcut({ type: 'shortcut' }, unknownShortcut);
}
