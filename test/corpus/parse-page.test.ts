import { describe, expect, it } from 'vitest';
import { IngestError } from '../../src/corpus/ingest-error.js';
import { parsePapersPage } from '../../src/corpus/parse-page.js';
import { pageText } from '../support/corpus-fixtures.js';

const ABSTRACT = 'We propose a method that does a useful thing for language models. It works well on many benchmarks and datasets, as our experiments show.';
const TWO_PAPERS = `First Paper Title\n\n${ABSTRACT}\n\nSecond Paper Title\n\n${ABSTRACT.replace('useful', 'other')}\n`;

function parseError(content: string): IngestError {
  try {
    parsePapersPage(content, 'page.txt');
  } catch (error) {
    if (error instanceof IngestError) return error;
    throw error;
  }
  throw new Error('expected an IngestError');
}

describe('parsePapersPage on the real page', () => {
  const entries = parsePapersPage(pageText(), 'hf-papers-page.txt');

  it('finds all 99 papers and skips the page chrome', () => {
    expect(entries).toHaveLength(99);
    expect(entries[0]!.title).toBe('Any-Size-Diffusion: Toward Efficient Text-Driven Synthesis for Any-Size HD Images');
    expect(entries[0]!.line).toBe(11);
    const titles = entries.map((e) => e.title);
    for (const chrome of ['new', 'Subscribe', 'Mar 14', 'byAK and the research community']) expect(titles).not.toContain(chrome);
  });

  it('keeps the two "second look" papers as two papers', () => {
    const secondLook = entries.filter((e) => /second look/i.test(e.title));
    expect(secondLook).toHaveLength(2);
    expect(secondLook[0]!.abstract).not.toBe(secondLook[1]!.abstract);
  });

  it('pairs every title with a long abstract', () => {
    for (const entry of entries) {
      expect(entry.title.length).toBeLessThan(300);
      expect(entry.abstract.length).toBeGreaterThan(entry.title.length);
    }
  });

  it('gives the same papers with CRLF, trailing spaces and extra blank lines', () => {
    const messy = pageText()
      .replace(/\n/g, '  \r\n')
      .replace(/\r\n {2}\r\n/g, '\r\n\r\n\r\n   \r\n');
    expect(parsePapersPage(messy, 'messy.txt').map(({ title, abstract }) => ({ title, abstract }))).toEqual(
      entries.map(({ title, abstract }) => ({ title, abstract })),
    );
  });
});

describe('parsePapersPage on broken input', () => {
  it('names the line of a title with no abstract', () => {
    const broken = TWO_PAPERS.replace(`${ABSTRACT}\n\n`, '');
    const error = parseError(broken);
    expect(error.line).toBe(1);
    expect(error.message).toMatch(/page\.txt:1: .*First Paper Title.*no abstract/);
  });

  it('quotes a long title cut at a word, with an ellipsis to show it is cut', () => {
    const [title, , ...rest] = pageText().split('\n\n').slice(5);
    const error = parseError([title, ...rest].join('\n\n'));
    expect(title).toBe('Any-Size-Diffusion: Toward Efficient Text-Driven Synthesis for Any-Size HD Images');
    expect(error.message).toBe('page.txt:1: title "Any-Size-Diffusion: Toward Efficient Text-Driven Synthesis for Any-Size HD…" has no abstract');
  });

  it('quotes a short title whole', () => {
    expect(parseError(TWO_PAPERS.replace(`${ABSTRACT}\n\n`, '')).message).toBe('page.txt:1: title "First Paper Title" has no abstract');
  });

  it('names the line of a trailing title with no abstract', () => {
    const error = parseError(`${TWO_PAPERS}\nA Third Title\n`);
    expect(error.line).toBe(9);
  });

  it('names the line of an abstract with no title above it', () => {
    const error = parseError(TWO_PAPERS.replace('Second Paper Title\n\n', ''));
    expect(error.line).toBe(5);
    expect(error.message).toMatch(/abstract where a title was expected/);
  });

  it('refuses an empty file and a file of chrome only', () => {
    expect(parseError('').message).toMatch(/no papers found/);
    expect(parseError('new\n\nSubscribe\n\nMar 14\n').message).toMatch(/no papers found/);
  });

  it('refuses binary content', () => {
    expect(parseError('PK\u0003\u0004\u0000\u0000junk').message).toMatch(/not a text file/);
  });
});
