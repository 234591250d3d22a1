import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import { forgottenNotice, NO_WORKSPACE_NOTICE } from '../../src/render/notices.js';
import type { Deps, PaperbotContext } from '../../src/slack/deps.js';
import { respondInPlace } from '../../src/slack/outbound/post-message.js';
import { readClick, tellClicker } from '../shared/button-click.js';
import { workspaceOf } from '../shared/workspace.js';

/**
 * The "Forget me" button under `/paper forget me`: deletes the clicker's reading list and takes
 * their name off their shares in this workspace (the cards stay in Slack), then says what went.
 * NOTE: the person is Slack's signed user id, never the button's value, so nobody can forget
 * someone else; a second click (or Slack's retry) finds nothing more to delete.
 */
export const forgetMe =
  (deps: Deps) =>
  async ({ ack, body, client, respond, context }: AllMiddlewareArgs<PaperbotContext> & SlackActionMiddlewareArgs): Promise<void> => {
    await ack();
    const { log } = context;
    const args = { deps, body, client, respond, log };
    const click = await readClick(args, 'forget me');
    if (!click) return;
    const ws = workspaceOf(context);
    if (!ws) return tellClicker(args, click, NO_WORKSPACE_NOTICE);
    const counts = await deps.memory.forget(ws, click.user.id);
    log.info(counts, 'forgot a person: their saves deleted, their shares unnamed');
    if (respond) await respondInPlace(respond, forgottenNotice(counts));
    else await tellClicker(args, click, forgottenNotice(counts));
  };
