import { analyzeWord, family, wordTokens } from './analyzer.js';
import { defaultSearchOptions, type SearchOptions } from './options.js';

/**
 * Acronyms mined from the corpus itself: wherever a paper writes `Retrieval-Augmented Generation
 * (RAG)`, `RAG` and its expansion become one concept, so either finds papers that use the other.
 * Definitions are found with the Schwartz–Hearst algorithm (PSB 2003), which needs no dictionary.
 */

/** An acronym as a paper defines it. */
export interface AcronymDefinition {
  short: string;
  long: string;
}

/** Where an expansion occurs in a sequence of stems: `stems[start..end)` means `term`. */
export interface AcronymSpan {
  start: number;
  end: number;
  term: string;
}

/**
 * Serialised table: acronym term → its expansions as Porter stems, e.g. `rag` → [[retriev,
 * augment, gener]]. Porter stems, so that `Rotary Position Embedding` matches the definition
 * `Rotary Positional Embedding (RoPE)`.
 */
export type AcronymTableJson = [string, string[][]][];

/** The search options acronym mining reads: how long a short form may be. */
export type AcronymOptions = Pick<SearchOptions, 'acronym'>;

const PARENTHESISED = /\(([^()]{2,120})\)/g;
const CLAUSE_BREAK = /[,.;:!?()[\]{}]/;
const ALNUM = /[a-z0-9]/i;

/**
 * The shortest tail of `candidate` whose words spell `short` (Schwartz–Hearst): every character
 * of the short form appears in order, the first one at the start of a word.
 *
 * @example
 * bestLongForm('RAG', 'offers Retrieval-Augmented Generation'); // 'Retrieval-Augmented Generation'
 */
export function bestLongForm(short: string, candidate: string): string | null {
  let l = candidate.length - 1;
  for (let s = short.length - 1; s >= 0; s--) {
    const c = short[s]!.toLowerCase();
    if (!ALNUM.test(c)) continue;
    while (l >= 0 && (candidate[l]!.toLowerCase() !== c || (s === 0 && l > 0 && ALNUM.test(candidate[l - 1]!)))) l--;
    if (l < 0) return null;
    l--;
  }
  return candidate.slice(candidate.lastIndexOf(' ', l) + 1);
}

/** `LLMs` → `LLM`: a lowercase `s` after capitals is a plural, not a letter of the acronym. */
function singular(short: string): string {
  return /[A-Z]s$/.test(short) ? short.slice(0, -1) : short;
}

function looksLikeAcronym(word: string, options: AcronymOptions): boolean {
  const { minChars, maxChars } = options.acronym;
  const letters = singular(word);
  return letters.length >= minChars && letters.length <= maxChars && /^[A-Za-z]/.test(letters) && (letters.match(/[A-Z]/g)?.length ?? 0) >= 2;
}

/**
 * Acronym definitions in a text: `long form (SHORT)`, and `SHORT (long form)`.
 *
 * @example
 * findAcronymDefinitions('We use Retrieval-Augmented Generation (RAG).', defaultSearchOptions);
 * // [{ short: 'RAG', long: 'Retrieval-Augmented Generation' }]
 */
export function findAcronymDefinitions(text: string, options: AcronymOptions = defaultSearchOptions): AcronymDefinition[] {
  const found: AcronymDefinition[] = [];
  for (const match of text.matchAll(PARENTHESISED)) {
    const inside = match[1]!.trim();
    const definition = /\s/.test(inside) ? shortBefore(text, match.index, inside, options) : longBefore(text, match.index, inside, options);
    if (definition && isPlausible(definition.short, definition.long)) found.push(definition);
  }
  return found;
}

/** `long form (SHORT)`: the long form is among the words just before the parenthesis. */
function longBefore(text: string, at: number, short: string, options: AcronymOptions): AcronymDefinition | null {
  if (short.length > options.acronym.maxChars + 2 || !looksLikeAcronym(short, options)) return null;
  const clause = text
    .slice(Math.max(0, at - 300), at)
    .split(CLAUSE_BREAK)
    .pop()!
    .trim();
  const letters = singular(short).replace(/[^A-Za-z0-9]/g, '').length;
  const window = clause
    .split(/\s+/)
    .slice(-Math.min(letters + 5, letters * 2))
    .join(' ');
  const long = bestLongForm(singular(short), window);
  return long ? { short, long } : null;
}

/** `SHORT (long form)`: the acronym is the word just before the parenthesis and spells all of the inside. */
function shortBefore(text: string, at: number, inside: string, options: AcronymOptions): AcronymDefinition | null {
  const short = /(\S+)\s+$/.exec(text.slice(Math.max(0, at - 40), at))?.[1]?.replace(/^\W+|\W+$/g, '');
  if (!short || !looksLikeAcronym(short, options)) return null;
  return bestLongForm(singular(short), inside) === inside ? { short, long: inside } : null;
}

function isPlausible(short: string, long: string): boolean {
  return long.length > short.length && expansionStems(long).length >= 2 && !wordTokens(long).some((w) => w === short);
}

/** The index term an acronym becomes: `LLMs` → `llm`, `SN-Net` → `snnet`. */
export function acronymTerm(short: string): string | null {
  const tokens = wordTokens(singular(short));
  if (tokens.length !== 1) return null;
  const { pieces, joins } = analyzeWord(tokens[0]!);
  return joins[0] ?? (pieces.length === 1 ? pieces[0]! : null);
}

function expansionStems(long: string): string[] {
  return wordTokens(long).flatMap((token) => analyzeWord(token).pieces.map(family));
}

/** One definition as the table keeps it: the acronym's index term and its expansion as Porter stems. */
export interface AcronymEntry {
  term: string;
  stems: readonly string[];
}

/**
 * The definitions the texts make, as table entries, in the order they are written (repeats
 * kept): what {@link AcronymTable.mine} collects.
 *
 * @example
 * acronymEntries(['… Retrieval-Augmented Generation (RAG) …']); // [{ term: 'rag', stems: ['retriev', 'augment', 'gener'] }]
 */
export function acronymEntries(texts: Iterable<string>, options: AcronymOptions = defaultSearchOptions): AcronymEntry[] {
  const entries: AcronymEntry[] = [];
  for (const text of texts) {
    if (!text.includes('(')) continue;
    for (const { short, long } of findAcronymDefinitions(text, options)) {
      const term = acronymTerm(short);
      const stems = expansionStems(long);
      if (term && !stems.includes(family(term))) entries.push({ term, stems });
    }
  }
  return entries;
}

/** Mined acronyms and their expansions, with a fast lookup for expansions in a stream of stems. */
export class AcronymTable {
  /** First stem of an expansion → the expansions that start with it. */
  private readonly byFirstStem = new Map<string, { stems: string[]; term: string }[]>();

  private constructor(private readonly expansions: Map<string, string[][]>) {
    for (const [term, list] of expansions) {
      for (const stems of list) {
        const bucket = this.byFirstStem.get(stems[0]!) ?? [];
        bucket.push({ stems, term });
        this.byFirstStem.set(stems[0]!, bucket);
      }
    }
  }

  /**
   * Mines the acronyms that the given texts define, short forms as long as `options.acronym` allows.
   *
   * @example
   * const table = AcronymTable.mine(['… Retrieval-Augmented Generation (RAG) …'], defaultSearchOptions);
   * table.expansionsOf('rag'); // [['retriev', 'augment', 'gener']]
   */
  static mine(texts: Iterable<string>, options: AcronymOptions = defaultSearchOptions): AcronymTable {
    const expansions = new Map<string, Map<string, string[]>>();
    for (const { term, stems } of acronymEntries(texts, options)) {
      const forTerm = expansions.get(term) ?? new Map<string, string[]>();
      forTerm.set(stems.join(' '), [...stems]);
      expansions.set(term, forTerm);
    }
    return new AcronymTable(new Map([...expansions].map(([term, list]) => [term, [...list.values()]])));
  }

  /**
   * This table with `added` entries appended (a new term last, a new expansion last in its
   * term's list: where mining the same texts with the new ones after them would put them) and
   * `removed` ones dropped; a term left with no expansion goes. The table itself is unchanged.
   */
  withChanges(added: readonly AcronymEntry[], removed: readonly AcronymEntry[]): AcronymTable {
    const expansions = new Map([...this.expansions].map(([term, list]) => [term, new Map(list.map((stems) => [stems.join(' '), stems]))]));
    for (const { term, stems } of removed) {
      const forTerm = expansions.get(term);
      forTerm?.delete(stems.join(' '));
      if (forTerm?.size === 0) expansions.delete(term);
    }
    for (const { term, stems } of added) {
      const forTerm = expansions.get(term) ?? new Map<string, string[]>();
      forTerm.set(stems.join(' '), [...stems]);
      expansions.set(term, forTerm);
    }
    return new AcronymTable(new Map([...expansions].map(([term, list]) => [term, [...list.values()]])));
  }

  /** A table of these definitions (several may share a term). */
  static fromEntries(entries: readonly AcronymEntry[]): AcronymTable {
    return new AcronymTable(new Map()).withChanges(entries, []);
  }

  static fromJSON(json: AcronymTableJson): AcronymTable {
    return new AcronymTable(new Map(json));
  }

  toJSON(): AcronymTableJson {
    return [...this.expansions];
  }

  get size(): number {
    return this.expansions.size;
  }

  has(term: string): boolean {
    return this.expansions.has(term);
  }

  expansionsOf(term: string): readonly string[][] {
    return this.expansions.get(term) ?? [];
  }

  /**
   * The definitions whose expansion could be written in a text that uses only words of these
   * Porter families (`family` of its pieces): all that indexing such a text needs, found without
   * walking the whole table.
   */
  within(families: ReadonlySet<string>): AcronymTable {
    const expansions = new Map<string, string[][]>();
    for (const stem of families) {
      for (const { stems, term } of this.byFirstStem.get(stem) ?? []) {
        if (!stems.every((s) => families.has(s))) continue;
        const list = expansions.get(term) ?? [];
        list.push(stems);
        expansions.set(term, list);
      }
    }
    return new AcronymTable(expansions);
  }

  /** True when the table holds this very definition. */
  defines({ term, stems }: AcronymEntry): boolean {
    const key = stems.join(' ');
    return this.expansionsOf(term).some((expansion) => expansion.join(' ') === key);
  }

  /** Every acronym term with its expansions (as Porter stems). */
  entries(): IterableIterator<[string, string[][]]> {
    return this.expansions.entries();
  }

  /**
   * Every place in a sequence of index terms where an expansion is written out, e.g.
   * `retrieval augment generation` → `rag`.
   */
  spans(terms: readonly string[]): AcronymSpan[] {
    const spans: AcronymSpan[] = [];
    if (this.byFirstStem.size === 0) return spans;
    let families: (string | undefined)[] | null = null;
    for (let i = 0; i < terms.length; i++) {
      const candidates = this.byFirstStem.get(family(terms[i]!));
      if (!candidates) continue;
      families ??= new Array<string | undefined>(terms.length);
      const familyAt = (k: number) => (families![k] ??= k < terms.length ? family(terms[k]!) : undefined);
      for (const { stems: expansion, term } of candidates) {
        if (expansion.every((s, k) => familyAt(i + k) === s)) spans.push({ start: i, end: i + expansion.length, term });
      }
    }
    return spans;
  }
}
