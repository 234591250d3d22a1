import type { RespondFn, webApi } from '@slack/bolt';
import { renderAnswer } from '../../src/answers/render-answer.js';
import type { Answer } from '../../src/render/answer-state.js';
import { post, respondBelow } from '../../src/slack/outbound/post-message.js';
import { sendNotice } from '../../src/slack/outbound/send-notice.js';
import type { Deps } from '../../src/slack/deps.js';
import type { Origin } from './origin.js';

/**
 * Shows an answer next to the clicked message without replacing it: a new ephemeral message
 * under `/paper` results (in their thread when they are in one), a reply in the thread for
 * mentions, a message in the conversation in a DM, a DM from the Home tab.
 */
export async function showBeside(args: {
  deps: Deps;
  origin: Origin;
  answer: Answer;
  client: webApi.WebClient;
  respond: RespondFn | undefined;
  /** Who clicked: an ephemeral answer in a thread is posted for them alone. */
  user: string;
}): Promise<void> {
  const { deps, origin, answer, client, respond } = args;
  switch (origin.surface) {
    case 'ephemeral': {
      const message = renderAnswer(answer, deps, { audience: 'ephemeral' });
      // NOTE: a response_url does not keep to a thread (bolt-js#963); chat.postEphemeral does.
      if (origin.threadTs && origin.channel) await sendNotice(client, { channel: origin.channel, user: args.user, threadTs: origin.threadTs }, message);
      else if (respond) await respondBelow(respond, message);
      return;
    }
    case 'thread':
      await post(client, origin.channel, origin.threadTs, renderAnswer(answer, deps, { audience: 'thread' }));
      return;
    case 'dm':
      await post(client, origin.channel, origin.threadTs, renderAnswer(answer, deps, { audience: 'dm' }));
      return;
    case 'home':
      await post(client, origin.user, undefined, renderAnswer(answer, deps, { audience: 'dm' }));
  }
}
