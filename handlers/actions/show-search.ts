import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Deps, PaperbotContext } from '../../src/app/deps.js';
import { originOf, post, respondInPlace } from '../../src/app/origin.js';
import { renderView } from '../../src/app/views.js';
import { decodeView } from '../../src/render/view-state.js';

/**
 * More results, "Did you mean", example searches: the button's value is a search view. It
 * replaces the message it was on; from the Home tab it arrives in the user's DM with the app.
 */
export const showSearch =
  (deps: Deps) =>
  async ({ ack, body, action, client, respond, context }: AllMiddlewareArgs<PaperbotContext> & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>): Promise<void> => {
    await ack();
    const view = decodeView(action.value ?? '');
    if (!view) {
      context.log.warn({ value: action.value?.slice(0, 80) }, 'button value is not a view');
      return;
    }
    const origin = originOf(body);
    if (origin.surface === 'home') {
      await post(client, origin.user, undefined, renderView(view, deps, { surface: 'thread' }));
    } else if (respond) {
      await respondInPlace(respond, renderView(view, deps, { surface: origin.surface }));
    }
    context.log.info({ view: view.kind }, 'showed results');
  };
