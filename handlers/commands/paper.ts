import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Deps, PaperbotContext } from '../../src/app/deps.js';
import { answerText } from '../../src/app/views.js';
import { noticeMessage } from '../../src/render/help.js';
import type { Message } from '../../src/render/message.js';

/**
 * `/paper <query>`: the answer travels in the ack itself (ephemeral), one round trip inside
 * Slack's 3 seconds.
 */
export const paperCommand =
  (deps: Deps) =>
  async ({ command, ack, context }: AllMiddlewareArgs<PaperbotContext> & SlackCommandMiddlewareArgs): Promise<void> => {
    let message: Message;
    try {
      message = answerText(command.text, deps, 'ephemeral');
    } catch (error) {
      context.log.error({ err: error, text: command.text }, '/paper failed');
      message = noticeMessage(':warning: Something went wrong with that search. Please try again.', 'Something went wrong with that search.');
    }
    await ack({ response_type: 'ephemeral', text: message.text, blocks: message.blocks });
    context.log.info('answered');
  };
