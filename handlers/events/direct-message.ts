import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { replyTo } from '../../src/answers/reply.js';
import type { Deps, PaperbotContext } from '../../src/slack/deps.js';
import { post } from '../../src/slack/outbound/post-message.js';
import { DirectMessageInput, readInput } from '../shared/inputs.js';
import { workspaceOf } from '../shared/workspace.js';

/**
 * A direct message to the bot: a one-to-one chat, so the answer stands in the conversation itself
 * (in a thread only when the question was asked in one). Edits, joins, bots (ourselves included)
 * and other subtypes are not questions.
 */
export const directMessage =
  (deps: Deps) =>
  async ({ event, client, context }: AllMiddlewareArgs<PaperbotContext> & SlackEventMiddlewareArgs): Promise<void> => {
    const dm = readInput(DirectMessageInput, event, context.log, 'direct message');
    if (dm?.channel_type !== 'im' || dm.subtype !== undefined) return;
    if (dm.bot_id || !dm.user || dm.user === context.botUserId) return;
    const reply = await replyTo(dm.text, deps, 'dm', { ws: workspaceOf(context), userId: dm.user, channel: dm.channel });
    await post(client, dm.channel, dm.thread_ts, reply.later ? await reply.later() : reply.now);
    context.log.info('answered');
  };
