/** Words whose trailing period does not end a sentence. */
const ABBREVIATIONS = new Set([
  'e.g',
  'i.e',
  'al',
  'etc',
  'vs',
  'cf',
  'fig',
  'figs',
  'eq',
  'eqs',
  'sec',
  'no',
  'approx',
  'resp',
  'ie',
  'eg',
  'dr',
  'mr',
  'ms',
  'st',
]);

/**
 * Splits prose into sentences at `.`, `!` or `?` followed by space and a capital, a digit or an
 * opening bracket, keeping abbreviations (`e.g.`, `et al.`) and decimals (`2.4×`) inside.
 */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  const boundary = /([.!?])["')\]]?\s+(?=[A-Z0-9("'[])/g;
  let start = 0;
  for (const match of text.matchAll(boundary)) {
    const end = match.index + match[0].length;
    const before = text.slice(start, match.index + 1);
    const lastWord = /([A-Za-z.]+)\.$/.exec(before)?.[1]?.toLowerCase() ?? '';
    if (ABBREVIATIONS.has(lastWord) || /(^|\s)[A-Z]\.$/.test(before)) continue;
    sentences.push(text.slice(start, end).trim());
    start = end;
  }
  const rest = text.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences;
}
