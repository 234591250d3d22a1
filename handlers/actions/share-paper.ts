import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Deps, PaperbotContext } from '../../src/app/deps.js';
import { sharePaper } from '../../src/app/share-paper.js';

/** Share: the card to the channel (or thread), the abstract under it, the results marked shared. */
export const sharePaperAction =
  (deps: Deps) =>
  async ({ ack, body, action, client, respond, context }: AllMiddlewareArgs<PaperbotContext> & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>): Promise<void> => {
    await ack();
    await sharePaper({ deps, body, paperId: action.value ?? '', blockId: action.block_id, client, respond, log: context.log });
  };
