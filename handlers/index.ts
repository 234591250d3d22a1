import type { App } from '@slack/bolt';
import type { Deps, PaperbotContext } from '../src/slack/deps.js';
import * as actions from './actions/index.js';
import * as commands from './commands/index.js';
import * as events from './events/index.js';
import * as shortcuts from './shortcuts/index.js';

/** Wires every Slack surface Paperbot answers on. */
export function registerListeners(app: App<PaperbotContext>, deps: Deps): void {
  commands.register(app, deps);
  events.register(app, deps);
  actions.register(app, deps);
  shortcuts.register(app, deps);
}
