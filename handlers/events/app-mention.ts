import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { replyTo } from '../../src/answers/reply.js';
import type { Deps, PaperbotContext } from '../../src/slack/deps.js';
import { post } from '../../src/slack/outbound/post-message.js';
import { MentionInput, readInput } from '../shared/inputs.js';
import { workspaceOf } from '../shared/workspace.js';

/**
 * `@Paperbot <words>` in a channel or thread: results (or a short help) in the mention's thread.
 * A paper that must first be fetched from arXiv is posted once it is there: one post per mention.
 */
export const appMention =
  (deps: Deps) =>
  async ({ event, client, context }: AllMiddlewareArgs<PaperbotContext> & SlackEventMiddlewareArgs): Promise<void> => {
    const mention = readInput(MentionInput, event, context.log, 'mention');
    // Another bot quoting @Paperbot is not a question, and answering it could start a loop.
    if (!mention || mention.bot_id) return;
    const reply = await replyTo(mention.text, deps, 'thread', {
      ws: workspaceOf(context),
      ...(mention.user ? { userId: mention.user } : {}),
      channel: mention.channel,
    });
    await post(client, mention.channel, mention.thread_ts ?? mention.ts, reply.later ? await reply.later() : reply.now);
    context.log.info('answered');
  };
