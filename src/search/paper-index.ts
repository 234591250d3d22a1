import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';
import { SEARCH } from '../config.js';
import type { Paper } from '../corpus/paper.js';
import { AcronymTable, type AcronymTableJson } from './acronyms.js';
import { nameTerms, textTerms } from './analyzer.js';
import { DocumentAnalyzer, Lexicon, type LexiconJson } from './lexicon.js';
import { readInternals, type MiniSearchInternals, type TermPostings } from './minisearch-internals.js';

/** What the index reads from a paper. */
export type IndexablePaper = Pick<Paper, 'id' | 'title' | 'abstract' | 'authors'>;

export const FIELDS = ['title', 'abstract', 'authors'] as const;
export type FieldName = (typeof FIELDS)[number];

interface Snapshot {
  version: number;
  acronyms: AcronymTableJson;
  lexicon: LexiconJson;
  index: AsPlainObject;
}

type Tokenize = (text: string, field?: string) => string[];

function miniSearchOptions(tokenize: Tokenize): Options<IndexablePaper> {
  return {
    idField: 'id',
    fields: [...FIELDS],
    storeFields: [],
    autoVacuum: false,
    extractField: (paper, field) => (field === 'authors' ? paper.authors.join('; ') : paper[field as 'id' | 'title' | 'abstract']),
    tokenize,
    // NOTE: analysis happens whole in `tokenize` (it needs word order for compounds and acronyms).
    processTerm: (term) => term,
  };
}

/** Tokenizer for an index restored from a snapshot: same terms, minus acronym concepts, which need the table. */
const plainTokenize: Tokenize = (text, field) => (field === 'authors' ? nameTerms(text) : textTerms(text));

/**
 * The MiniSearch index of the papers plus what ranking needs to read it fast: BM25F length
 * norms per field, short ids, and the corpus-mined acronyms and lexicon.
 *
 * @example
 * const index = PaperIndex.build(papers);
 * const again = PaperIndex.fromSnapshot(index.snapshot());
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

  private constructor(
    private readonly mini: MiniSearch<IndexablePaper>,
    readonly acronyms: AcronymTable,
    readonly lexicon: Lexicon,
  ) {
    this.internals = readInternals(mini);
    const { _documentIds, _fieldIds, _fieldLength, _avgFieldLength, _nextId } = this.internals;
    const ids = new Array<string>(_nextId).fill('');
    for (const [shortId, id] of _documentIds) ids[shortId] = id;
    this.ids = ids;
    this.shortIds = new Map(ids.map((id, shortId) => [id, shortId]));
    const boosts: number[] = [];
    const lengthNorms: Float32Array[] = [];
    for (const field of FIELDS) {
      const fieldId = _fieldIds[field]!;
      const { boost, b } = SEARCH.fields[field];
      const average = _avgFieldLength[fieldId] || 1;
      const norms = new Float32Array(_nextId).fill(1 - b);
      for (const [shortId, lengths] of _fieldLength) norms[shortId] = 1 - b + (b * (lengths[fieldId] ?? 0)) / average;
      boosts[fieldId] = boost;
      lengthNorms[fieldId] = norms;
    }
    this.boosts = boosts;
    this.lengthNorms = lengthNorms;
  }

  /** Mines acronyms from the papers, then indexes title, abstract and authors. */
  static build(papers: readonly IndexablePaper[]): PaperIndex {
    const acronyms = AcronymTable.mine(papers.flatMap((p) => [p.title, p.abstract]));
    const analyzer = new DocumentAnalyzer(acronyms);
    const mini = new MiniSearch<IndexablePaper>(
      miniSearchOptions((text, field) => (field === 'authors' ? nameTerms(text) : analyzer.terms(text))),
    );
    mini.addAll(papers);
    return new PaperIndex(mini, acronyms, analyzer.lexicon());
  }

  /** Restores an index saved with {@link PaperIndex.snapshot}; throws if it was made by another analysis version. */
  static fromSnapshot(json: string): PaperIndex {
    const snapshot = JSON.parse(json) as Snapshot;
    if (snapshot.version !== SEARCH.snapshotVersion) {
      throw new Error(`Search snapshot version ${snapshot.version} is not ${SEARCH.snapshotVersion}; rebuild the index.`);
    }
    const mini = MiniSearch.loadJS<IndexablePaper>(snapshot.index, miniSearchOptions(plainTokenize));
    return new PaperIndex(mini, AcronymTable.fromJSON(snapshot.acronyms), Lexicon.fromJSON(snapshot.lexicon));
  }

  /** The whole index as JSON (MiniSearch's own format inside), for a fast start. */
  snapshot(): string {
    const snapshot: Snapshot = {
      version: SEARCH.snapshotVersion,
      acronyms: this.acronyms.toJSON(),
      lexicon: this.lexicon.toJSON(),
      index: this.mini.toJSON(),
    };
    return JSON.stringify(snapshot);
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

  /** How many papers hold `term` in `field`, or in their most frequent field when none is given. */
  frequency(term: string, field?: FieldName): number {
    const postings = this.postings(term);
    if (!postings) return 0;
    if (field) return postings.get(this.fieldId(field))?.size ?? 0;
    let most = 0;
    for (const docs of postings.values()) most = Math.max(most, docs.size);
    return most;
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
}
