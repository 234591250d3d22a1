import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { replyTo, type Reply } from '../../src/answers/reply.js';
import { SEARCH_FAILED_NOTICE, UNREADABLE_NOTICE } from '../../src/render/notices.js';
import type { Deps, PaperbotContext } from '../../src/slack/deps.js';
import { respondInPlace } from '../../src/slack/outbound/post-message.js';
import { CommandInput, readInput } from '../shared/inputs.js';
import { workspaceOf } from '../shared/workspace.js';

/**
 * `/paper <query>`: the answer travels in the ack itself (ephemeral), one round trip inside
 * Slack's 3 seconds. A paper not stored yet is acked with "looking it up", and the card replaces
 * that note through `response_url` once arXiv has answered. NOTE: never throws before the ack:
 * whatever happens, an ack goes out, so a failure becomes an apology (and a log line).
 */
export const paperCommand =
  (deps: Deps) =>
  async ({ command, ack, respond, context }: AllMiddlewareArgs<PaperbotContext> & SlackCommandMiddlewareArgs): Promise<void> => {
    const { log } = context;
    let reply: Reply;
    const input = readInput(CommandInput, command, log, '/paper');
    if (!input) {
      reply = { now: UNREADABLE_NOTICE };
    } else {
      try {
        reply = await replyTo(input.text, deps, 'ephemeral', { ws: workspaceOf(context), userId: input.user_id, channel: input.channel_id });
      } catch (error) {
        log.error({ err: error, text: input.text.slice(0, 200) }, '/paper failed');
        reply = { now: SEARCH_FAILED_NOTICE };
      }
    }
    await ack({ response_type: 'ephemeral', text: reply.now.text, blocks: reply.now.blocks });
    log.info('answered');
    if (reply.later) {
      await respondInPlace(respond, await reply.later());
      log.info('answered after a lookup');
    }
  };
