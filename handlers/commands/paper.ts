import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { answerCommand } from '../../src/app/answers.js';
import type { Deps, PaperbotContext } from '../../src/app/deps.js';

/**
 * `/paper <query>`: the answer travels in the ack itself (ephemeral), one round trip inside
 * Slack's 3 seconds.
 */
export const paperCommand =
  (deps: Deps) =>
  async ({ command, ack, context }: AllMiddlewareArgs<PaperbotContext> & SlackCommandMiddlewareArgs): Promise<void> => {
    const message = answerCommand(command, deps, context.log);
    await ack({ response_type: 'ephemeral', text: message.text, blocks: message.blocks });
    context.log.info('answered');
  };
