import type { App } from '@slack/bolt';
import { SLACK_APP } from '../../src/config.js';
import type { Deps, PaperbotContext } from '../../src/app/deps.js';
import { paperCommand } from './paper.js';

export function register(app: App<PaperbotContext>, deps: Deps): void {
  app.command(SLACK_APP.command, paperCommand(deps));
}
