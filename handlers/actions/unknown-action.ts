import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Deps, PaperbotContext } from '../../src/slack/deps.js';
import { readClick, tellExpired } from '../shared/button-click.js';

/** A button we never made (an old version's, a crafted one): acked at once (not left to time out), nothing done, the clicker told it expired. */
export const unknownAction =
  (deps: Deps) =>
  async ({ ack, body, client, respond, context }: AllMiddlewareArgs<PaperbotContext> & SlackActionMiddlewareArgs): Promise<void> => {
    await ack();
    const args = { deps, body, client, respond, log: context.log };
    const click = await readClick(args, 'unknown button');
    if (click) await tellExpired(args, click);
  };
