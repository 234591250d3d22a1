import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Deps, PaperbotContext } from '../../src/app/deps.js';
import { post } from '../../src/app/origin.js';
import { answerText } from '../../src/app/views.js';

/**
 * A direct message to the bot: answered like a mention, in the thread. Edits, joins, bots
 * (ourselves included) and other subtypes are not questions.
 */
export const directMessage =
  (deps: Deps) =>
  async ({ event, client, context }: AllMiddlewareArgs<PaperbotContext> & SlackEventMiddlewareArgs<'message'>): Promise<void> => {
    if (event.channel_type !== 'im' || event.subtype !== undefined) return;
    if (event.bot_id || !event.user || event.user === context.botUserId) return;
    const message = answerText(event.text ?? '', deps, 'thread');
    await post(client, event.channel, event.thread_ts ?? event.ts, message);
    context.log.info('answered');
  };
