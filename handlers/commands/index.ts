import type { AllMiddlewareArgs, App, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { SLACK_APP } from '../../src/config.js';
import type { Deps, PaperbotContext } from '../../src/slack/deps.js';
import { dispatch, route } from '../shared/dispatch.js';
import { paperCommand } from './paper.js';
import { unknownCommand } from './unknown-command.js';

type Args = AllMiddlewareArgs<PaperbotContext> & SlackCommandMiddlewareArgs;

export function register(app: App<PaperbotContext>, deps: Deps): void {
  // Any other command routed to us is answered at once, rather than left to time out after 3 s.
  app.command(
    /^/,
    dispatch([route<Args>(SLACK_APP.command, paperCommand(deps))], ({ command }) => command.command, unknownCommand),
  );
}
