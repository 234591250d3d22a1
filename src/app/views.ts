import { RESULTS } from '../config.js';
import { abstractMessage } from '../render/abstract.js';
import { helpMessage, mentionHelpMessage, noticeMessage } from '../render/help.js';
import type { Message } from '../render/message.js';
import type { Surface } from '../render/paper-card.js';
import { noResultsMessage, paperMessage, searchResultsMessage, similarMessage } from '../render/results.js';
import type { View } from '../render/view-state.js';
import type { Deps } from './deps.js';
import { parseRequest, type PaperRequest } from './parse-request.js';

export interface ViewOptions {
  surface: Surface;
  /** Positions on the page already shared. */
  shared?: number[];
}

const pageSize = (surface: Surface) => (surface === 'ephemeral' ? RESULTS.commandPageSize : RESULTS.threadPageSize);

const gone = (): Message => noticeMessage('That paper is no longer in the corpus. Try searching for it again.', 'That paper is no longer in the corpus.');

/**
 * Renders a view by asking PaperSearch for what it shows. Used for first answers and for
 * redrawing after a button (More results, Share).
 */
export function renderView(view: View, deps: Deps, { surface, shared = [] }: ViewOptions): Message {
  const { search } = deps;
  switch (view.kind) {
    case 'search': {
      const response = search.search(view.query, { limit: pageSize(surface), offset: view.offset });
      if (response.hits.length === 0) return noResultsMessage(view.query, response.suggestion);
      return searchResultsMessage(response, { surface, offset: view.offset, shared });
    }
    case 'similar': {
      const paper = search.get(view.of);
      if (!paper) return gone();
      const similar = search.similar(paper.id, pageSize(surface)).map((h) => h.paper);
      return similarMessage(paper, similar, { surface, shared });
    }
    case 'paper': {
      const paper = search.get(view.id);
      return paper ? paperMessage(paper, { surface, shared, heading: ':game_die: A random paper from the corpus:' }) : gone();
    }
    case 'abstract': {
      const paper = search.get(view.id);
      return paper ? abstractMessage(paper, { surface, shared: shared.includes(0) }) : gone();
    }
  }
}

/**
 * The view that answers a request, or `null` for help. `similar <words>` means "like the best
 * match for these words"; when nothing matches, the search view says so (with its suggestion).
 */
export function viewForRequest(request: Exclude<PaperRequest, { kind: 'help' }>, deps: Deps): View | null {
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
 * The whole answer to `/paper <text>`, a mention or a DM. On `ephemeral` (the command) help is
 * the full usage; in a thread a bare mention gets a short hint and `help` the full usage.
 */
export function answerText(slackText: string, deps: Deps, surface: Surface): Message {
  const request = parseRequest(slackText);
  if (request.kind === 'help') {
    return surface === 'thread' && !request.asked ? mentionHelpMessage(deps.corpus) : helpMessage(deps.corpus);
  }
  const view = viewForRequest(request, deps);
  return view ? renderView(view, deps, { surface }) : noticeMessage('The corpus is empty: run `npm run ingest`.', 'The corpus is empty.');
}
