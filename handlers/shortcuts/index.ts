import type { AllMiddlewareArgs, App, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { SLACK_APP } from '../../src/config.js';
import type { Deps, PaperbotContext } from '../../src/slack/deps.js';
import { dispatch, route } from '../shared/dispatch.js';
import { findPapers } from './find-papers.js';
import { unknownShortcut } from './unknown-shortcut.js';

type Args = AllMiddlewareArgs<PaperbotContext> & SlackShortcutMiddlewareArgs;

export function register(app: App<PaperbotContext>, deps: Deps): void {
  // Message shortcuts by callback_id; a global one (we have none) or an unknown one is acked at once.
  const routes = [route<Args>(`message_action:${SLACK_APP.shortcutCallbackId}`, findPapers(deps) as (args: Args) => Promise<void>)];
  app.shortcut(
    /^/,
    dispatch(routes, ({ shortcut }) => `${shortcut.type}:${shortcut.callback_id}`, unknownShortcut),
  );
}
