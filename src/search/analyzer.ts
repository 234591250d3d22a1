import { stemmer } from 'stemmer';
import { inflectionStem } from './inflection.js';
import { STOP_WORDS } from './stop-words.js';

/**
 * Text analysis shared by indexing and querying, so that both sides always agree on what a
 * word becomes: folded (accents, case), split into pieces at hyphens and camelCase, stop words
 * dropped, stemmed. Index terms carry inflection stems (Porter step 1); the full Porter stem
 * ({@link family}) groups a word with its derivational relatives.
 */

/** One word as the index sees it. */
export interface WordAnalysis {
  /** The word lowercased, hyphens kept: what a person would type. */
  surface: string;
  /** Stems of its pieces, stop words dropped: `long-context` → `long`, `context`. */
  pieces: readonly string[];
  /**
   * The pieces written solid, stemmed: `long-context` and `LongLoRA` → `longcontext`,
   * `longlora`; `pre-training` → `pretrain`, the stem of `pretraining`. Empty for plain words.
   */
  joins: readonly string[];
}

const HYPHENS = /[-\u2010\u2011]/;
/** A word: letters and digits, with inner hyphens (`long-context`, `GPT-4`). */
const WORD = /[\p{L}\p{N}]+(?:[-\u2010\u2011][\p{L}\p{N}]+)*/gu;
const POSSESSIVE = /['\u2019]s\b/gi;
const ALPHA = /^[a-z]+$/;
const MIN_STEM_CHARS = 3;
/** camelCase pieces shorter than this stay glued: `LoRA`, `eDKM` and `looK` are not compounds. */
const MIN_CAMEL_PIECE = 3;
const CACHE_LIMIT = 200_000;
const ASCII = /^[\x00-\x7f]*$/;

/** Accents and compatibility forms folded away: `Uznański` → `Uznanski`, `ﬁ` → `fi`. */
export function foldText(text: string): string {
  // NFKD is costly and most abstracts are ASCII: they skip it.
  return ASCII.test(text) ? text : text.normalize('NFKD').replace(/\p{M}/gu, '');
}

/** {@link WORD} for ASCII text: the same tokens, several times faster than Unicode classes. */
const ASCII_WORD = /[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*/g;

/** The words of a text as written (case kept for camelCase), possessives dropped. */
export function wordTokens(text: string): string[] {
  const ascii = ASCII.test(text);
  let folded = ascii ? text : foldText(text);
  if (folded.includes("'") || folded.includes('\u2019')) folded = folded.replace(POSSESSIVE, '');
  return folded.match(ascii ? ASCII_WORD : WORD) ?? [];
}

const stemCache = new Map<string, string>();

/**
 * The index term of a lowercase word: its inflection stem (`models` → `model`, `trained` →
 * `train`); numbers, mixed tokens and very short words stay as they are.
 */
export function stem(word: string): string {
  if (word.length < MIN_STEM_CHARS || !ALPHA.test(word)) return word;
  let stemmed = stemCache.get(word);
  if (stemmed === undefined) {
    if (stemCache.size >= CACHE_LIMIT) stemCache.clear();
    stemmed = inflectionStem(word);
    stemCache.set(word, stemmed);
  }
  return stemmed;
}

/**
 * The family of an index term: its full Porter stem (`generalization`, `generalize` →
 * `gener`, shared with `generation`). Words of one family are relatives, matched at a lower weight.
 */
export function family(term: string): string {
  if (term.length < MIN_STEM_CHARS || !ALPHA.test(term)) return term;
  let porter = familyCache.get(term);
  if (porter === undefined) {
    if (familyCache.size >= CACHE_LIMIT) familyCache.clear();
    porter = stemmer(term);
    familyCache.set(term, porter);
  }
  return porter;
}

const familyCache = new Map<string, string>();

export function isStopWord(lowercaseWord: string): boolean {
  return STOP_WORDS.has(lowercaseWord);
}

/**
 * Splits at lowercase→uppercase boundaries (`LongWriter` → `Long`, `Writer`) but glues back
 * pieces too short to be words, so acronyms with lowercase letters stay whole.
 */
export function camelPieces(part: string): string[] {
  const raw = part.split(/(?<=\p{Ll})(?=\p{Lu})/u);
  if (raw.length === 1) return raw;
  const merged: string[] = [];
  let carry = '';
  for (const piece of raw) {
    const candidate = carry + piece;
    if (candidate.length < MIN_CAMEL_PIECE) carry = candidate;
    else {
      merged.push(candidate);
      carry = '';
    }
  }
  if (carry) {
    if (merged.length > 0) merged[merged.length - 1] += carry;
    else merged.push(carry);
  }
  return merged;
}

const wordCache = new Map<string, WordAnalysis>();

/**
 * Analyses one token from {@link wordTokens}.
 *
 * @example
 * analyzeWord('Long-Context'); // { surface: 'long-context', pieces: ['long', 'context'], joins: ['longcontext'] }
 */
export function analyzeWord(token: string): WordAnalysis {
  let analysis = wordCache.get(token);
  if (analysis === undefined) {
    if (wordCache.size >= CACHE_LIMIT) wordCache.clear();
    analysis = analyze(token);
    wordCache.set(token, analysis);
  }
  return analysis;
}

function analyze(token: string): WordAnalysis {
  const parts = token.split(HYPHENS);
  const pieces: string[] = [];
  const joins: string[] = [];
  let rawPieceCount = 0;
  for (const part of parts) {
    const camel = camelPieces(part);
    rawPieceCount += camel.length;
    if (camel.length > 1 && parts.length > 1) joins.push(stem(part.toLowerCase()));
    for (const piece of camel) {
      const lower = piece.toLowerCase();
      if (lower.length > 1 && !STOP_WORDS.has(lower)) pieces.push(stem(lower));
    }
  }
  if (rawPieceCount > 1) joins.unshift(stem(parts.join('').toLowerCase()));
  return { surface: token.toLowerCase(), pieces: unique(pieces), joins: unique(joins).filter((j) => !pieces.includes(j)) };
}

function unique(items: string[]): string[] {
  return items.length < 2 ? items : [...new Set(items)];
}

/** Every index term of a text, in order, repeated as often as they occur (term frequency counts). */
export function textTerms(text: string): string[] {
  const terms: string[] = [];
  for (const token of wordTokens(text)) {
    const { pieces, joins } = analyzeWord(token);
    for (const piece of pieces) terms.push(piece);
    for (const join of joins) terms.push(join);
  }
  return terms;
}

/**
 * Terms of a person's name: folded and lowercased, hyphenated names both split and solid
 * (`Chun-Liang` → `chun`, `liang`, `chunliang`), initials dropped, never stemmed.
 */
export function nameTerms(name: string): string[] {
  const terms: string[] = [];
  for (const token of foldText(name).toLowerCase().match(WORD) ?? []) {
    const parts = token.split(HYPHENS).filter((part) => part.length > 1);
    terms.push(...parts);
    if (parts.length > 1) terms.push(parts.join(''));
  }
  return terms;
}
