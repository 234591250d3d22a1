import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import { showSearchView } from '../../src/app/buttons.js';
import type { Deps, PaperbotContext } from '../../src/app/deps.js';

/** More results, "Did you mean", example searches: the button's value is a search view. */
export const showSearch =
  (deps: Deps) =>
  async ({ ack, body, client, respond, context }: AllMiddlewareArgs<PaperbotContext> & SlackActionMiddlewareArgs): Promise<void> => {
    await ack();
    await showSearchView({ deps, body, client, respond, log: context.log });
  };
