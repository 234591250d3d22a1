import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Deps, PaperbotContext } from '../../src/slack/deps.js';
import { ThreadReplyInput, readInput } from '../shared/inputs.js';
import { workspaceOf } from '../shared/workspace.js';

/**
 * A message in a channel: when it is a person's reply in the thread of a card Paperbot shared,
 * it counts toward that paper's discussion ("· 4 replies" under the paper in search results).
 * NOTE: never answered: a thread reply is a conversation between people, not a question for us.
 * Bots (ourselves, with the abstract) and edits or deletions do not count; a reply Slack delivers
 * twice counts once (src/store/team-memory.ts).
 */
export const threadReply =
  (deps: Deps) =>
  async ({ event, context }: AllMiddlewareArgs<PaperbotContext> & SlackEventMiddlewareArgs): Promise<void> => {
    const reply = readInput(ThreadReplyInput, event, context.log, 'thread reply');
    if (!reply?.thread_ts || reply.thread_ts === reply.ts || reply.bot_id) return;
    if (reply.subtype !== undefined && reply.subtype !== 'thread_broadcast') return;
    const ws = workspaceOf(context);
    if (!ws) return;
    if (await deps.memory.addReply(ws, reply.channel, reply.thread_ts, reply.ts)) context.log.info('counted a reply to a shared paper');
  };
