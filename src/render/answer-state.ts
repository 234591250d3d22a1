import { BLOCK_KIT } from '../config.js';

/**
 * What a message of cards shows, small enough to travel inside Slack's own payloads.
 *
 * NOTE: Slack does not send an ephemeral message's blocks back with a button click, so to show
 * "shared" on the results after a Share we must be able to render them again. The answer (and
 * which cards were shared) rides along in each card's `block_id`; the Share button's value stays
 * a bare paper id, and everything we post is re-read from the corpus.
 */
export type Answer =
  | { kind: 'search'; query: string; offset: number }
  | { kind: 'similar'; of: string }
  | { kind: 'paper'; id: string }
  | { kind: 'abstract'; id: string };

/** A rendered answer and the positions of the cards on it that were shared. */
export interface AnswerState {
  answer: Answer;
  shared: number[];
}

/** An answer as a compact string: `s:<offset>:<query>`, `m:<id>`, `p:<id>`, `a:<id>`. */
export function encodeAnswer(answer: Answer): string {
  switch (answer.kind) {
    case 'search':
      return `s:${answer.offset}:${answer.query}`;
    case 'similar':
      return `m:${answer.of}`;
    case 'paper':
      return `p:${answer.id}`;
    case 'abstract':
      return `a:${answer.id}`;
  }
}

/** The inverse of {@link encodeAnswer}; `null` for anything else (old or forged payloads). */
export function decodeAnswer(encoded: string): Answer | null {
  const kind = encoded.slice(0, 2);
  const rest = encoded.slice(2);
  if (kind === 's:') {
    const match = rest.match(/^(\d{1,6}):([\s\S]*)$/);
    return match && match[2]!.trim() ? { kind: 'search', offset: Number(match[1]), query: match[2]! } : null;
  }
  if (!rest) return null;
  if (kind === 'm:') return { kind: 'similar', of: rest };
  if (kind === 'p:') return { kind: 'paper', id: rest };
  if (kind === 'a:') return { kind: 'abstract', id: rest };
  return null;
}

/**
 * The `block_id` of the card at `index`: `c<index>|<shared bits>|<answer>`, or just `c<index>`
 * when the answer is too long to fit (a very long query), in which case Share still works but the
 * results are not redrawn.
 */
export function cardBlockId(index: number, state: AnswerState): string {
  const bits = state.shared.reduce((mask, i) => mask | (1 << i), 0).toString(36);
  const full = `c${index}|${bits}|${encodeAnswer(state.answer)}`;
  return full.length <= BLOCK_KIT.id ? full : `c${index}`;
}

/** Reads a card's `block_id` back: its position and, when it carried one, the page state. */
export function parseCardBlockId(blockId: string | undefined): { index: number; state: AnswerState | null } | null {
  const match = blockId?.match(/^c(\d{1,2})(?:\|([0-9a-z]{1,8})\|([\s\S]+))?$/);
  if (!match) return null;
  const index = Number(match[1]);
  const answer = match[3] ? decodeAnswer(match[3]) : null;
  if (!answer) return { index, state: null };
  const mask = parseInt(match[2]!, 36);
  const shared = Array.from({ length: 31 }, (_, i) => i).filter((i) => mask & (1 << i));
  return { index, state: { answer, shared } };
}

/** An answer as a button value, or `null` when it would not fit. */
export function answerValue(answer: Answer): string | null {
  const value = encodeAnswer(answer);
  return value.length <= BLOCK_KIT.buttonValue ? value : null;
}
