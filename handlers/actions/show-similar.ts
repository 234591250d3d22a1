import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Deps, PaperbotContext } from '../../src/app/deps.js';
import { showBeside } from '../../src/app/show-beside.js';

/** Similar: papers like this one, under the results (ephemeral) or in the thread. */
export const showSimilar =
  (deps: Deps) =>
  async ({ ack, body, action, client, respond, context }: AllMiddlewareArgs<PaperbotContext> & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>): Promise<void> => {
    await ack();
    await showBeside({ deps, body, view: { kind: 'similar', of: action.value ?? '' }, client, respond });
    context.log.info('showed similar papers');
  };
