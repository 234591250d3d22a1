import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { homeView } from '../../src/render/home.js';
import type { Deps, PaperbotContext } from '../../src/slack/deps.js';
import { HomeOpenedInput, readInput } from '../shared/inputs.js';

/** Someone opened Paperbot's Home tab: publish what it does, how to use it, and examples. */
export const appHomeOpened =
  (deps: Deps) =>
  async ({ event, client, context }: AllMiddlewareArgs<PaperbotContext> & SlackEventMiddlewareArgs): Promise<void> => {
    const opened = readInput(HomeOpenedInput, event, context.log, 'app_home_opened');
    if (opened?.tab !== 'home') return;
    await client.views.publish({ user_id: opened.user, view: homeView(deps.corpusSummary) });
    context.log.info('published home');
  };
