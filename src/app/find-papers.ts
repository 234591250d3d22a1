import type { RespondFn, webApi } from '@slack/bolt';
import type { Logger } from '../logger.js';
import { noticeMessage } from '../render/help.js';
import { toPlainQuery } from '../render/text.js';
import type { Deps } from './deps.js';
import { MessageShortcutInput, readInput } from './inputs.js';
import { UNREADABLE_NOTICE } from './notices.js';
import { cannotPostHere, CANNOT_POST_NOTICE, post, respondBelow } from './origin.js';
import { renderView } from './views.js';

const NO_TEXT = noticeMessage('That message has no text to search for.', 'That message has no text to search for.');

/**
 * "Find papers" on a message: searches for the message's text (as written: its words are the
 * query, never a sub-command) and answers in that message's thread, for everyone there.
 */
export async function findPapersForMessage(args: { deps: Deps; shortcut: unknown; client: webApi.WebClient; respond: RespondFn | undefined; log: Logger }): Promise<void> {
  const { deps, client, respond, log } = args;
  const shortcut = readInput(MessageShortcutInput, args.shortcut, log, 'find papers');
  if (!shortcut) {
    if (respond) await respondBelow(respond, UNREADABLE_NOTICE);
    return;
  }
  const query = toPlainQuery(shortcut.message.text);
  if (!query) {
    if (respond) await respondBelow(respond, NO_TEXT);
    return;
  }
  const message = renderView({ kind: 'search', query, offset: 0 }, deps, { surface: 'thread' });
  try {
    await post(client, shortcut.channel.id, shortcut.message.thread_ts ?? shortcut.message.ts, message);
  } catch (error) {
    if (!cannotPostHere(error) || !respond) throw error;
    log.info({ err: error }, 'find papers: Slack would not let us post here');
    await respondBelow(respond, CANNOT_POST_NOTICE);
    return;
  }
  log.info('answered');
}
