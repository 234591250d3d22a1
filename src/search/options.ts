import type { FieldName } from './fields.js';

/**
 * How search analyses, ranks and bounds a query: every knob of the engine in one object, the
 * way MiniSearch has its `defaultOptions`. `createPaperSearch` merges what it is given over
 * {@link defaultSearchOptions} once ({@link mergeSearchOptions}) and passes the result down to
 * the index, the ranker, the query planner and the rest; no module of search reads a default on
 * its own.
 *
 * NOTE: not to be confused with the per-query `QueryOptions` (`limit`, `offset`) in types.ts.
 */
export interface SearchOptions {
  /** Hits per page when a search asks for no `limit`. */
  readonly defaultLimit: number;
  /** Similar papers listed when no `limit` is given. */
  readonly similarLimit: number;
  /** A query longer than this is cut before parsing: a pasted abstract still works, 100 kB does not hurt. */
  readonly maxQueryChars: number;
  /** At most this many query words (clauses) are searched; the rest are ignored. */
  readonly maxQueryTerms: number;
  /** BM25F: per-field weight (`boost`) and length normalisation (`b`, 0 = none, 1 = full). */
  readonly fields: { readonly [F in FieldName]: FieldWeighting };
  /** BM25F: saturation of term frequency (higher: repeats count longer). */
  readonly k1: number;
  /** Similar papers: tf-idf cosine over the same terms, fields weighted like this (0 leaves a field out). */
  readonly similarFields: { readonly [F in FieldName]: number };
  /** A hit's score is multiplied by (matched clauses / clauses) to this power. */
  readonly coordinationExponent: number;
  /**
   * Hits scoring below this fraction of the best hit are dropped ("no junk"); 0 keeps every match.
   * Applies only beyond the best {@link guaranteedHits}.
   */
  readonly minRelativeScore: number;
  /**
   * The best this many papers holding a query word itself (not only a typo correction, a
   * completion or a relative of it) are always listed, whatever the floor; 0 applies the floor to all.
   */
  readonly guaranteedHits: number;
  /** Papers matching every word of the query rank above papers matching some, whatever their scores. */
  readonly allWordsFirst: boolean;
  /**
   * Typos: only words the index does not know are corrected, and only longer ones: words of
   * `minChars` or more get corrections one edit away, of `twoEditsMinChars` or more two edits;
   * at most `maxExpansions` corrections, each matching at `weight`.
   */
  readonly fuzzy: { readonly minChars: number; readonly twoEditsMinChars: number; readonly maxExpansions: number; readonly weight: number };
  /** Words of the same Porter family (`generation` for `generalization`): at most `maxTerms` of them, matching at `weight`. */
  readonly related: { readonly weight: number; readonly maxTerms: number };
  /** Variants from the domain thesaurus (thesaurus.ts: `smartphone` for `phone`, `llm` for `large language model`) match at this weight; 0 turns it off. */
  readonly synonymWeight: number;
  /** The last query word (if at least `minChars` long) also matches as a prefix: up to `maxExpansions` completions at `weight`. */
  readonly prefix: { readonly minChars: number; readonly maxExpansions: number; readonly weight: number };
  /** A solid word is split into two known words (`longcontext`) only with parts this long. */
  readonly minCompoundPartChars: number;
  /** Acronym mining (`Retrieval-Augmented Generation (RAG)`): short forms of `minChars` to `maxChars` characters. */
  readonly acronym: { readonly minChars: number; readonly maxChars: number };
  /** "Did you mean": how far (edits) a suggestion may be from what was typed. */
  readonly suggestionMaxEdits: number;
  /** "Did you mean": a corrected word starts with the typed letter and is at least this like the typed word (1 − edits / longer length). */
  readonly suggestionMinSimilarity: number;
  /** "Did you mean": more than this share of the typed words must be in the suggestion, known to the papers. */
  readonly suggestionMinWordsKept: number;
  /** "Did you mean" also when the query found something, if its corrected form finds at least this many times more. */
  readonly didYouMeanFactor: number;
  /**
   * The second stage (second-stage.ts) reranks the best `candidates` listed papers of the first
   * pass (by term proximity too, see `proximity`). Each gains `weight` × (best first-pass score)
   * × its cosine with the query in a latent semantic space learnt from the corpus
   * (semantic/lsa-model.ts). When fewer than `fillBelow` papers are listed, papers that hold no
   * query word but whose cosine is at least `minSimilarity` make up the difference, after every
   * paper with a word, if their combined score passes the floor (not for quoted phrases).
   * The model: `rankPerSqrtPapers` × √papers dimensions, at most `maxRank`; terms in at least
   * `minDocumentFrequency` papers and at most `maxDocumentShare` of them, the commonest
   * `maxTerms`; title words count `titleWeight` times; the SVD's `oversampling` and
   * `powerIterations`, learnt from at most `sampleSize` papers (evenly spread; all are folded
   * in). Papers added later are folded in; the model is learnt again once they reach
   * `refreshShare` of those it was learnt from, in pieces of about `refreshSliceMs` between
   * searches. `weight` 0 turns the semantic score and the fill off (the model is still kept).
   */
  readonly semantic: {
    readonly weight: number;
    readonly candidates: number;
    readonly fillBelow: number;
    readonly minSimilarity: number;
    readonly maxRank: number;
    readonly rankPerSqrtPapers: number;
    readonly minDocumentFrequency: number;
    readonly maxDocumentShare: number;
    readonly maxTerms: number;
    readonly titleWeight: number;
    readonly oversampling: number;
    readonly powerIterations: number;
    readonly sampleSize: number;
    readonly refreshShare: number;
    readonly refreshSliceMs: number;
  };
  /**
   * The second stage also adds, at `weight`, a term-proximity score (proximity.ts): consecutive
   * query words side by side in that order, a pair in the title counting `titleWeight` times;
   * scored like a BM25 term. 0 turns it off.
   */
  readonly proximity: { readonly weight: number; readonly titleWeight: number };
  /**
   * Quoted phrases: pairs of adjacent words said side by side in at least `minShare` of the
   * papers (at most `maxPairs`, found in a sample of `sampleSize` papers) get a set of the papers
   * that say them (frequent-pairs.ts), so a phrase of two such words is checked without a scan.
   */
  readonly phrasePairs: { readonly minShare: number; readonly maxPairs: number; readonly sampleSize: number };
  /** Version of analysis and snapshot layout; a snapshot of another version is refused, not misread. */
  readonly snapshotVersion: number;
}

/** One field's BM25F weighting. */
export interface FieldWeighting {
  /** How much one occurrence in this field counts. */
  readonly boost: number;
  /** Length normalisation: 0 ignores the field's length, 1 normalises fully. */
  readonly b: number;
}

/** Some of the options, at any depth: `{ fields: { title: { boost: 3 } } }`. What is left out keeps its default. */
export type PartialSearchOptions = DeepPartial<SearchOptions>;

type DeepPartial<T> = { readonly [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };

/**
 * The defaults. Ranking is BM25F over title, abstract and authors; the values below were set on
 * principle first (titles say what a paper is about, so they weigh more) and checked with
 * `npm run eval`. Frozen: merge over them with {@link mergeSearchOptions} rather than editing.
 *
 * @example
 * createPaperSearch(papers, { options: defaultSearchOptions });
 * defaultSearchOptions.fields.title.boost; // 2.5
 */
export const defaultSearchOptions: SearchOptions = deepFreeze({
  defaultLimit: 10,
  similarLimit: 5,
  /** A query longer than this is cut before parsing: a pasted abstract still works, 100 kB does not hurt. */
  maxQueryChars: 4_000,
  /** At most this many query words (clauses) are searched; the rest are ignored. */
  maxQueryTerms: 32,
  /** BM25F: per-field weight and length normalisation (`b`); `k1` saturates term frequency. */
  fields: {
    title: { boost: 2.5, b: 0.3 },
    abstract: { boost: 1, b: 0.75 },
    authors: { boost: 2, b: 0 },
  },
  k1: 1.2,
  /** Similar papers: tf-idf cosine over the same terms, fields weighted like this. */
  similarFields: { title: 2, abstract: 1, authors: 0.5 },
  /** A hit's score is multiplied by (matched clauses / clauses) to this power (1, like MiniSearch; 2 cut recall). */
  coordinationExponent: 1,
  /** Hits scoring below this fraction of the best hit are dropped ("no junk"), beyond the first `guaranteedHits`. */
  minRelativeScore: 0.15,
  /**
   * The best five papers holding a query word are always listed: on a query of several facets
   * ("zero redundancy optimizer") the floor alone dropped relevant papers that matched one facet.
   */
  guaranteedHits: 5,
  /** `speculative decoding` must not list papers on `decoding` above one on both. */
  allWordsFirst: true,
  /** Typos: only words the index does not know are corrected, and only longer ones. */
  fuzzy: { minChars: 5, twoEditsMinChars: 8, maxExpansions: 5, weight: 0.8 },
  /** Words of the same Porter family (`generation` for `generalization`) match at this weight. */
  related: { weight: 0.5, maxTerms: 20 },
  /** Domain thesaurus variants match at this weight, below the word itself. */
  synonymWeight: 0.3,
  /** The last query word also matches as a prefix. */
  prefix: { minChars: 3, maxExpansions: 30, weight: 0.6 },
  /** A solid word is split into two known words (`longcontext`) only with parts this long. */
  minCompoundPartChars: 2,
  /** Acronym mining (`Retrieval-Augmented Generation (RAG)`): short forms of this many characters. */
  acronym: { minChars: 2, maxChars: 10 },
  /** "Did you mean": how far a suggestion may be from what was typed. */
  suggestionMaxEdits: 3,
  /** `phones` → `poses` (2 edits in 6 letters, 0.67) is not suggested; `langauge` → `language` (1 in 8, 0.88) is. */
  suggestionMinSimilarity: 0.75,
  /** `<script>alert(1)</script>` → `strict alert 1 strict` keeps one known word of four: not suggested. */
  suggestionMinWordsKept: 0.5,
  /** "Far more": the corrected query finds at least three times as many papers. */
  didYouMeanFactor: 3,
  /** The second stage: a semantic rerank of the first pass's best papers. */
  semantic: {
    weight: 0.4,
    candidates: 1000,
    fillBelow: 10,
    minSimilarity: 0.5,
    maxRank: 64,
    rankPerSqrtPapers: 3,
    minDocumentFrequency: 2,
    maxDocumentShare: 0.5,
    maxTerms: 50_000,
    titleWeight: 2,
    oversampling: 8,
    powerIterations: 1,
    sampleSize: 20_000,
    refreshShare: 0.2,
    /** A refresh runs in slices of this long between searches: no search waits longer for it. */
    refreshSliceMs: 10,
  },
  /** Consecutive query words side by side in a paper. */
  proximity: { weight: 0.25, titleWeight: 2 },
  /** At 100,000 papers, pairs in 1,000 papers or more; 1,000 sets of 12.5 kB each at most. */
  phrasePairs: { minShare: 0.01, maxPairs: 1_000, sampleSize: 5_000 },
  /** Bumped whenever analysis or the snapshot layout changes, so an old snapshot is rebuilt instead of misread. */
  snapshotVersion: 4,
});

/**
 * The defaults with `partial` merged over them, nested objects (`fields.title`, `fuzzy`, …) key
 * by key, as a new object: neither argument is changed. Throws on an option that does not exist
 * or a value of the wrong kind, so a misspelt override fails instead of being ignored; a value
 * `undefined` counts as left out.
 *
 * @example
 * const options = mergeSearchOptions({ minRelativeScore: 0, fields: { title: { boost: 3 } } });
 * options.fields.title; // { boost: 3, b: 0.3 }
 * options.fields.abstract; // { boost: 1, b: 0.75 }, the default
 */
export function mergeSearchOptions(partial: PartialSearchOptions = {}): SearchOptions {
  return mergeInto(asTree(defaultSearchOptions), partial, '') as unknown as SearchOptions;
}

/** One option that differs from its default, by dotted path (`fields.title.boost`). */
export interface SearchOptionChange {
  path: string;
  value: unknown;
  default: unknown;
}

/**
 * Where `options` differ from {@link defaultSearchOptions}, leaf by leaf; empty for the defaults.
 *
 * @example
 * changedSearchOptions(mergeSearchOptions({ k1: 2 })); // [{ path: 'k1', value: 2, default: 1.2 }]
 */
export function changedSearchOptions(options: SearchOptions): SearchOptionChange[] {
  const changes: SearchOptionChange[] = [];
  const walk = (defaults: Tree, given: Tree, path: string) => {
    for (const [key, fallback] of Object.entries(defaults)) {
      const value = given[key];
      const at = path ? `${path}.${key}` : key;
      if (isTree(fallback)) walk(fallback, isTree(value) ? value : {}, at);
      else if (value !== fallback) changes.push({ path: at, value, default: fallback });
    }
  };
  walk(asTree(defaultSearchOptions), asTree(options), '');
  return changes;
}

interface Tree {
  readonly [key: string]: unknown;
}

function asTree(options: SearchOptions): Tree {
  return options as unknown as Tree;
}

function isTree(value: unknown): value is Tree {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function mergeInto(defaults: Tree, partial: unknown, path: string): Tree {
  const where = path ? `search option ${path}` : 'search options';
  if (!isTree(partial)) throw new Error(`The ${where} must be an object, not ${JSON.stringify(partial)}.`);
  for (const key of Object.keys(partial)) {
    if (!Object.hasOwn(defaults, key))
      throw new Error(`Unknown search option "${path ? `${path}.${key}` : key}"; the ${where} are ${Object.keys(defaults).join(', ')}.`);
  }
  const merged: Record<string, unknown> = {};
  for (const [key, fallback] of Object.entries(defaults)) {
    const value = partial[key];
    const at = path ? `${path}.${key}` : key;
    if (isTree(fallback)) merged[key] = mergeInto(fallback, value ?? {}, at);
    else if (value === undefined) merged[key] = fallback;
    else if (typeof value === typeof fallback && (typeof value !== 'number' || Number.isFinite(value))) merged[key] = value;
    else
      throw new Error(
        `Search option ${at} must be ${typeof fallback === 'number' ? 'a finite number' : `a ${typeof fallback}`}, not ${JSON.stringify(value)}.`,
      );
  }
  return merged;
}

function deepFreeze<T extends object>(value: T): T {
  for (const inner of Object.values(value)) if (isTree(inner)) deepFreeze(inner);
  return Object.freeze(value);
}
