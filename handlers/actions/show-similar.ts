import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Deps, PaperbotContext } from '../../src/slack/deps.js';
import { paperFromButton, readClick, tellExpired } from '../shared/button-click.js';
import { originOf } from '../shared/origin.js';
import { showBeside } from '../shared/show-beside.js';

/** Similar: papers like this one, under the results (ephemeral) or in the thread. */
export const showSimilar =
  (deps: Deps) =>
  async ({ ack, body, client, respond, context }: AllMiddlewareArgs<PaperbotContext> & SlackActionMiddlewareArgs): Promise<void> => {
    await ack();
    const args = { deps, body, client, respond, log: context.log };
    const click = await readClick(args, 'similar');
    if (!click) return;
    const paper = paperFromButton(deps, click.actions[0]!.value);
    if (!paper) return tellExpired(args, click);
    await showBeside({ deps, origin: originOf(click), answer: { kind: 'similar', of: paper.id }, client, respond, user: click.user.id });
    context.log.info('showed similar');
  };
