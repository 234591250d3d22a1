import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import { showPaperView } from '../../src/app/buttons.js';
import type { Deps, PaperbotContext } from '../../src/app/deps.js';

/** Similar: papers like this one, under the results (ephemeral) or in the thread. */
export const showSimilar =
  (deps: Deps) =>
  async ({ ack, body, client, respond, context }: AllMiddlewareArgs<PaperbotContext> & SlackActionMiddlewareArgs): Promise<void> => {
    await ack();
    await showPaperView({ deps, body, client, respond, log: context.log }, 'similar');
  };
