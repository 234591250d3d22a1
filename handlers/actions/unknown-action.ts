import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import { unknownButton } from '../../src/app/buttons.js';
import type { Deps, PaperbotContext } from '../../src/app/deps.js';

/** A button we never made: acked at once (not left to time out), nothing done, the clicker told it expired. */
export const unknownAction =
  (deps: Deps) =>
  async ({ ack, body, client, respond, context }: AllMiddlewareArgs<PaperbotContext> & SlackActionMiddlewareArgs): Promise<void> => {
    await ack();
    await unknownButton({ deps, body, client, respond, log: context.log });
  };
