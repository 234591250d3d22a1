import { analyzeWord, isStopWord, wordTokens } from './analyzer.js';
import type { SearchOptions } from './options.js';
import { formatQuery, type ParsedQuery } from './query-parser.js';
import { splitSolid, type Vocabulary } from './query-plan.js';
import { QUERY_FILLER } from './stop-words.js';

/** At most this many candidate queries are tried before giving up. */
const MAX_TRIES = 12;

/** The search options suggestions read. */
export type SuggestOptions = Pick<SearchOptions, 'suggestionMaxEdits' | 'suggestionMinSimilarity' | 'suggestionMinWordsKept' | 'minCompoundPartChars'>;

/**
 * "Did you mean …": a query close to one that found nothing, which does find something.
 * First misspelt words are corrected to the nearest words the corpus uses; then, if needed,
 * constraints are relaxed one at a time, least telling first (exclusions, quotes, `has:code`,
 * `year:`, `author:`), and finally words nothing knows are dropped. `finds` runs a candidate.
 * A suggestion must look like what was typed: each corrected word starts with the same letter
 * and is at least `suggestionMinSimilarity` like the typed one, and more than `suggestionMinWordsKept` of the
 * typed words still there and known; no suggestion beats a wrong one.
 *
 * @example
 * suggestQuery(parseQuery('qantization'), index, finds, defaultSearchOptions); // 'quantization'
 */
export function suggestQuery(query: ParsedQuery, vocabulary: Vocabulary, finds: (query: string) => boolean, options: SuggestOptions): string | null {
  const corrected = correct(query, vocabulary, options);
  const relaxations: ((q: ParsedQuery) => ParsedQuery)[] = [
    (q) => ({ ...q, excluded: [] }),
    (q) => ({ ...q, words: [...q.words, ...q.phrases], phrases: [] }),
    (q) => ({ ...q, hasCode: false }),
    (q) => ({ ...q, years: [] }),
    (q) => ({ ...q, authors: [] }),
    (q) => ({ ...q, words: q.words.filter((w) => knows(w, vocabulary, options)) }),
  ];
  const candidates: ParsedQuery[] = [corrected];
  // Each relaxation alone, then all of them in order: the smallest change that works wins.
  for (const relax of relaxations) candidates.push(relax(corrected));
  relaxations.reduce((q, relax) => {
    const next = relax(q);
    candidates.push(next);
    return next;
  }, corrected);

  const original = formatQuery(query);
  const tried = new Set<string>([original]);
  for (const candidate of candidates) {
    const text = formatQuery(candidate);
    if (!text.trim() || tried.has(text)) continue;
    tried.add(text);
    if (tried.size > MAX_TRIES) break;
    if (keepsMostWords(query, candidate, vocabulary, options) && finds(text)) return text;
  }
  return null;
}

/**
 * The query with its misspelt words corrected (see {@link suggestQuery}), when that changes it
 * and still looks like what was typed; else null. For "Did you mean" when the literal query
 * found something but the corrected one finds far more.
 *
 * @example
 * correctedQuery(parseQuery('langauge modles'), index, options); // 'language models'
 */
export function correctedQuery(query: ParsedQuery, vocabulary: Vocabulary, options: SuggestOptions): string | null {
  const corrected = correct(query, vocabulary, options);
  const text = formatQuery(corrected);
  return text !== formatQuery(query) && keepsMostWords(query, corrected, vocabulary, options) ? text : null;
}

/** The words of a query that ask for something: no stop words, no question filler. */
function contentTokens(query: ParsedQuery): string[] {
  return [...query.words, ...query.phrases].flatMap(wordTokens).filter((token) => {
    const lower = token.toLowerCase();
    return !isStopWord(lower) && !QUERY_FILLER.has(lower);
  });
}

/** True when more than `suggestionMinWordsKept` of the words typed are in the candidate, known to the papers. */
function keepsMostWords(typed: ParsedQuery, candidate: ParsedQuery, vocabulary: Vocabulary, options: SuggestOptions): boolean {
  const wanted = contentTokens(typed).length;
  if (wanted === 0) return true;
  const kept = contentTokens(candidate).filter((token) => knows(token, vocabulary, options)).length;
  return kept / wanted > options.suggestionMinWordsKept;
}

/** The query with every word the corpus does not know replaced by the nearest one it uses. */
function correct(query: ParsedQuery, vocabulary: Vocabulary, options: SuggestOptions): ParsedQuery {
  const fix = (text: string) =>
    wordTokens(text)
      .map((token) => correction(token, vocabulary, options) ?? token.toLowerCase())
      .join(' ');
  return { ...query, words: query.words.map(fix), phrases: query.phrases.map(fix) };
}

function correction(token: string, vocabulary: Vocabulary, options: SuggestOptions): string | null {
  const lower = token.toLowerCase();
  if (isStopWord(lower) || QUERY_FILLER.has(lower) || knows(token, vocabulary, options)) return null;
  const maxEdits = Math.min(options.suggestionMaxEdits, Math.max(1, Math.floor(lower.length / 3)));
  // NOTE: people rarely mistype the first letter; a word that starts otherwise (`unclosed` →
  // `closed`) is another word, not a correction.
  const similar = (c: { word: string; edits: number }) =>
    c.word[0] === lower[0] && 1 - c.edits / Math.max(lower.length, c.word.length) >= options.suggestionMinSimilarity;
  return vocabulary.lexicon.corrections(lower, maxEdits).find(similar)?.word ?? null;
}

/** True when every piece of the text is an index term (or a known compound of them). */
function knows(text: string, vocabulary: Vocabulary, options: SuggestOptions): boolean {
  return wordTokens(text).every((token) => {
    const { surface, pieces } = analyzeWord(token);
    return pieces.every((piece) => vocabulary.has(piece)) || splitSolid(surface, vocabulary, options) !== null;
  });
}
