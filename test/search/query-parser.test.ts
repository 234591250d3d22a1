import { describe, expect, it } from 'vitest';
import { SEARCH } from '../../src/config.js';
import { formatQuery, isEmptyQuery, parseQuery } from '../../src/search/query-parser.js';

describe('parseQuery', () => {
  it('takes the syntax apart', () => {
    expect(parseQuery('"long context" -survey author:liu year:2024 has:code rope')).toEqual({
      words: ['rope'],
      phrases: ['long context'],
      excluded: ['survey'],
      authors: ['liu'],
      years: [{ from: 2024, to: 2024 }],
      hasCode: true,
      refs: [],
    });
  });

  it('reads quoted authors, excluded phrases and year ranges', () => {
    const parsed = parseQuery('author:"Samyam Rajbhandari" -"long context" year:2023-2024 year:>=2020 year:<2019');
    expect(parsed.authors).toEqual(['Samyam Rajbhandari']);
    expect(parsed.excluded).toEqual(['long context']);
    expect(parsed.years).toEqual([
      { from: 2023, to: 2024 },
      { from: 2020, to: 2999 },
      { from: 1900, to: 2018 },
    ]);
  });

  it('finds arXiv ids and arXiv / Hugging Face URLs, any version', () => {
    expect(parseQuery('https://arxiv.org/pdf/2308.16582v2 and arXiv:2309.12307 https://huggingface.co/papers/2401.06951').refs).toEqual([
      '2308.16582',
      '2309.12307',
      '2401.06951',
    ]);
  });

  it('unwraps Slack markup: links, mentions, emphasis, smart quotes', () => {
    const parsed = parseQuery('<@U123> *anything* on “long context”? <https://arxiv.org/abs/2308.16582|this one>');
    expect(parsed.words).toEqual(['anything', 'on']);
    expect(parsed.phrases).toEqual(['long context']);
    expect(parsed.refs).toEqual(['2308.16582']);
  });

  it('drops other links and filters it cannot use, and keeps unknown fields as words', () => {
    const parsed = parseQuery('see https://github.com/x/y has:video -author:liu re:rope');
    expect(parsed).toMatchObject({ words: ['see', 're rope'], years: [], hasCode: false, authors: [], excluded: [] });
  });

  it('makes an unreadable year match nothing instead of every year, and writes it back unreadable', () => {
    for (const year of ['soon', '24', '2024-2023']) {
      const parsed = parseQuery(`diffusion year:${year}`);
      expect(parsed.years).toHaveLength(1);
      expect(parseQuery(formatQuery(parsed))).toEqual(parsed);
    }
  });

  it('reads a filter with a space after its colon', () => {
    expect(parseQuery('author: liu long context year: 2024')).toMatchObject({
      words: ['long', 'context'],
      authors: ['liu'],
      years: [{ from: 2024, to: 2024 }],
    });
  });

  it('never throws and caps what it reads', () => {
    expect(() => parseQuery('"unterminated -" - -- author: year: ::: """')).not.toThrow();
    const long = parseQuery('word '.repeat(20_000));
    expect(long.words.join(' ').length).toBeLessThanOrEqual(SEARCH.maxQueryChars);
  });

  it('knows an empty query', () => {
    expect(isEmptyQuery(parseQuery('   '))).toBe(true);
    expect(isEmptyQuery(parseQuery('-survey'))).toBe(true);
    expect(isEmptyQuery(parseQuery('has:code'))).toBe(false);
  });
});

describe('formatQuery', () => {
  it('writes back a query that parses to the same thing', () => {
    for (const query of ['"long context" -survey author:"samyam rajbhandari" year:2023-2024 has:code rope', 'x year:>=2020 year:<=2019 -"a b"']) {
      const parsed = parseQuery(query);
      expect(parseQuery(formatQuery(parsed))).toEqual(parsed);
    }
  });
});
