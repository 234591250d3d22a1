import type { RespondFn, webApi } from '@slack/bolt';
import { renderAnswer } from '../../src/answers/render-answer.js';
import type { Answer } from '../../src/render/answer-state.js';
import { post, respondBelow } from '../../src/slack/outbound/post-message.js';
import type { Deps } from '../../src/slack/deps.js';
import type { Origin } from './origin.js';

/**
 * Shows an answer next to the clicked message without replacing it: a new ephemeral message
 * under `/paper` results, a reply in the thread for mentions, a DM from the Home tab.
 */
export async function showBeside(args: {
  deps: Deps;
  origin: Origin;
  answer: Answer;
  client: webApi.WebClient;
  respond: RespondFn | undefined;
}): Promise<void> {
  const { deps, origin, answer, client, respond } = args;
  switch (origin.surface) {
    case 'ephemeral':
      if (respond) await respondBelow(respond, renderAnswer(answer, deps, { audience: 'ephemeral' }));
      return;
    case 'thread':
      await post(client, origin.channel, origin.threadTs, renderAnswer(answer, deps, { audience: 'thread' }));
      return;
    case 'home':
      await post(client, origin.user, undefined, renderAnswer(answer, deps, { audience: 'thread' }));
  }
}
