import type { App } from '@slack/bolt';
import { SLACK_APP } from '../../src/config.js';
import type { Deps, PaperbotContext } from '../../src/app/deps.js';
import { paperCommand } from './paper.js';
import { unknownCommand } from './unknown-command.js';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function register(app: App<PaperbotContext>, deps: Deps): void {
  app.command(SLACK_APP.command, paperCommand(deps));
  // Everything else is answered at once, rather than left to time out after 3 s.
  app.command(new RegExp(`^(?!${escapeRegExp(SLACK_APP.command)}$)`), unknownCommand);
}
