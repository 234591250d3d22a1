import { describe, expect, it } from 'vitest';
import { SEARCH } from '../../src/config.js';
import { stem } from '../../src/search/analyzer.js';
import { PaperIndex } from '../../src/search/paper-index.js';
import { parseQuery } from '../../src/search/query-parser.js';
import { planQuery } from '../../src/search/query-plan.js';
import { papers } from './real-corpus.js';

const index = PaperIndex.build(papers);
const plan = (query: string) => planQuery(parseQuery(query), index);

describe('planQuery', () => {
  it('drops question filler and stop words', () => {
    expect(plan('anything on quantization?').clauses.map((c) => c.word)).toEqual(['quantization']);
    expect(plan('what papers talk about long context?').clauses.map((c) => c.word)).toEqual(['long', 'context']);
  });

  it('keeps filler when nothing else is left', () => {
    expect(plan('papers').clauses.map((c) => c.word)).toEqual(['papers']);
  });

  it('plans the three spellings of a compound the same way', () => {
    const hyphen = plan('long-context').clauses;
    expect(hyphen.map((c) => c.word)).toEqual(['long', 'context']);
    expect(plan('long context').clauses).toEqual(hyphen);
    expect(plan('longcontext').clauses).toEqual(hyphen);
  });

  it('lets either a word or its acronym match', () => {
    const terms = plan('retrieval augmented generation').clauses.map((c) => c.anyOf.map((t) => t.term));
    for (const clause of terms) expect(clause).toContain('rag');
  });

  it('corrects only words the index does not know', () => {
    const [typo] = plan('langauge').clauses;
    expect(typo!.anyOf.map((t) => t.term)).toContain('language');
    const [known] = plan('language').clauses;
    expect(known!.anyOf.map((t) => t.term)).toEqual(['language']);
  });

  it('matches derivational relatives separately', () => {
    const [clause] = plan('quantization').clauses;
    expect(clause!.related.map((t) => t.term)).toContain('quantize');
    expect(clause!.related.every((t) => t.weight < 1)).toBe(true);
  });

  it('completes the last word only when the index does not know it', () => {
    expect(plan('quantiz').clauses[0]!.anyOf.map((t) => t.term)).toContain('quantization');
    expect(plan('long').clauses[0]!.anyOf.map((t) => t.term)).toEqual(['long']);
  });

  it('caps the number of clauses', () => {
    const words = [...new Set(papers.flatMap((p) => p.abstract.toLowerCase().match(/[a-z]{6,}/g) ?? []))].slice(0, 200);
    expect(words.length).toBe(200);
    const clauses = plan(words.join(' ')).clauses.length;
    expect(clauses).toBeLessThanOrEqual(SEARCH.maxQueryTerms);
    expect(clauses).toBeGreaterThan(SEARCH.maxQueryTerms / 2);
  });

  it('merges a word typed twice', () => {
    expect(plan('model models').clauses).toHaveLength(1);
  });

  it('turns the syntax into filters', () => {
    const p = plan('"scaling law" -survey -"long context" author:"Haoran Que" year:2024 has:code');
    expect(p.phrases.map((x) => x.terms)).toEqual([[stem('scaling'), stem('law')]]);
    expect(p.excludedTerms).toEqual([stem('survey')]);
    expect(p.excludedPhrases.map((x) => x.terms)).toEqual([['long', 'context']]);
    expect(p.authors).toEqual([['haoran', 'que']]);
    expect(p).toMatchObject({ years: [{ from: 2024, to: 2024 }], hasCode: true });
  });
});
