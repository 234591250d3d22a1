import { BLOCK_KIT, RESULTS } from '../config.js';
import type { Paper } from '../corpus/paper.js';
import type { SearchResponse } from '../search/types.js';
import { ACTION } from './action-ids.js';
import { actions, blockTextLength, button, context, divider, section, type Block } from './blocks.js';
import { toMessage, type Message } from './message.js';
import { paperCard, type Audience, type SharedIn } from './paper-card.js';
import type { ShareNote } from './share-line.js';
import { escapeFit, escapeText, truncate } from './text.js';
import { cardBlockId, answerValue, type AnswerState, type Answer } from './answer-state.js';

interface CardsPage {
  /** mrkdwn, already escaped. */
  heading: string;
  /** Plain text for notifications. */
  fallback: string;
  papers: readonly Paper[];
  audience: Audience;
  state: AnswerState;
  /** The next page, for a "More results" button. */
  more?: Answer | null;
  /** Where a shared card went (paper-card.ts). */
  sharedIn?: SharedIn;
  /** Where papers were already discussed, by paper id. */
  memory?: ReadonlyMap<string, ShareNote>;
  /** Papers listed for their topic alone (no query word in them), by paper id. */
  related?: ReadonlySet<string>;
}

// In a thread the next page is shown to whoever clicks, not posted for everyone.
const MORE_NOTE: Partial<Record<Audience, string>> = { thread: 'More results are shown only to you.' };

// Room kept for the "More results" row (divider, button, note) when budgeting cards.
const RESERVED_BLOCKS = 3;
const RESERVED_TEXT = 600;

/**
 * A heading and cards, as many as fit Slack's block count and text budget (a real page is well
 * under both; this is what keeps a pathological corpus entry from breaking the message).
 */
export function cardsMessage(page: CardsPage): Message {
  const blocks: Block[] = [section(page.heading)];
  let text = blockTextLength(blocks[0]!);
  for (const [index, paper] of page.papers.entries()) {
    const card = paperCard(paper, {
      audience: page.audience,
      blockId: cardBlockId(index, page.state),
      shared: page.state.shared.includes(index),
      sharedIn: page.sharedIn,
      memory: page.memory?.get(paper.id),
      related: page.related?.has(paper.id),
    });
    const cardText = card.reduce((n, b) => n + blockTextLength(b), 0);
    if (blocks.length + card.length + 1 > BLOCK_KIT.maxBlocks - RESERVED_BLOCKS) break;
    if (text + cardText > BLOCK_KIT.messageTextBudget - RESERVED_TEXT) break;
    blocks.push(divider(), ...card);
    text += cardText;
  }
  const moreValue = page.more ? answerValue(page.more) : null;
  if (moreValue) {
    const note = MORE_NOTE[page.audience];
    blocks.push(divider(), actions([button({ text: 'More results', actionId: ACTION.more, value: moreValue })]), ...(note ? [context([note])] : []));
  }
  return toMessage(page.fallback, blocks);
}

const quote = (query: string) => `“${escapeFit(query, RESULTS.queryEchoChars)}”`;
const titles = (papers: readonly Paper[]) => papers.map((p) => truncate(p.title, 120)).join('; ');

export interface PageOptions {
  audience: Audience;
  offset: number;
  /** Positions on this page already shared. */
  shared?: number[];
  /** Where a shared card went, when not where the audience shares to (paper-card.ts). */
  sharedIn?: SharedIn;
  /** Where papers were already discussed, by paper id. */
  memory?: ReadonlyMap<string, ShareNote>;
}

/**
 * One page of search results, with "More results" while there are more: `/paper` and DMs page on
 * in place; in a thread the next page is shown only to whoever clicks (handlers/actions/show-search.ts).
 *
 * @example searchResultsMessage(search.search('diffusion', { limit: 5 }), { audience: 'ephemeral', offset: 0 })
 */
export function searchResultsMessage(response: SearchResponse, options: PageOptions): Message {
  const { query, hits, total } = response;
  const papers = hits.map((h) => h.paper);
  const { offset, audience } = options;
  const state: AnswerState = { answer: { kind: 'search', query, offset }, shared: options.shared ?? [] };
  const next = offset + papers.length;
  const count = offset === 0 && next >= total ? `${total}` : `${offset + 1}–${next} of ${total}`;
  const found = `*${count}* ${total === 1 ? 'paper' : 'papers'}`;
  // Honest about partial matches: when no paper has every word, say which words matched nothing.
  const unmatched = response.unmatched ?? [];
  const partial =
    unmatched.length > 0 ? `No paper mentions ${unmatched.map((w) => `*${escapeText(w)}*`).join(', ')}; ${found} about the rest of ${quote(query)}` : null;
  const heading = response.direct ? 'Here is that paper:' : (partial ?? `${found} for ${quote(query)}`);
  return cardsMessage({
    heading,
    fallback: `Papers for "${truncate(query, RESULTS.queryEchoChars)}": ${titles(papers)}`,
    papers,
    audience,
    state,
    more: next < total ? { kind: 'search', query, offset: next } : null,
    sharedIn: options.sharedIn,
    memory: options.memory,
    related: new Set(hits.filter((h) => h.match?.anyWord === false).map((h) => h.paper.id)),
  });
}

/** Nothing matched: say so, and offer the "Did you mean" suggestion as a button. */
export function noResultsMessage(query: string, suggestion: string | null): Message {
  const blocks: Block[] = [section(`No papers match ${quote(query)}.`)];
  const value = suggestion ? answerValue({ kind: 'search', query: suggestion, offset: 0 }) : null;
  if (suggestion && value) {
    blocks.push(
      section(`Did you mean *${escapeFit(suggestion, RESULTS.queryEchoChars)}*?`),
      actions([button({ text: truncate(`Search “${suggestion}”`, BLOCK_KIT.buttonText), actionId: ACTION.suggestion, value, style: 'primary' })]),
    );
  }
  blocks.push(context(['Try fewer or different words, or `/paper help` for the query syntax.']));
  const didYouMean = suggestion ? ` Did you mean "${truncate(suggestion, RESULTS.queryEchoChars)}"?` : '';
  return toMessage(`No papers match "${truncate(query, RESULTS.queryEchoChars)}".${didYouMean}`, blocks);
}

/** Papers like `paper`. */
export function similarMessage(paper: Paper, similar: readonly Paper[], options: Omit<PageOptions, 'offset'>): Message {
  if (similar.length === 0) {
    return toMessage(`No papers like "${paper.title}" in the corpus.`, [
      section(`No papers like *${escapeText(truncate(paper.title, RESULTS.titleChars))}* in the corpus.`),
    ]);
  }
  return cardsMessage({
    heading: `Papers like *${escapeFit(paper.title, RESULTS.titleChars)}*`,
    fallback: `Papers like "${truncate(paper.title, 200)}": ${titles(similar)}`,
    papers: similar,
    audience: options.audience,
    state: { answer: { kind: 'similar', of: paper.id }, shared: options.shared ?? [] },
    sharedIn: options.sharedIn,
    memory: options.memory,
  });
}

/** A single paper's card (a random pick, an arXiv id or URL). */
export function paperMessage(paper: Paper, options: Omit<PageOptions, 'offset'> & { heading?: string }): Message {
  return cardsMessage({
    heading: options.heading ?? 'Here is that paper:',
    fallback: paper.title,
    papers: [paper],
    audience: options.audience,
    state: { answer: { kind: 'paper', id: paper.id }, shared: options.shared ?? [] },
    sharedIn: options.sharedIn,
    memory: options.memory,
  });
}
