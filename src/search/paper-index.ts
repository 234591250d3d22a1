import type { Options } from 'minisearch';
import { AcronymTable, type AcronymTableJson } from './acronyms.js';
import { nameTerms, textTerms } from './analyzer.js';
import { FIELDS, fieldText, type FieldName, type IndexablePaper } from './fields.js';
import { buildIndex } from './index-builder.js';
import { readSnapshot, writeSnapshot, type IndexParts } from './index-parts.js';
import { Lexicon, type LexiconJson } from './lexicon.js';
import { assembleMiniSearch, readInternals, type MiniSearchInternals, type TermPostings } from './minisearch-internals.js';
import { defaultSearchOptions, type SearchOptions } from './options.js';

/** The search options an index reads: field weights, acronym mining, the snapshot version. */
export type IndexOptions = Pick<SearchOptions, 'fields' | 'acronym' | 'snapshotVersion'>;

interface SnapshotHeader {
  version: number;
  acronyms: AcronymTableJson;
  lexicon: LexiconJson;
}

function miniSearchOptions(): Options<IndexablePaper> {
  return {
    idField: 'id',
    fields: [...FIELDS],
    storeFields: [],
    autoVacuum: false,
    extractField: (paper, field) => (field === 'id' ? paper.id : fieldText(paper, field as FieldName)),
    // Only used if papers are ever added one by one; acronym concepts need the corpus table.
    tokenize: (text, field) => (field === 'authors' ? nameTerms(text) : textTerms(text)),
    processTerm: (term) => term,
  };
}

/**
 * The MiniSearch index of the papers plus what ranking needs to read it fast: BM25F length
 * norms per field, term ids, each paper's word sequence (for phrases), and the corpus-mined
 * acronyms and lexicon. Field weights (`options.fields`) are applied when an index is built or
 * restored, so a snapshot can be loaded with other weights; acronyms are mined at build time.
 *
 * @example
 * const index = PaperIndex.build(papers, defaultSearchOptions);
 * const again = PaperIndex.fromSnapshot(index.snapshot(), defaultSearchOptions);
 */
export class PaperIndex {
  /** Short id → paper id; short ids run from 0 to `size - 1`. */
  readonly ids: readonly string[];
  readonly shortIds: ReadonlyMap<string, number>;
  /** Per field id: 1 − b + b · length / average length, by short id (BM25 length normalisation). */
  readonly lengthNorms: readonly Float32Array[];
  /** Per field id: its BM25F weight. */
  readonly boosts: readonly number[];
  private readonly internals: MiniSearchInternals;
  private readonly terms: readonly string[];
  private readonly termIds: ReadonlyMap<string, number>;
  private readonly sequenceStarts: Uint32Array;
  private readonly sequence: Int32Array;
  private readonly documentFrequencies: Uint32Array;

  private constructor(
    parts: IndexParts,
    readonly acronyms: AcronymTable,
    readonly lexicon: Lexicon,
    private readonly options: IndexOptions,
  ) {
    this.internals = readInternals(assembleMiniSearch(miniSearchOptions(), parts));
    this.ids = parts.ids;
    this.shortIds = new Map(parts.ids.map((id, doc) => [id, doc]));
    this.terms = parts.terms;
    this.termIds = new Map(parts.terms.map((term, id) => [term, id]));
    this.sequenceStarts = parts.sequenceStarts;
    this.sequence = parts.sequence;
    this.documentFrequencies = parts.documentFrequencies;
    const { _fieldLength, _avgFieldLength } = this.internals;
    const boosts: number[] = [];
    const lengthNorms: Float32Array[] = [];
    FIELDS.forEach((field, fieldId) => {
      const { boost, b } = options.fields[field];
      const average = _avgFieldLength[fieldId] || 1;
      const norms = new Float32Array(parts.ids.length).fill(1 - b);
      for (const [doc, lengths] of _fieldLength) norms[doc] = 1 - b + (b * (lengths[fieldId] ?? 0)) / average;
      boosts[fieldId] = boost;
      lengthNorms[fieldId] = norms;
    });
    this.boosts = boosts;
    this.lengthNorms = lengthNorms;
  }

  /** Mines acronyms from the papers, then indexes title, abstract and authors. */
  static build(papers: readonly IndexablePaper[], options: IndexOptions = defaultSearchOptions): PaperIndex {
    const acronyms = AcronymTable.mine(papers.flatMap((p) => [p.title, p.abstract]), options);
    const { parts, lexicon } = buildIndex(papers, acronyms);
    return new PaperIndex(parts, acronyms, lexicon, options);
  }

  /**
   * Restores an index saved with {@link PaperIndex.snapshot}, weighting fields as `options` say;
   * throws if it was made by another analysis version than `options.snapshotVersion`.
   */
  static fromSnapshot(bytes: Uint8Array, options: IndexOptions = defaultSearchOptions): PaperIndex {
    const { header, parts } = readSnapshot<SnapshotHeader>(bytes);
    if (header.version !== options.snapshotVersion) {
      throw new Error(`Search snapshot version ${header.version} is not ${options.snapshotVersion}; rebuild the index.`);
    }
    // Copies, so the snapshot's bytes can be freed once the index is assembled.
    const own = { ...parts, sequenceStarts: parts.sequenceStarts.slice(), sequence: parts.sequence.slice(), documentFrequencies: parts.documentFrequencies.slice() };
    return new PaperIndex(own, AcronymTable.fromJSON(header.acronyms), Lexicon.fromJSON(header.lexicon), options);
  }

  /** The whole index in one binary snapshot (see `writeSnapshot`), for a fast start; stamped with `options.snapshotVersion`. */
  snapshot(): Uint8Array {
    const header: SnapshotHeader = { version: this.options.snapshotVersion, acronyms: this.acronyms.toJSON(), lexicon: this.lexicon.toJSON() };
    return writeSnapshot(header, this.parts());
  }

  /** The index back in flat arrays, terms in term-id order. */
  private parts(): IndexParts {
    const fieldCount = FIELDS.length;
    const fieldLengths = new Uint32Array(this.size * fieldCount);
    for (const [doc, lengths] of this.internals._fieldLength) fieldLengths.set(lengths, doc * fieldCount);
    const postingCounts = new Uint32Array(this.terms.length * fieldCount);
    let total = 0;
    this.terms.forEach((term, termId) => {
      for (const [fieldId, docs] of this.postings(term) ?? []) {
        postingCounts[termId * fieldCount + fieldId] = docs.size;
        total += docs.size;
      }
    });
    const docs = new Int32Array(total);
    const frequencies = new Uint16Array(total);
    let at = 0;
    for (const term of this.terms) {
      const postings = this.postings(term);
      for (let fieldId = 0; fieldId < fieldCount; fieldId++) {
        for (const [doc, frequency] of postings?.get(fieldId) ?? []) {
          docs[at] = doc;
          frequencies[at++] = frequency;
        }
      }
    }
    return {
      ids: [...this.ids],
      terms: [...this.terms],
      fieldLengths,
      documentFrequencies: this.documentFrequencies,
      postingCounts,
      docs,
      frequencies,
      sequenceStarts: this.sequenceStarts,
      sequence: this.sequence,
    };
  }

  get size(): number {
    return this.ids.length;
  }

  fieldId(field: FieldName): number {
    return this.internals._fieldIds[field]!;
  }

  has(term: string): boolean {
    return this.internals._index.has(term);
  }

  postings(term: string): TermPostings | undefined {
    return this.internals._index.get(term);
  }

  /** Index terms that start with `prefix` (itself excluded), most frequent first. */
  termsWithPrefix(prefix: string, limit: number): string[] {
    const found: { term: string; frequency: number }[] = [];
    for (const [term, postings] of this.internals._index.atPrefix(prefix)) {
      if (term === prefix) continue;
      let frequency = 0;
      for (const docs of postings.values()) frequency = Math.max(frequency, docs.size);
      found.push({ term, frequency });
    }
    return found
      .sort((a, b) => b.frequency - a.frequency || a.term.localeCompare(b.term))
      .slice(0, limit)
      .map((f) => f.term);
  }

  /** Every term with its postings, for whole-index passes (document vector norms). */
  entries(): IterableIterator<[string, TermPostings]> {
    return this.internals._index.entries();
  }

  /** Papers that hold `term` in any field. */
  documentFrequency(term: string): number {
    const id = this.termIds.get(term);
    return id === undefined ? 0 : this.documentFrequencies[id]!;
  }

  /** Term ids of index terms, or null if one of them is not in the index. */
  termIdsOf(terms: readonly string[]): number[] | null {
    const ids = terms.map((term) => this.termIds.get(term));
    return ids.every((id) => id !== undefined) ? (ids as number[]) : null;
  }

  /** True when paper `doc` has the terms `run` one after the other in its title or abstract. */
  hasRun(doc: number, run: readonly number[]): boolean {
    const first = run[0];
    if (first === undefined) return true;
    const { sequence } = this;
    const end = this.sequenceStarts[doc + 1]! - run.length + 1;
    outer: for (let i = this.sequenceStarts[doc]!; i < end; i++) {
      if (sequence[i] !== first) continue;
      for (let k = 1; k < run.length; k++) if (sequence[i + k] !== run[k]) continue outer;
      return true;
    }
    return false;
  }
}
