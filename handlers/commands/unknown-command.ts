import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { PaperbotContext } from '../../src/app/deps.js';
import { SLACK_APP } from '../../src/config.js';

/** Any other command routed to us (a manifest edited, a crafted request): a polite pointer to ours. */
export const unknownCommand = async ({ ack, context }: AllMiddlewareArgs<PaperbotContext> & SlackCommandMiddlewareArgs): Promise<void> => {
  context.log.warn('unknown command');
  await ack({ response_type: 'ephemeral', text: `I only answer ${SLACK_APP.command}. Try \`${SLACK_APP.command} help\`.` });
};
