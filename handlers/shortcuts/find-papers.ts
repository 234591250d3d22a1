import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { renderAnswer } from '../../src/answers/render-answer.js';
import { CANNOT_POST_NOTICE, NO_TEXT_NOTICE, UNREADABLE_NOTICE } from '../../src/render/notices.js';
import { toPlainQuery } from '../../src/render/text.js';
import type { Deps, PaperbotContext } from '../../src/slack/deps.js';
import { cannotPostHere, post, respondBelow } from '../../src/slack/outbound/post-message.js';
import { MessageShortcutInput, readInput } from '../shared/inputs.js';

/**
 * "Find papers" on a message: searches for the message's text (as written: its words are the
 * query, never a sub-command) and answers in that message's thread, for everyone there.
 */
export const findPapers =
  (deps: Deps) =>
  async ({
    ack,
    shortcut: payload,
    client,
    respond,
    context,
  }: AllMiddlewareArgs<PaperbotContext> & SlackShortcutMiddlewareArgs<MessageShortcut>): Promise<void> => {
    await ack();
    const { log } = context;
    const shortcut = readInput(MessageShortcutInput, payload, log, 'find papers');
    if (!shortcut) {
      if (respond) await respondBelow(respond, UNREADABLE_NOTICE);
      return;
    }
    const query = toPlainQuery(shortcut.message.text);
    if (!query) {
      if (respond) await respondBelow(respond, NO_TEXT_NOTICE);
      return;
    }
    const message = renderAnswer({ kind: 'search', query, offset: 0 }, deps, { audience: 'thread' });
    try {
      await post(client, shortcut.channel.id, shortcut.message.thread_ts ?? shortcut.message.ts, message);
    } catch (error) {
      if (!cannotPostHere(error) || !respond) throw error;
      log.info({ err: error }, 'find papers: Slack would not let us post here');
      await respondBelow(respond, CANNOT_POST_NOTICE);
      return;
    }
    log.info('answered');
  };
