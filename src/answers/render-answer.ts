import { RESULTS } from '../config.js';
import { abstractMessage } from '../render/abstract.js';
import type { Answer } from '../render/answer-state.js';
import { helpMessage, mentionHelpMessage } from '../render/help.js';
import type { Message } from '../render/message.js';
import { EMPTY_CORPUS_NOTICE, PAPER_GONE_NOTICE } from '../render/notices.js';
import type { Audience, SharedIn } from '../render/paper-card.js';
import { noResultsMessage, paperMessage, searchResultsMessage, similarMessage } from '../render/results.js';
import type { AnswerDeps } from './answer-deps.js';
import { parseRequest, type PaperRequest } from './parse-request.js';

export interface RenderOptions {
  audience: Audience;
  /** Positions on the page already shared. */
  shared?: number[];
  /** Where those were shared, when not where the audience shares to (an ephemeral page in a thread). */
  sharedIn?: SharedIn;
}

const pageSize = (audience: Audience) => (audience === 'ephemeral' ? RESULTS.commandPageSize : RESULTS.threadPageSize);

/**
 * Renders an answer by asking PaperSearch for what it shows. Used for first answers and for
 * redrawing after a button (More results, Share).
 */
export function renderAnswer(answer: Answer, deps: AnswerDeps, { audience, shared = [], sharedIn }: RenderOptions): Message {
  const { search } = deps;
  switch (answer.kind) {
    case 'search': {
      const response = search.search(answer.query, { limit: pageSize(audience), offset: answer.offset });
      if (response.hits.length === 0) return noResultsMessage(answer.query, response.suggestion);
      return searchResultsMessage(response, { audience, offset: answer.offset, shared, sharedIn });
    }
    case 'similar': {
      const paper = search.get(answer.of);
      if (!paper) return PAPER_GONE_NOTICE;
      const similar = search.similar(paper.id, pageSize(audience)).map((h) => h.paper);
      return similarMessage(paper, similar, { audience, shared, sharedIn });
    }
    case 'paper': {
      const paper = search.get(answer.id);
      return paper ? paperMessage(paper, { audience, shared, sharedIn, heading: ':game_die: A random paper from the corpus:' }) : PAPER_GONE_NOTICE;
    }
    case 'abstract': {
      const paper = search.get(answer.id);
      return paper ? abstractMessage(paper, { audience, shared: shared.includes(0) }) : PAPER_GONE_NOTICE;
    }
  }
}

/**
 * The answer to a request, or `null` for help. `similar <words>` means "like the best match for
 * these words"; when nothing matches, the search answer says so (with its suggestion).
 */
export function answerForRequest(request: Exclude<PaperRequest, { kind: 'help' | 'status' }>, deps: AnswerDeps): Answer | null {
  const { search } = deps;
  switch (request.kind) {
    case 'random': {
      const all = search.all();
      const paper = all[Math.floor(deps.random() * all.length)];
      return paper ? { kind: 'paper', id: paper.id } : null;
    }
    case 'similar': {
      const paper = search.get(request.ref) ?? search.search(request.ref, { limit: 1 }).hits[0]?.paper;
      return paper ? { kind: 'similar', of: paper.id } : { kind: 'search', query: request.ref, offset: 0 };
    }
    case 'search':
      return { kind: 'search', query: request.query, offset: 0 };
  }
}

/**
 * The whole answer to `/paper <text>`, a mention or a DM. For `ephemeral` (the command) help is
 * the full usage; a bare mention or an empty DM gets a short hint, and `help` the full usage.
 */
export function answerSlackText(slackText: string, deps: AnswerDeps, audience: Audience): Message {
  const request = parseRequest(slackText);
  // Status needs the store (async): replyTo answers it; here it gets the usage, as an unknown word would.
  if (request.kind === 'help' || request.kind === 'status') {
    return audience !== 'ephemeral' && request.kind === 'help' && !request.asked
      ? mentionHelpMessage(deps.corpusSummary, audience)
      : helpMessage(deps.corpusSummary);
  }
  const answer = answerForRequest(request, deps);
  return answer ? renderAnswer(answer, deps, { audience }) : EMPTY_CORPUS_NOTICE;
}
