import { parseArxivRef } from '../corpus/arxiv.js';
import type { LookupOutcome } from '../library/lookup-paper.js';
import { noSuchPaperMessage, notStoredMessage, lookingUpMessage } from '../render/lookup.js';
import type { Message } from '../render/message.js';
import type { Audience } from '../render/paper-card.js';
import { statusMessage } from '../render/status.js';
import { cachedWorkspaceAnswer } from './answer-cache.js';
import type { AnswerDeps, Asker } from './answer-deps.js';
import { parseRequest } from './parse-request.js';
import { forgetAnswer, readingListAnswer } from './reading-list.js';
import { teamViewAnswer } from './team-view.js';
import { renderAnswer } from './render-answer.js';
import { watchAnswer } from './watches.js';

/**
 * How to answer a request: `now` at once (in the ack, or the post), and for a paper that must
 * first be fetched from arXiv, `later` resolves with the real answer (which replaces `now` where
 * it can, or is the only post in a thread).
 */
export interface Reply {
  now: Message;
  later?: () => Promise<Message>;
}

/**
 * The arXiv id a request names when it is only a paper reference (an id, an arXiv or Hugging
 * Face link) that the library does not hold; null otherwise.
 */
export function missingPaperRef(slackText: string, deps: AnswerDeps): string | null {
  const request = parseRequest(slackText);
  if (request.kind !== 'search') return null;
  const arxivId = parseArxivRef(request.query);
  return arxivId && !deps.search.get(arxivId) ? arxivId : null;
}

/** The answer once a lookup is done: the paper's card, or why there is none. */
export function lookupAnswer(outcome: LookupOutcome, deps: AnswerDeps, audience: Audience): Message {
  switch (outcome.kind) {
    case 'found':
      return renderAnswer({ kind: 'search', query: outcome.paper.id, offset: 0 }, deps, { audience });
    case 'not-found':
      return noSuchPaperMessage(outcome.arxivId);
    case 'unavailable':
      return notStoredMessage(outcome.arxivId, outcome.reason);
  }
}

/**
 * The reply to `/paper <text>`, a mention or a DM: the search answer (remembered, see
 * answer-cache.ts, with where the asker's workspace already discussed each paper), the status,
 * the asker's reading list, the channel's watches, or for a paper not yet stored a lookup. Never
 * throws for a lookup: its failures are answers too.
 */
export async function replyTo(slackText: string, deps: AnswerDeps, audience: Audience, asker: Asker = {}): Promise<Reply> {
  const request = parseRequest(slackText);
  const { kind } = request;
  const { ws, userId } = asker;
  if (request.kind === 'watch' || request.kind === 'watches' || request.kind === 'unwatch') return { now: await watchAnswer(deps, request, asker) };
  if (request.kind === 'shared' || request.kind === 'top') return { now: await teamViewAnswer(deps, request, ws) };
  if (kind === 'status') return { now: statusMessage(await deps.status()) };
  if (kind === 'saved') return { now: await readingListAnswer(deps, audience, ws, userId) };
  if (kind === 'forget') return { now: forgetAnswer(audience) };
  const missing = missingPaperRef(slackText, deps);
  if (missing) {
    const { lookup } = deps;
    if (!lookup) return { now: notStoredMessage(missing, null) };
    return { now: lookingUpMessage(missing), later: async () => lookupAnswer(await lookup(missing), deps, audience) };
  }
  return { now: await cachedWorkspaceAnswer(slackText, deps, audience, ws) };
}
