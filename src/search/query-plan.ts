import type { AcronymTable } from './acronyms.js';
import type { WeightedTerm } from './bm25f.js';
import { analyzeWord, isStopWord, nameTerms, stem, wordTokens } from './analyzer.js';
import type { Lexicon } from './lexicon.js';
import { defaultSearchOptions, type SearchOptions } from './options.js';
import type { ParsedQuery, YearRange } from './query-parser.js';
import { QUERY_FILLER } from './stop-words.js';
import { domainThesaurus } from './thesaurus.js';

/**
 * One thing the user asked for. A paper matches it through any of its variants (`long` as
 * `long` or as the solid `longcontext`, `retrieval` as `rag`, a typo as its corrections, an
 * unfinished word as its completions), scored together as one term; or, for phrases, by
 * holding all of a set of terms.
 */
export interface Clause {
  /** What the user typed for it. */
  readonly word: string;
  readonly anyOf: readonly WeightedTerm[];
  /**
   * Derivational relatives (`quantization` for `quantize`), scored together as one term of
   * their own, at a lower weight: a paper that only has `generation` is a weak match for
   * `generalization`.
   */
  readonly related: readonly WeightedTerm[];
  /** Term sets that also match when every term is present, scored as the sum of their terms times the set's weight. */
  readonly allOf: readonly TermSet[];
}

/** Terms that match together (all present), at a weight. */
export interface TermSet {
  readonly terms: readonly string[];
  readonly weight: number;
}

/** A quoted phrase: its words must all be in a paper, one after the other (stop words aside). */
export interface Phrase {
  readonly text: string;
  /** Index terms of its words in order, repeats kept: `"model to model"` → `model`, `model`. */
  readonly terms: readonly string[];
  readonly clause: Clause;
}

export interface QueryPlan {
  /** Optional clauses: the more a paper matches, the higher it ranks. */
  readonly clauses: readonly Clause[];
  /** Required, and scored like clauses. */
  readonly phrases: readonly Phrase[];
  /** Papers holding any of these terms are dropped. */
  readonly excludedTerms: readonly string[];
  readonly excludedPhrases: readonly Phrase[];
  /** Name terms of each `author:` filter; a paper must match every filter. */
  readonly authors: readonly (readonly string[])[];
  readonly years: readonly YearRange[];
  readonly hasCode: boolean;
}

/** What planning needs to know about the index. */
export interface Vocabulary {
  has(term: string): boolean;
  termsWithPrefix(prefix: string, limit: number): string[];
  readonly lexicon: Lexicon;
  readonly acronyms: AcronymTable;
}

/** The search options planning reads. */
export type PlanOptions = Pick<SearchOptions, 'maxQueryTerms' | 'minCompoundPartChars' | 'fuzzy' | 'prefix' | 'related' | 'synonymWeight'>;

interface Word {
  token: string;
  /** Position among all the words typed, to know which are neighbours. */
  position: number;
  lower: string;
}

/** A clause under construction: its variants grow as compounds and acronyms are found. */
interface Draft {
  word: string;
  /** The stem it stands for, for acronym spans. */
  stem: string;
  /** The terms the user meant (the stem, or its corrections), whose relatives also match. */
  roots: string[];
  anyOf: WeightedTerm[];
  allOf: TermSet[];
}

const ALPHA = /^[a-z]+$/;

/**
 * Turns a parsed query into what ranking executes: free words become clauses with their
 * variants (compounds, acronyms, typo corrections, prefix completions), filler words of
 * questions are dropped, and the number of clauses is capped (`options.maxQueryTerms`).
 *
 * @example
 * planQuery(parseQuery('anything on long-context?'), index, options).clauses.map((c) => c.word); // ['long', 'context']
 */
export function planQuery(query: ParsedQuery, vocabulary: Vocabulary, options: PlanOptions = defaultSearchOptions): QueryPlan {
  return {
    clauses: planWords(query.words, vocabulary, options),
    // NOTE: a phrase of stop words only (`"the"`) asks for nothing and is left out.
    phrases: query.phrases.map(planPhrase).filter((p) => p.terms.length > 0),
    excludedTerms: query.excluded.filter((e) => singleTerm(e) !== null).map((e) => singleTerm(e)!),
    excludedPhrases: query.excluded
      .filter((e) => singleTerm(e) === null)
      .map(planPhrase)
      .filter((p) => p.terms.length > 0),
    authors: query.authors.map(nameTerms).filter((terms) => terms.length > 0),
    years: query.years,
    hasCode: query.hasCode,
  };
}

function planWords(rawWords: readonly string[], vocabulary: Vocabulary, options: PlanOptions): Clause[] {
  const words: Word[] = rawWords.flatMap((raw) => wordTokens(raw)).map((token, position) => ({ token, position, lower: token.toLowerCase() }));
  const content = contentWords(words).slice(0, options.maxQueryTerms);
  const drafts: Draft[][] = content.map((word) => draftsFor(word, vocabulary, options));
  const last = content.length - 1;
  if (last >= 0 && content[last]!.position === words.length - 1) addPrefixes(content[last]!, drafts[last]!, vocabulary, options.prefix);
  addNeighbourJoins(content, drafts, vocabulary);
  const flat = drafts.flat();
  for (const span of vocabulary.acronyms.spans(flat.map((d) => d.stem))) {
    for (let i = span.start; i < span.end; i++) flat[i]!.anyOf.push({ term: span.term, weight: 1 });
  }
  // NOTE: the thesaurus adds variants at `synonymWeight`, below the word itself: a paper that says
  // `smartphone` matches `phone`, but not as well as one that says `phone`.
  if (options.synonymWeight > 0) {
    for (const { start, anyOf, allOf } of domainThesaurus.expand(
      flat.map((d) => d.stem),
      options.synonymWeight,
    )) {
      anyOf.forEach((terms, j) => flat[start + j]!.anyOf.push(...terms));
      for (const terms of allOf) flat[start]!.allOf.push({ terms, weight: options.synonymWeight });
    }
  }
  return dedupe(flat, vocabulary.lexicon, options.related).slice(0, options.maxQueryTerms);
}

/** Drops stop words, and question filler unless nothing else is left. */
function contentWords(words: Word[]): Word[] {
  const meaningful = words.filter((w) => !isStopWord(w.lower) && !QUERY_FILLER.has(w.lower));
  return meaningful.length > 0 ? meaningful : words.filter((w) => !isStopWord(w.lower));
}

function draftsFor(word: Word, vocabulary: Vocabulary, options: PlanOptions): Draft[] {
  const { surface, pieces, joins } = analyzeWord(word.token);
  const joined = joins.map((term) => ({ term, weight: 1 }));
  if (pieces.length > 1) return pieces.map((piece) => draft(piece, piece, [{ term: piece, weight: 1 }, ...joined]));
  const [only] = pieces;
  if (only === undefined) return [];
  const knownPieces = vocabulary.lexicon.piecesOf(only);
  if (knownPieces && knownPieces.length > 1) {
    // Written solid, known written apart: `longcontext` asks for `long` + `context` too.
    return knownPieces.map((piece) => draft(piece, piece, [{ term: piece, weight: 1 }, { term: only, weight: 1 }, ...joined]));
  }
  if (vocabulary.has(only)) return [draft(surface, only, [{ term: only, weight: 1 }, ...joined])];
  const split = splitSolid(surface, vocabulary, options);
  if (split) return split.map((piece) => draft(piece, piece, [{ term: piece, weight: 1 }]));
  const unknown = draft(surface, only, [{ term: only, weight: 1 }]);
  addCorrections(surface, unknown, vocabulary, options.fuzzy);
  return [unknown];
}

function draft(word: string, stemmed: string, anyOf: WeightedTerm[]): Draft {
  return { word, stem: stemmed, roots: [stemmed], anyOf, allOf: [] };
}

/**
 * An unknown solid word made of two words the papers use (`longcontext`), split where both
 * halves are most common, each at least `options.minCompoundPartChars` long; as index terms.
 */
export function splitSolid(surface: string, vocabulary: Vocabulary, options: Pick<SearchOptions, 'minCompoundPartChars'>): string[] | null {
  const min = options.minCompoundPartChars;
  if (!ALPHA.test(surface) || surface.length < 2 * min) return null;
  let best: { parts: string[]; frequency: number } | null = null;
  for (let i = min; i <= surface.length - min; i++) {
    const left = surface.slice(0, i);
    const right = surface.slice(i);
    if (isStopWord(left) || isStopWord(right)) continue;
    const frequency = Math.min(vocabulary.lexicon.frequency(left), vocabulary.lexicon.frequency(right));
    if (frequency > 0 && (!best || frequency > best.frequency)) best = { parts: [stem(left), stem(right)], frequency };
  }
  return best?.parts ?? null;
}

/** Typo corrections of a word the index does not know: the nearest known words, most used first. */
function addCorrections(surface: string, target: Draft, vocabulary: Vocabulary, fuzzy: SearchOptions['fuzzy']): void {
  const { minChars, twoEditsMinChars, maxExpansions, weight } = fuzzy;
  if (surface.length < minChars || !ALPHA.test(surface)) return;
  const found = vocabulary.lexicon.corrections(surface, surface.length >= twoEditsMinChars ? 2 : 1);
  for (const { word } of found.filter((c) => c.edits === found[0]?.edits).slice(0, maxExpansions)) {
    const { pieces } = analyzeWord(word);
    if (pieces.length === 1) {
      target.anyOf.push({ term: pieces[0]!, weight });
      target.roots.push(pieces[0]!);
    } else if (pieces.length > 1) target.allOf.push({ terms: [...pieces], weight: 1 });
  }
}

/**
 * The last word typed may be unfinished: `quantiz` also means `quantization`, `quantized` ….
 * Only a word the index does not know is completed; a known word means itself.
 */
function addPrefixes(word: Word, drafts: Draft[], vocabulary: Vocabulary, prefix: SearchOptions['prefix']): void {
  const target = drafts[drafts.length - 1];
  const { minChars, maxExpansions, weight } = prefix;
  const stemmed = stem(word.lower);
  if (!target || word.lower.length < minChars || !ALPHA.test(word.lower) || vocabulary.has(stemmed)) return;
  const completions = new Set([...vocabulary.termsWithPrefix(word.lower, maxExpansions), ...vocabulary.termsWithPrefix(stemmed, maxExpansions)]);
  // An unfinished word can run past its own stem: `generat` is on the way to `gener`(ation).
  for (let length = word.lower.length - 1; length >= Math.max(minChars, word.lower.length - 3); length--) {
    const head = word.lower.slice(0, length);
    if (vocabulary.has(head)) completions.add(head);
  }
  for (const term of [...completions].slice(0, maxExpansions)) target.anyOf.push({ term, weight });
}

/** `long context` typed apart also finds `longcontext` and `long-context` written solid. */
function addNeighbourJoins(content: Word[], drafts: Draft[][], vocabulary: Vocabulary): void {
  for (let i = 0; i + 1 < content.length; i++) {
    const [left, right] = [content[i]!, content[i + 1]!];
    if (right.position !== left.position + 1) continue;
    const solid = `${left.lower}${right.lower}`.replace(/[-\u2010\u2011]/g, '');
    if (!ALPHA.test(solid)) continue;
    const joined = stem(solid);
    if (!vocabulary.has(joined)) continue;
    drafts[i]!.at(-1)?.anyOf.push({ term: joined, weight: 1 });
    drafts[i + 1]![0]?.anyOf.push({ term: joined, weight: 1 });
  }
}

/** Same stem typed twice (`model models`) is one clause; each variant is kept once, at its highest weight. */
function dedupe(drafts: Draft[], lexicon: Lexicon, related: SearchOptions['related']): Clause[] {
  const byStem = new Map<string, Draft>();
  for (const d of drafts) {
    const existing = byStem.get(d.stem);
    if (existing) {
      existing.roots.push(...d.roots);
      existing.anyOf.push(...d.anyOf);
      existing.allOf.push(...d.allOf);
    } else byStem.set(d.stem, { ...d, roots: [...d.roots], anyOf: [...d.anyOf], allOf: [...d.allOf] });
  }
  return [...byStem.values()].map((d) => {
    const weights = new Map<string, number>();
    for (const { term, weight } of d.anyOf) weights.set(term, Math.max(weight, weights.get(term) ?? 0));
    const allOf = new Map<string, TermSet>();
    for (const set of d.allOf) {
      const key = set.terms.join(' ');
      if ((allOf.get(key)?.weight ?? 0) < set.weight) allOf.set(key, set);
    }
    const relatives = [...new Set(d.roots.flatMap((root) => lexicon.relatives(root)))]
      .filter((term) => !weights.has(term))
      .slice(0, related.maxTerms)
      .map((term) => ({ term, weight: related.weight }));
    return { word: d.word, anyOf: [...weights].map(([term, weight]) => ({ term, weight })), related: relatives, allOf: [...allOf.values()] };
  });
}

function planPhrase(text: string): Phrase {
  const terms = wordTokens(text).flatMap((token) => analyzeWord(token).pieces);
  return { text, terms, clause: { word: text, anyOf: [], related: [], allOf: [{ terms: [...new Set(terms)], weight: 1 }] } };
}

/** An excluded single word is excluded as its term (`-surveys` → `survey`); anything longer as a phrase. */
function singleTerm(excluded: string): string | null {
  const tokens = wordTokens(excluded);
  if (tokens.length !== 1) return null;
  const { pieces, joins } = analyzeWord(tokens[0]!);
  return pieces.length === 1 && joins.length === 0 ? pieces[0]! : null;
}
