import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { UNKNOWN_COMMAND_TEXT } from '../../src/render/notices.js';
import type { PaperbotContext } from '../../src/slack/deps.js';

/** Any other command routed to us (a manifest edited, a crafted request): a polite pointer to ours. */
export const unknownCommand = async ({ ack, context }: AllMiddlewareArgs<PaperbotContext> & SlackCommandMiddlewareArgs): Promise<void> => {
  context.log.warn('unknown command');
  await ack({ response_type: 'ephemeral', text: UNKNOWN_COMMAND_TEXT });
};
