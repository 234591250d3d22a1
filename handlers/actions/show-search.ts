import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import { renderAnswer } from '../../src/answers/render-answer.js';
import { decodeAnswer } from '../../src/render/answer-state.js';
import type { Deps, PaperbotContext } from '../../src/slack/deps.js';
import { post, respondInPlace } from '../../src/slack/outbound/post-message.js';
import { readClick, tellExpired } from '../shared/button-click.js';
import { originOf } from '../shared/origin.js';

/**
 * "Did you mean" and the example searches: the button's value is a search answer. It replaces
 * the message it was on; from the Home tab it arrives in the user's DM with the app. (More
 * results is show-more.ts.)
 */
export const showSearch =
  (deps: Deps) =>
  async ({ ack, body, client, respond, context }: AllMiddlewareArgs<PaperbotContext> & SlackActionMiddlewareArgs): Promise<void> => {
    await ack();
    const args = { deps, body, client, respond, log: context.log };
    const click = await readClick(args, 'search button');
    if (!click) return;
    const answer = decodeAnswer(click.actions[0]!.value);
    if (answer?.kind !== 'search') return tellExpired(args, click);
    const origin = originOf(click);
    if (origin.surface === 'home') {
      await post(client, origin.user, undefined, renderAnswer(answer, deps, { audience: 'dm' }));
    } else if (respond) {
      await respondInPlace(respond, renderAnswer(answer, deps, { audience: origin.surface }));
    }
    context.log.info({ view: answer.kind }, 'showed results');
  };
