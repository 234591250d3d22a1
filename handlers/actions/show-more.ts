import type { AllMiddlewareArgs, SlackActionMiddlewareArgs } from '@slack/bolt';
import { renderAnswer } from '../../src/answers/render-answer.js';
import { decodeAnswer } from '../../src/render/answer-state.js';
import type { Deps, PaperbotContext } from '../../src/slack/deps.js';
import { post, respondInPlace } from '../../src/slack/outbound/post-message.js';
import { sendNotice } from '../../src/slack/outbound/send-notice.js';
import { readClick, tellExpired } from '../shared/button-click.js';
import { originOf } from '../shared/origin.js';

/**
 * More results: the button's value is the next page. Results only the asker sees (`/paper`, a
 * DM) turn to it in place; results in a thread stay as they are for everyone, and the next page
 * is shown only to whoever clicked, in that thread, as results they can page on and share from.
 */
export const showMore =
  (deps: Deps) =>
  async ({ ack, body, client, respond, context }: AllMiddlewareArgs<PaperbotContext> & SlackActionMiddlewareArgs): Promise<void> => {
    await ack();
    const args = { deps, body, client, respond, log: context.log };
    const click = await readClick(args, 'more results');
    if (!click) return;
    const answer = decodeAnswer(click.actions[0]!.value);
    if (answer?.kind !== 'search') return tellExpired(args, click);
    const origin = originOf(click);
    switch (origin.surface) {
      case 'thread': {
        const page = renderAnswer(answer, deps, { audience: 'ephemeral' });
        await sendNotice(client, { channel: origin.channel, user: click.user.id, threadTs: origin.threadTs }, page);
        break;
      }
      case 'home':
        await post(client, origin.user, undefined, renderAnswer(answer, deps, { audience: 'dm' }));
        break;
      default:
        if (respond) await respondInPlace(respond, renderAnswer(answer, deps, { audience: origin.surface }));
    }
    context.log.info({ offset: answer.offset, surface: origin.surface }, 'showed more results');
  };
