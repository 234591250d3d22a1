import { describe, expect, it } from 'vitest';
import { cardBlockId, decodeAnswer, encodeAnswer, parseCardBlockId, answerValue, type Answer } from '../../src/render/answer-state.js';

describe('answer state', () => {
  const answers: Answer[] = [
    { kind: 'search', query: 'author:vaswani "attention is" -rnn year:2017', offset: 10 },
    { kind: 'search', query: 'a:b:c', offset: 0 },
    { kind: 'similar', of: '2308.16582' },
    { kind: 'paper', id: 'understanding-the-impact-of-post-training-quantization-on' },
    { kind: 'abstract', id: '2308.16582' },
  ];

  it('round-trips every kind of view', () => {
    for (const view of answers) expect(decodeAnswer(encodeAnswer(view))).toEqual(view);
  });

  it('rejects anything else', () => {
    for (const forged of ['', 'x:1', 's:', 's:abc:q', 's:5:', 'm:', 'p:', '{"kind":"search"}']) expect(decodeAnswer(forged)).toBeNull();
  });

  it("carries the page and which cards were shared in each card's block_id", () => {
    const state = { answer: answers[0]!, shared: [1, 3] };
    const id = cardBlockId(2, state);
    expect(id.length).toBeLessThanOrEqual(255);
    expect(parseCardBlockId(id)).toEqual({ index: 2, state });
    expect(cardBlockId(0, state)).not.toBe(id);
  });

  it('falls back to a bare position when the answer is too long for a block_id', () => {
    const id = cardBlockId(4, { answer: { kind: 'search', query: 'x'.repeat(300), offset: 0 }, shared: [] });
    expect(id).toBe('c4');
    expect(parseCardBlockId(id)).toEqual({ index: 4, state: null });
  });

  it('ignores block_ids it did not make', () => {
    expect(parseCardBlockId('=qXel')).toBeNull();
    expect(parseCardBlockId(undefined)).toBeNull();
    expect(parseCardBlockId('c1|zz|q:nonsense')).toEqual({ index: 1, state: null });
  });

  it('puts answers in button values only when they fit', () => {
    expect(answerValue(answers[0]!)).toBe(encodeAnswer(answers[0]!));
    expect(answerValue({ kind: 'search', query: 'x'.repeat(2100), offset: 0 })).toBeNull();
  });
});
