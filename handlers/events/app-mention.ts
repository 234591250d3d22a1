import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Deps, PaperbotContext } from '../../src/app/deps.js';
import { post } from '../../src/app/origin.js';
import { answerText } from '../../src/app/views.js';

/** `@Paperbot <words>` in a channel or thread: results (or a short help) in the thread. */
export const appMention =
  (deps: Deps) =>
  async ({ event, client, context }: AllMiddlewareArgs<PaperbotContext> & SlackEventMiddlewareArgs<'app_mention'>): Promise<void> => {
    const message = answerText(event.text, deps, 'thread');
    await post(client, event.channel, event.thread_ts ?? event.ts, message);
    context.log.info('answered');
  };
