import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Deps, PaperbotContext } from '../../src/slack/deps.js';
import { HomeOpenedInput, readInput } from '../shared/inputs.js';
import { publishHome } from '../shared/publish-home.js';
import { workspaceOf } from '../shared/workspace.js';

/** Someone opened Paperbot's Home tab: publish their reading list, what it does, how to use it, what it searches and how fresh, and examples. */
export const appHomeOpened =
  (deps: Deps) =>
  async ({ event, client, context }: AllMiddlewareArgs<PaperbotContext> & SlackEventMiddlewareArgs): Promise<void> => {
    const opened = readInput(HomeOpenedInput, event, context.log, 'app_home_opened');
    if (opened?.tab !== 'home') return;
    await publishHome(deps, client, opened.user, workspaceOf(context), context.log);
    context.log.info('published home');
  };
