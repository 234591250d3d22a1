import SearchableMap from 'minisearch/SearchableMap';
import { family, type WordAnalysis } from './analyzer.js';

/**
 * What the corpus taught the analyzer, beyond its index terms: which solid words are compounds
 * written elsewhere with a hyphen or in camelCase (`longcontext` = `long` + `context`), which
 * terms share a Porter family (relatives), and the words as people type them, for typo
 * correction and "Did you mean".
 */
export interface LexiconJson {
  compounds: [string, string[]][];
  families: [string, string[]][];
  words: [string, number][];
}

export class Lexicon {
  /** Surface word → how often the corpus uses it; a radix tree, for fuzzy lookups. */
  readonly words: SearchableMap<number>;
  private readonly compoundPieces: Map<string, readonly string[]>;
  private readonly familyTerms: Map<string, readonly string[]>;

  constructor(
    /** Stem of a solid compound → stems of its pieces. */
    compounds: ReadonlyMap<string, readonly string[]>,
    /** Porter stem → the index terms that share it (`gener` → `generation`, `generalization` …). */
    families: ReadonlyMap<string, readonly string[]>,
    words: Iterable<[string, number]>,
  ) {
    this.compoundPieces = new Map(compounds);
    this.familyTerms = new Map(families);
    this.words = SearchableMap.from(words) as SearchableMap<number>;
  }

  /** Stem of a solid compound → stems of its pieces. */
  get compounds(): ReadonlyMap<string, readonly string[]> {
    return this.compoundPieces;
  }

  /** Porter stem → the index terms that share it, two or more (`gener` → `generation`, `generalization` …). */
  get families(): ReadonlyMap<string, readonly string[]> {
    return this.familyTerms;
  }

  /**
   * In-place edits, for papers that arrive or change after the build (see `PaperIndex.upsert`):
   * `delta` more (or fewer) uses of a surface word, dropped at zero.
   */
  countWord(word: string, delta: number): void {
    const count = (this.words.get(word) ?? 0) + delta;
    if (count > 0) this.words.set(word, count);
    else this.words.delete(word);
  }

  /** A compound written apart somewhere: `longcontext` = `long` + `context`. */
  learnCompound(stem: string, pieces: readonly string[]): void {
    this.compoundPieces.set(stem, pieces);
  }

  /** The index terms of a Porter family now; a family of fewer than two has no relatives and is dropped. */
  setFamily(stem: string, terms: readonly string[]): void {
    if (terms.length > 1) this.familyTerms.set(stem, [...terms].sort());
    else this.familyTerms.delete(stem);
  }

  static fromJSON(json: LexiconJson): Lexicon {
    return new Lexicon(new Map(json.compounds), new Map(json.families), json.words);
  }

  toJSON(): LexiconJson {
    return {
      compounds: [...this.compounds].map(([join, pieces]) => [join, [...pieces]]),
      families: [...this.families].map(([stem, terms]) => [stem, [...terms]]),
      words: [...this.words],
    };
  }

  /** Index terms of the same Porter family as `term`, itself excluded: `quantization` → `quantize` …. */
  relatives(term: string): readonly string[] {
    return (this.familyTerms.get(family(term)) ?? []).filter((t) => t !== term);
  }

  /** The pieces of a compound stem, if the corpus ever wrote it apart. */
  piecesOf(stem: string): readonly string[] | undefined {
    return this.compoundPieces.get(stem);
  }

  /** How often the corpus uses a surface word (0 when never). */
  frequency(word: string): number {
    return this.words.get(word) ?? 0;
  }

  /**
   * Known words within `maxEdits` of `word`, nearest first, then most frequent first. Edits are
   * Damerau's: swapping two neighbouring letters (`modles` → `models`) is one edit, not two.
   *
   * @example
   * lexicon.corrections('langauge', 2); // [{ word: 'language', edits: 1, count: 204 }, …]
   */
  corrections(word: string, maxEdits: number): { word: string; edits: number; count: number }[] {
    if (maxEdits <= 0) return [];
    const best = new Map<string, { word: string; edits: number; count: number }>();
    const offer = (candidate: string, count: number, edits: number) => {
      const known = best.get(candidate);
      if (candidate !== word && (!known || edits < known.edits)) best.set(candidate, { word: candidate, edits, count });
    };
    for (const [candidate, [count, edits]] of this.words.fuzzyGet(word, maxEdits)) offer(candidate, count, edits);
    // NOTE: MiniSearch's fuzzy search counts Levenshtein edits; a transposition is found here as
    // one edit, then the rest of the budget is spent from the swapped word.
    for (let i = 0; i + 1 < word.length; i++) {
      if (word[i] === word[i + 1]) continue;
      const swapped = `${word.slice(0, i)}${word[i + 1]}${word[i]}${word.slice(i + 2)}`;
      if (maxEdits === 1) {
        const count = this.words.get(swapped);
        if (count !== undefined) offer(swapped, count, 1);
      } else for (const [candidate, [count, edits]] of this.words.fuzzyGet(swapped, maxEdits - 1)) offer(candidate, count, edits + 1);
    }
    return [...best.values()].sort((a, b) => a.edits - b.edits || b.count - a.count || a.word.localeCompare(b.word));
  }
}

/** A surface word worth suggesting: letters (and inner hyphens) only. */
const SUGGESTIBLE = /^[a-z]{2,}(?:-[a-z]+)*$/;

/** The lexicon of a corpus, from each distinct word it uses and how often. */
export function lexiconOf(words: Iterable<{ analysis: WordAnalysis; count: number }>): Lexicon {
  const compounds = new Map<string, string[]>();
  const families = new Map<string, Set<string>>();
  const counts = new Map<string, number>();
  for (const { analysis, count } of words) {
    const [whole] = analysis.joins;
    if (whole !== undefined && analysis.pieces.length > 1) compounds.set(whole, [...analysis.pieces]);
    if (SUGGESTIBLE.test(analysis.surface)) counts.set(analysis.surface, (counts.get(analysis.surface) ?? 0) + count);
    for (const piece of analysis.pieces) {
      const key = family(piece);
      const members = families.get(key) ?? new Set<string>();
      members.add(piece);
      families.set(key, members);
    }
  }
  const related = new Map([...families].filter(([, members]) => members.size > 1).map(([key, members]) => [key, [...members].sort()]));
  return new Lexicon(compounds, related, counts);
}
