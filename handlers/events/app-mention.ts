import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { answerMention } from '../../src/app/answers.js';
import type { Deps, PaperbotContext } from '../../src/app/deps.js';

/** `@Paperbot <words>` in a channel or thread: results (or a short help) in the thread. */
export const appMention =
  (deps: Deps) =>
  async ({ event, client, context }: AllMiddlewareArgs<PaperbotContext> & SlackEventMiddlewareArgs): Promise<void> => {
    await answerMention(event, deps, client, context.log);
  };
