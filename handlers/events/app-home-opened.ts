import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { homeView } from '../../src/render/home.js';
import type { Deps, PaperbotContext } from '../../src/slack/deps.js';
import { HomeOpenedInput, readInput } from '../shared/inputs.js';

/** Someone opened Paperbot's Home tab: publish what it does, how to use it, what it searches and how fresh, and examples. */
export const appHomeOpened =
  (deps: Deps) =>
  async ({ event, client, context }: AllMiddlewareArgs<PaperbotContext> & SlackEventMiddlewareArgs): Promise<void> => {
    const opened = readInput(HomeOpenedInput, event, context.log, 'app_home_opened');
    if (opened?.tab !== 'home') return;
    // The sources' freshness is a nicety: a store that cannot say still gets the Home tab published.
    const status = await deps.status().catch((error: unknown) => {
      context.log.warn({ err: error }, 'home: could not read the sources’ status');
      return null;
    });
    await client.views.publish({ user_id: opened.user, view: homeView(deps.corpusSummary, status) });
    context.log.info('published home');
  };
