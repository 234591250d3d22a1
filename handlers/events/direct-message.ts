import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { answerDirectMessage } from '../../src/app/answers.js';
import type { Deps, PaperbotContext } from '../../src/app/deps.js';

/** A direct message to the bot: answered like a mention, in the thread. */
export const directMessage =
  (deps: Deps) =>
  async ({ event, client, context }: AllMiddlewareArgs<PaperbotContext> & SlackEventMiddlewareArgs): Promise<void> => {
    await answerDirectMessage(event, deps, client, context.log, context.botUserId);
  };
