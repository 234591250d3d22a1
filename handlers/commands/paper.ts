import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { cachedAnswerText } from '../../src/answers/answer-cache.js';
import type { Message } from '../../src/render/message.js';
import { SEARCH_FAILED_NOTICE, UNREADABLE_NOTICE } from '../../src/render/notices.js';
import type { Deps, PaperbotContext } from '../../src/slack/deps.js';
import { CommandInput, readInput } from '../shared/inputs.js';

/**
 * `/paper <query>`: the answer travels in the ack itself (ephemeral), one round trip inside
 * Slack's 3 seconds. NOTE: never throws before the ack: whatever happens, an ack goes out, so a
 * failure becomes an apology (and a log line).
 */
export const paperCommand =
  (deps: Deps) =>
  async ({ command, ack, context }: AllMiddlewareArgs<PaperbotContext> & SlackCommandMiddlewareArgs): Promise<void> => {
    const { log } = context;
    let message: Message;
    const input = readInput(CommandInput, command, log, '/paper');
    if (!input) {
      message = UNREADABLE_NOTICE;
    } else {
      try {
        message = cachedAnswerText(input.text, deps, 'ephemeral');
      } catch (error) {
        log.error({ err: error, text: input.text.slice(0, 200) }, '/paper failed');
        message = SEARCH_FAILED_NOTICE;
      }
    }
    await ack({ response_type: 'ephemeral', text: message.text, blocks: message.blocks });
    log.info('answered');
  };
