import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import { shareFromButton } from '../../src/app/buttons.js';
import type { Deps, PaperbotContext } from '../../src/app/deps.js';

/** Share: the card to the channel (or thread), the abstract under it, the results marked shared. */
export const sharePaperAction =
  (deps: Deps) =>
  async ({ ack, body, client, respond, context }: AllMiddlewareArgs<PaperbotContext> & SlackActionMiddlewareArgs): Promise<void> => {
    await ack();
    await shareFromButton({ deps, body, client, respond, log: context.log, recentShares: context.recentShares });
  };
