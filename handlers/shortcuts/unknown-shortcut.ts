import type { AllMiddlewareArgs, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { UNREADABLE_NOTICE } from '../../src/render/notices.js';
import type { PaperbotContext } from '../../src/slack/deps.js';
import { respondBelow } from '../../src/slack/outbound/post-message.js';

/** A shortcut we do not have (an old manifest's, a crafted one): acked at once, the user told when we can. */
export const unknownShortcut = async ({ ack, respond, context }: AllMiddlewareArgs<PaperbotContext> & SlackShortcutMiddlewareArgs): Promise<void> => {
  await ack();
  context.log.warn('unknown shortcut');
  if (respond) await respondBelow(respond, UNREADABLE_NOTICE);
};
