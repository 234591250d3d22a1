import { RESULTS } from '../config.js';
import { abstractMessage } from '../render/abstract.js';
import type { Answer } from '../render/answer-state.js';
import { helpMessage, mentionHelpMessage } from '../render/help.js';
import type { Message } from '../render/message.js';
import { EMPTY_CORPUS_NOTICE, FORGET_PRIVATE_NOTICE, PAPER_GONE_NOTICE, READING_LIST_PRIVATE_NOTICE } from '../render/notices.js';
import type { Audience, SharedIn } from '../render/paper-card.js';
import { noResultsMessage, paperMessage, searchResultsMessage, similarMessage } from '../render/results.js';
import type { ShareNote } from '../render/share-line.js';
import type { PaperSearch } from '../search/types.js';
import type { AnswerDeps, Workspace } from './answer-deps.js';
import { parseRequest, type PaperRequest } from './parse-request.js';

export interface RenderOptions {
  audience: Audience;
  /** Positions on the page already shared. */
  shared?: number[];
  /** Where those were shared, when not where the audience shares to (an ephemeral page in a thread). */
  sharedIn?: SharedIn;
  /** Where the papers shown were already discussed, by paper id. */
  memory?: ReadonlyMap<string, ShareNote>;
}

const pageSize = (audience: Audience) => (audience === 'ephemeral' ? RESULTS.commandPageSize : RESULTS.threadPageSize);

/**
 * Renders an answer by asking PaperSearch for what it shows. Used for first answers and for
 * redrawing after a button (More results, Share).
 */
export function renderAnswer(answer: Answer, deps: AnswerDeps, { audience, shared = [], sharedIn, memory }: RenderOptions): Message {
  const { search } = deps;
  switch (answer.kind) {
    case 'search': {
      const response = search.search(answer.query, { limit: pageSize(audience), offset: answer.offset });
      if (response.hits.length === 0) return noResultsMessage(answer.query, response.suggestion);
      return searchResultsMessage(response, { audience, offset: answer.offset, shared, sharedIn, memory });
    }
    case 'similar': {
      const paper = search.get(answer.of);
      if (!paper) return PAPER_GONE_NOTICE;
      const similar = search.similar(paper.id, pageSize(audience)).map((h) => h.paper);
      return similarMessage(paper, similar, { audience, shared, sharedIn, memory });
    }
    case 'paper': {
      const paper = search.get(answer.id);
      return paper ? paperMessage(paper, { audience, shared, sharedIn, memory, heading: ':game_die: A random paper from the corpus:' }) : PAPER_GONE_NOTICE;
    }
    case 'abstract': {
      const paper = search.get(answer.id);
      return paper ? abstractMessage(paper, { audience, shared: shared.includes(0) }) : PAPER_GONE_NOTICE;
    }
  }
}

/** The ids of the papers an answer shows (the same page {@link renderAnswer} draws). */
export function answerPaperIds(answer: Answer, deps: AnswerDeps, audience: Audience): string[] {
  const { search } = deps;
  switch (answer.kind) {
    case 'search':
      return search.search(answer.query, { limit: pageSize(audience), offset: answer.offset }).hits.map((h) => h.paper.id);
    case 'similar':
      return search.similar(answer.of, pageSize(audience)).map((h) => h.paper.id);
    case 'paper':
      return [answer.id];
    case 'abstract':
      return [];
  }
}

/**
 * {@link renderAnswer} with a line under each paper the workspace already shared, saying where
 * (src/render/share-line.ts). Without a workspace, the plain answer.
 */
export async function renderRemembered(answer: Answer, deps: AnswerDeps, options: RenderOptions, ws: Workspace | undefined): Promise<Message> {
  if (!ws) return renderAnswer(answer, deps, options);
  // NOTE: the page is searched once: the ids and the drawing share one search.
  const once = { ...deps, search: searchedOnce(deps.search) };
  const memory = await deps.memory.sharesOf(ws, answerPaperIds(answer, once, options.audience));
  return renderAnswer(answer, once, { ...options, memory });
}

/** `search` whose `search` and `similar` answer a repeated call from the first one. */
function searchedOnce(search: PaperSearch): PaperSearch {
  const searches = new Map<string, ReturnType<PaperSearch['search']>>();
  const similars = new Map<string, ReturnType<PaperSearch['similar']>>();
  return {
    size: search.size,
    get: (ref) => search.get(ref),
    all: () => search.all(),
    upsert: (papers) => search.upsert(papers),
    search(query, options) {
      const key = JSON.stringify([query, options]);
      if (!searches.has(key)) searches.set(key, search.search(query, options));
      return searches.get(key)!;
    },
    similar(id, limit) {
      const key = `${id}\u0000${limit}`;
      if (!similars.has(key)) similars.set(key, search.similar(id, limit));
      return similars.get(key)!;
    },
  };
}

/**
 * The answer to a request, or `null` for help. `similar <words>` means "like the best match for
 * these words"; when nothing matches, the search answer says so (with its suggestion).
 */
export function answerForRequest(
  request: Exclude<PaperRequest, { kind: 'help' | 'status' | 'saved' | 'forget' | 'shared' | 'top' | 'watch' | 'watches' | 'unwatch' }>,
  deps: AnswerDeps,
): Answer | null {
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
  // A reading list is the asker's own, read from the store: replyTo answers it; here, a pointer to it.
  if (request.kind === 'saved') return READING_LIST_PRIVATE_NOTICE;
  if (request.kind === 'forget') return FORGET_PRIVATE_NOTICE;
  // The team's view is read from the store (async): replyTo answers it; here, the usage.
  if (request.kind === 'shared' || request.kind === 'top') return helpMessage(deps.corpusSummary);
  // Watches belong to a channel and live in the store: replyTo answers them; here, the usage.
  if (request.kind === 'watch' || request.kind === 'watches' || request.kind === 'unwatch') return helpMessage(deps.corpusSummary);
  // Status needs the store (async): replyTo answers it; here it gets the usage, as an unknown word would.
  if (request.kind === 'help' || request.kind === 'status') {
    return audience !== 'ephemeral' && request.kind === 'help' && !request.asked
      ? mentionHelpMessage(deps.corpusSummary, audience)
      : helpMessage(deps.corpusSummary);
  }
  const answer = answerForRequest(request, deps);
  return answer ? renderAnswer(answer, deps, { audience }) : EMPTY_CORPUS_NOTICE;
}
