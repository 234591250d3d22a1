import { parseArxivRef } from '../corpus/arxiv.js';
import { defaultSearchOptions, type SearchOptions } from './options.js';

/** Inclusive range of years; `year:2024` is 2024–2024. */
export interface YearRange {
  from: number;
  to: number;
}

/** A query's syntax taken apart; the words are still as typed. */
export interface ParsedQuery {
  /** Free words, in order. */
  words: string[];
  /** `"quoted phrases"`. */
  phrases: string[];
  /** `-word`, `-"a phrase"`. */
  excluded: string[];
  /** `author:name`, `author:"first last"`. */
  authors: string[];
  /** `year:2024`, `year:2023-2024`, `year:>=2023`. */
  years: YearRange[];
  /** `has:code`. */
  hasCode: boolean;
  /** arXiv ids named by id or by arXiv / Hugging Face URL. */
  refs: string[];
}

const MIN_YEAR = 1900;
const MAX_YEAR = 2999;
/**
 * A `year:` that cannot be read (`year:24`, `year:2024-2023`) matches nothing, so the answer is
 * "no papers" with a suggestion that drops it, rather than every year as if it were not there.
 * It writes back as `year:3000`, which again cannot be read.
 */
const UNREADABLE_YEAR: YearRange = { from: MAX_YEAR + 1, to: MAX_YEAR + 1 };

/** `-`, a `field:` (a filter's may be followed by a space: `author: liu`), then a quoted string or a bare word. */
const PART = /(-)?(?:(author|year|has):\s*(?=\S)|([a-z]+):)?(?:"([^"]*)"?|(\S+))/gi;

/** Slack's markup around what a person typed: links, mentions, emphasis, smart quotes. */
function unwrapSlack(text: string): string {
  return text
    .replace(/<([^<>|]+)\|[^<>]*>/g, ' $1 ')
    .replace(/<[@#!][^<>]*>/g, ' ')
    .replace(/<([^<>]+)>/g, ' $1 ')
    .replace(/[\u201c\u201d\u201e\u201f\u00ab\u00bb]/g, '"')
    .replace(/(^|\s)[*_~`]+|[*_~`]+(?=\s|$)/g, '$1');
}

function parseYears(value: string): YearRange | null {
  const valid = (year: number) => year >= MIN_YEAR && year <= MAX_YEAR;
  let match = /^(\d{4})$/.exec(value);
  if (match) return valid(Number(match[1])) ? { from: Number(match[1]), to: Number(match[1]) } : null;
  match = /^(\d{4})(?:-|\.\.)(\d{4})?$/.exec(value);
  if (match) {
    const from = Number(match[1]);
    const to = match[2] ? Number(match[2]) : MAX_YEAR;
    return valid(from) && to >= from ? { from, to } : null;
  }
  match = /^(>=?|<=?)(\d{4})$/.exec(value);
  if (!match) return null;
  const year = Number(match[2]);
  if (!valid(year)) return null;
  switch (match[1]) {
    case '>':
      return { from: year + 1, to: MAX_YEAR };
    case '>=':
      return { from: year, to: MAX_YEAR };
    case '<':
      return { from: MIN_YEAR, to: year - 1 };
    default:
      return { from: MIN_YEAR, to: year };
  }
}

/**
 * Takes a query apart: phrases, exclusions, `author:`, `year:`, `has:code` and arXiv references;
 * everything else is a free word. Never throws; what it cannot read it treats as words. A query
 * longer than `options.maxQueryChars` is cut first.
 *
 * @example
 * parseQuery('"long context" -survey author:liu year:2024 has:code rope');
 * // { words: ['rope'], phrases: ['long context'], excluded: ['survey'], authors: ['liu'],
 * //   years: [{ from: 2024, to: 2024 }], hasCode: true, refs: [] }
 */
export function parseQuery(query: string, options: Pick<SearchOptions, 'maxQueryChars'> = defaultSearchOptions): ParsedQuery {
  const parsed: ParsedQuery = { words: [], phrases: [], excluded: [], authors: [], years: [], hasCode: false, refs: [] };
  const text = unwrapSlack(query.slice(0, options.maxQueryChars));
  for (const match of text.matchAll(PART)) {
    const [whole, minus, filterField, otherField, quoted, bare] = match;
    const rawField = filterField ?? otherField;
    const value = (quoted ?? bare ?? '').trim();
    const field = rawField?.toLowerCase();
    const ref = parseArxivRef(whole.replace(/^-/, '')) ?? (quoted === undefined ? parseArxivRef(value) : null);
    if (ref && !minus) {
      parsed.refs.push(ref);
      continue;
    }
    // Other links say nothing about a topic.
    if (field === 'http' || field === 'https' || /^(?:www\.|https?:)/i.test(value)) continue;
    if (field === 'author' || field === 'year' || field === 'has') {
      // NOTE: `-author:x` and friends are not supported; they are dropped rather than inverted.
      if (!minus && value) addFilter(parsed, field, value);
      continue;
    }
    const content = field ? `${rawField} ${value}` : value;
    if (!/[\p{L}\p{N}]/u.test(content)) continue;
    if (minus) parsed.excluded.push(content);
    else if (quoted !== undefined && !field) parsed.phrases.push(content);
    else parsed.words.push(content);
  }
  return parsed;
}

function addFilter(parsed: ParsedQuery, field: 'author' | 'year' | 'has', value: string): void {
  if (field === 'author') parsed.authors.push(value);
  else if (field === 'has') parsed.hasCode ||= value.toLowerCase() === 'code';
  else {
    parsed.years.push(parseYears(value) ?? UNREADABLE_YEAR);
  }
}

/**
 * Writes a parsed query back as text that parses to the same thing; suggestions are built
 * this way.
 */
export function formatQuery(query: ParsedQuery): string {
  const quote = (text: string) => (/\s/.test(text) ? `"${text}"` : text);
  const year = ({ from, to }: YearRange) => (from === to ? `${from}` : to === MAX_YEAR ? `>=${from}` : from === MIN_YEAR ? `<=${to}` : `${from}-${to}`);
  return [
    ...query.words,
    ...query.phrases.map((p) => `"${p}"`),
    ...query.excluded.map((e) => `-${quote(e)}`),
    ...query.authors.map((a) => `author:${quote(a)}`),
    ...query.years.map((y) => `year:${year(y)}`),
    ...(query.hasCode ? ['has:code'] : []),
    ...query.refs,
  ].join(' ');
}

/** True when the query asks for nothing (no words, phrases, filters or references). */
export function isEmptyQuery(query: ParsedQuery): boolean {
  return (
    query.words.length === 0 &&
    query.phrases.length === 0 &&
    query.authors.length === 0 &&
    query.years.length === 0 &&
    !query.hasCode &&
    query.refs.length === 0
  );
}
