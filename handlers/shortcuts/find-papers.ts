import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import type { Deps, PaperbotContext } from '../../src/app/deps.js';
import { findPapersForMessage } from '../../src/app/find-papers.js';

/** The "Find papers" message shortcut: the message's text is the query; results go in its thread. */
export const findPapers =
  (deps: Deps) =>
  async ({ ack, shortcut, client, respond, context }: AllMiddlewareArgs<PaperbotContext> & SlackShortcutMiddlewareArgs<MessageShortcut>): Promise<void> => {
    await ack();
    await findPapersForMessage({ deps, shortcut, client, respond, log: context.log });
  };
