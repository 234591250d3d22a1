import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Deps, PaperbotContext } from '../../src/app/deps.js';
import { homeView } from '../../src/render/home.js';

/** Someone opened Paperbot's Home tab: publish what it does, how to use it, and examples. */
export const appHomeOpened =
  (deps: Deps) =>
  async ({ event, client, context }: AllMiddlewareArgs<PaperbotContext> & SlackEventMiddlewareArgs<'app_home_opened'>): Promise<void> => {
    if (event.tab !== 'home') return;
    await client.views.publish({ user_id: event.user, view: homeView(deps.corpus) });
    context.log.info('published home');
  };
