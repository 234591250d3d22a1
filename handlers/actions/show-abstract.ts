import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Deps, PaperbotContext } from '../../src/app/deps.js';
import { showBeside } from '../../src/app/show-beside.js';

/** Abstract: the full abstract, under the results (ephemeral) or in the thread. */
export const showAbstract =
  (deps: Deps) =>
  async ({ ack, body, action, client, respond, context }: AllMiddlewareArgs<PaperbotContext> & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>): Promise<void> => {
    await ack();
    await showBeside({ deps, body, view: { kind: 'abstract', id: action.value ?? '' }, client, respond });
    context.log.info('showed abstract');
  };
