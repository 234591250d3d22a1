import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { publishHome } from '../../src/app/answers.js';
import type { Deps, PaperbotContext } from '../../src/app/deps.js';

/** Someone opened Paperbot's Home tab: publish what it does, how to use it, and examples. */
export const appHomeOpened =
  (deps: Deps) =>
  async ({ event, client, context }: AllMiddlewareArgs<PaperbotContext> & SlackEventMiddlewareArgs): Promise<void> => {
    await publishHome(event, deps, client, context.log);
  };
