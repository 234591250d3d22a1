import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { cachedAnswerText } from '../../src/answers/answer-cache.js';
import type { Deps, PaperbotContext } from '../../src/slack/deps.js';
import { post } from '../../src/slack/outbound/post-message.js';
import { DirectMessageInput, readInput } from '../shared/inputs.js';

/**
 * A direct message to the bot: answered like a mention, in the thread. Edits, joins, bots
 * (ourselves included) and other subtypes are not questions.
 */
export const directMessage =
  (deps: Deps) =>
  async ({ event, client, context }: AllMiddlewareArgs<PaperbotContext> & SlackEventMiddlewareArgs): Promise<void> => {
    const dm = readInput(DirectMessageInput, event, context.log, 'direct message');
    if (!dm || dm.channel_type !== 'im' || dm.subtype !== undefined) return;
    if (dm.bot_id || !dm.user || dm.user === context.botUserId) return;
    await post(client, dm.channel, dm.thread_ts ?? dm.ts, cachedAnswerText(dm.text, deps, 'thread'));
    context.log.info('answered');
  };
