import type { Options } from 'minisearch';
import { AcronymTable, acronymEntries, type AcronymEntry, type AcronymTableJson } from './acronyms.js';
import { analyzeWord, family, nameTerms, textTerms, wordTokens } from './analyzer.js';
import { FIELDS, fieldText, type FieldName, type IndexablePaper } from './fields.js';
import { Growable } from './growable.js';
import { buildIndex } from './index-builder.js';
import { readSnapshot, writeSnapshot, type IndexParts } from './index-parts.js';
import { Lexicon, type LexiconJson } from './lexicon.js';
import { papersWriting, stillDefined } from './live-acronyms.js';
import {
  addPostings,
  assembleMiniSearch,
  readInternals,
  removePostings,
  writeAverageFieldLengths,
  writeDocument,
  type MiniSearchInternals,
  type TermPostings,
} from './minisearch-internals.js';
import { defaultSearchOptions, type SearchOptions } from './options.js';
import { LsaModel, type LsaSnapshot } from './semantic/lsa-model.js';
import { SemanticUpkeep } from './semantic/semantic-upkeep.js';
import { FrequentPairs, type FrequentPairsSnapshot } from './frequent-pairs.js';

/** The search options an index reads: field weights, acronym mining, the snapshot version. */
export type IndexOptions = Pick<SearchOptions, 'fields' | 'acronym' | 'semantic' | 'phrasePairs' | 'snapshotVersion'>;

interface SnapshotHeader {
  version: number;
  acronyms: AcronymTableJson;
  lexicon: LexiconJson;
  semantic: LsaSnapshot['header'];
  pairs: FrequentPairsSnapshot['header'];
}

/**
 * Per-paper and per-term arrays (length norms, ranking buffers, document frequencies) grow by
 * this factor when papers arrive, so a day of arrivals reallocates them once, not each time.
 */
export const GROWTH = 1.25;

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
 * Papers that arrive or change later are indexed in place ({@link upsert}).
 *
 * @example
 * const index = PaperIndex.build(papers, defaultSearchOptions);
 * const again = PaperIndex.fromSnapshot(index.snapshot(), defaultSearchOptions);
 */
export class PaperIndex {
  /** Per field id: its BM25F weight. */
  readonly boosts: readonly number[];
  readonly lexicon: Lexicon;
  /** Keeps the second stage's semantic model in step with the papers (semantic/semantic-upkeep.ts). */
  private readonly upkeep: SemanticUpkeep;
  private readonly docIds: string[];
  private readonly docOf: Map<string, number>;
  private norms: Float32Array[];
  private table: AcronymTable;
  private readonly internals: MiniSearchInternals;
  private readonly terms: string[];
  private readonly termIds: Map<string, number>;
  /** Word sequences as built or restored, for the papers below `sequenceStarts.length - 1`. */
  private readonly sequenceStarts: Uint32Array;
  private readonly sequence: Int32Array;
  /** Per term id (the first `terms.length` entries): papers that hold it in any field. */
  private documentFrequencies: Uint32Array;
  /** For the commonest pairs of adjacent words, the papers that say them: quoted phrases skip the scan. */
  private readonly pairs: FrequentPairs;
  /** What {@link upsert} keeps up to date; null until the first one. */
  private live: LiveState | null = null;

  private constructor(
    parts: IndexParts,
    acronyms: AcronymTable,
    lexicon: Lexicon,
    private readonly options: IndexOptions,
    semantic: LsaModel | null,
    pairs: FrequentPairsSnapshot | null,
  ) {
    this.internals = readInternals(assembleMiniSearch(miniSearchOptions(), parts));
    this.docIds = parts.ids;
    this.docOf = new Map(parts.ids.map((id, doc) => [id, doc]));
    this.terms = parts.terms;
    this.termIds = new Map(parts.terms.map((term, id) => [term, id]));
    this.sequenceStarts = parts.sequenceStarts;
    this.sequence = parts.sequence;
    this.documentFrequencies = parts.documentFrequencies;
    this.table = acronyms;
    this.lexicon = lexicon;
    this.boosts = FIELDS.map((field) => options.fields[field].boost);
    this.norms = FIELDS.map(() => new Float32Array(parts.ids.length));
    this.computeLengthNorms();
    this.pairs = pairs ? FrequentPairs.fromSnapshot(pairs, this.termIds, this.size) : FrequentPairs.build(this, options.phrasePairs);
    this.upkeep = new SemanticUpkeep(semantic ?? LsaModel.build(this, options.semantic), options.semantic);
  }

  /** Mines acronyms from the papers, then indexes title, abstract and authors. */
  static build(papers: readonly IndexablePaper[], options: IndexOptions = defaultSearchOptions): PaperIndex {
    const acronyms = AcronymTable.mine(
      papers.flatMap((p) => [p.title, p.abstract]),
      options,
    );
    const { parts, lexicon } = buildIndex(papers, acronyms);
    return new PaperIndex(parts, acronyms, lexicon, options, null, null);
  }

  /**
   * Restores an index saved with {@link PaperIndex.snapshot}, weighting fields as `options` say;
   * throws if it was made by another analysis version than `options.snapshotVersion`.
   */
  static fromSnapshot(bytes: Uint8Array, options: IndexOptions = defaultSearchOptions): PaperIndex {
    const { header, parts, extra } = readSnapshot<SnapshotHeader>(bytes);
    if (header.version !== options.snapshotVersion) {
      throw new Error(`Search snapshot version ${header.version} is not ${options.snapshotVersion}; rebuild the index.`);
    }
    // Copies, so the snapshot's bytes can be freed once the index is assembled.
    const own = {
      ...parts,
      sequenceStarts: parts.sequenceStarts.slice(),
      sequence: parts.sequence.slice(),
      documentFrequencies: parts.documentFrequencies.slice(),
    };
    const semantic = LsaModel.fromSnapshot({ header: header.semantic, arrays: extra }, parts.ids.length);
    const bits = extra['pairs.bits'];
    if (!(bits instanceof Int32Array)) throw new Error('The search snapshot is damaged; rebuild it.');
    const pairs = { header: header.pairs, bits };
    return new PaperIndex(own, AcronymTable.fromJSON(header.acronyms), Lexicon.fromJSON(header.lexicon), options, semantic, pairs);
  }

  /** The whole index in one binary snapshot (see `writeSnapshot`), for a fast start; stamped with `options.snapshotVersion`. */
  snapshot(): Uint8Array {
    const semantic = this.semantic.toSnapshot();
    const pairs = this.pairs.toSnapshot(this, (term) => !this.live || this.has(term));
    const header: SnapshotHeader = {
      version: this.options.snapshotVersion,
      acronyms: this.acronyms.toJSON(),
      lexicon: this.lexicon.toJSON(),
      semantic: semantic.header,
      pairs: pairs.header,
    };
    return writeSnapshot(header, this.parts(), { ...semantic.arrays, 'pairs.bits': pairs.bits });
  }

  /**
   * The index back in flat arrays, terms in term-id order. After upserts, terms no paper holds
   * any more are left out (and the rest renumbered), and papers come in short-id order within a term.
   */
  private parts(): IndexParts {
    const fieldCount = FIELDS.length;
    const fieldLengths = new Uint32Array(this.size * fieldCount);
    for (const [doc, lengths] of this.internals._fieldLength) fieldLengths.set(lengths, doc * fieldCount);
    const terms = this.live ? this.terms.filter((term) => this.has(term)) : this.terms;
    const postingCounts = new Uint32Array(terms.length * fieldCount);
    let total = 0;
    terms.forEach((term, termId) => {
      for (const [fieldId, docs] of this.postings(term) ?? []) {
        postingCounts[termId * fieldCount + fieldId] = docs.size;
        total += docs.size;
      }
    });
    const docs = new Int32Array(total);
    const frequencies = new Uint16Array(total);
    let at = 0;
    for (const term of terms) {
      const postings = this.postings(term);
      for (let fieldId = 0; fieldId < fieldCount; fieldId++) {
        const start = at;
        for (const [doc, frequency] of postings?.get(fieldId) ?? []) {
          docs[at] = doc;
          frequencies[at++] = frequency;
        }
        // A paper rewritten by an upsert comes last in its terms' Maps.
        if (this.live) sortRun(docs.subarray(start, at), frequencies.subarray(start, at));
      }
    }
    if (!this.live) {
      const { documentFrequencies, sequenceStarts, sequence } = this;
      return { ids: [...this.ids], terms: [...terms], fieldLengths, documentFrequencies, postingCounts, docs, frequencies, sequenceStarts, sequence };
    }
    const renumbered = new Int32Array(this.terms.length).fill(-1);
    terms.forEach((term, termId) => {
      renumbered[this.termIds.get(term)!] = termId;
    });
    const sequenceStarts = new Uint32Array(this.size + 1);
    const sequence = new Growable((n) => new Int32Array(n), this.sequence.length + 1024);
    for (let doc = 0; doc < this.size; doc++) {
      sequenceStarts[doc] = sequence.length;
      for (const id of this.sequenceOf(doc)) sequence.push(id < 0 ? id : renumbered[id]!);
    }
    sequenceStarts[this.size] = sequence.length;
    const documentFrequencies = Uint32Array.from(terms, (term) => this.documentFrequency(term));
    return {
      ids: [...this.ids],
      terms,
      fieldLengths,
      documentFrequencies,
      postingCounts,
      docs,
      frequencies,
      sequenceStarts,
      sequence: sequence.view().slice(),
    };
  }

  /** Short id → paper id; short ids run from 0 to `size - 1`. */
  get ids(): readonly string[] {
    return this.docIds;
  }

  get shortIds(): ReadonlyMap<string, number> {
    return this.docOf;
  }

  /** Per field id: 1 − b + b · length / average length, by short id (BM25 length normalisation). */
  get lengthNorms(): readonly Float32Array[] {
    return this.norms;
  }

  get acronyms(): AcronymTable {
    return this.table;
  }

  get size(): number {
    return this.docIds.length;
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

  /** True when paper `doc` holds `term` in some field. */
  holds(term: string, doc: number): boolean {
    for (const docs of this.postings(term)?.values() ?? []) if (docs.has(doc)) return true;
    return false;
  }

  /** Term ids run from 0 to this, less one (terms no paper holds any more included). */
  get termCount(): number {
    return this.terms.length;
  }

  /** The term of a term id (as in {@link sequenceOf}). */
  termOf(termId: number): string {
    return this.terms[termId]!;
  }

  /** Term ids of paper `doc`'s title and abstract words in reading order, −1 between the two. */
  sequenceOf(doc: number): Int32Array {
    const live = this.live;
    if (live !== null && live.rewritten[doc] === 1) return live.sequences.get(doc)!;
    return this.sequence.subarray(this.sequenceStarts[doc], this.sequenceStarts[doc + 1]);
  }

  /** True when paper `doc` has the terms `run` one after the other in its title or abstract. */
  hasRun(doc: number, run: readonly number[]): boolean {
    // Pairs with a set of their own answer without a scan: a pair the paper lacks rules it out,
    // and a run of two is that pair.
    let known = run.length > 1;
    for (let i = 1; i < run.length; i++) {
      const holds = this.pairs.holds(doc, run[i - 1]!, run[i]!);
      if (holds === false) return false;
      if (holds === undefined) known = false;
    }
    if (known && run.length === 2) return true;
    const live = this.live;
    if (live !== null && live.rewritten[doc] === 1) {
      const own = live.sequences.get(doc)!;
      return hasRunIn(own, 0, own.length, run);
    }
    return hasRunIn(this.sequence, this.sequenceStarts[doc]!, this.sequenceStarts[doc + 1]!, run);
  }

  /**
   * Index terms that are words of some title or abstract (not only solid joins, acronyms or
   * names) and whose Porter family is `stem`: the members of a lexicon family, singles included.
   * NOTE: a term starts with its family stem less its last two letters (Porter rewrites at most
   * that much: `stabiliti` → `stabl`), so a prefix walk of the index finds them all; a test
   * checks this on every word of the corpus.
   */
  wordsOfFamily(stem: string): string[] {
    const counts = this.liveState().pieceCounts;
    const found: string[] = [];
    for (const [term] of this.internals._index.atPrefix(stem.slice(0, Math.max(1, stem.length - 2)))) {
      if ((counts[this.termIds.get(term) ?? -1] ?? 0) > 0 && family(term) === stem) found.push(term);
    }
    return found;
  }

  /**
   * Adds papers and replaces papers of the same id, in place: afterwards the index answers as
   * one built from all its papers would (see the NOTE for the exceptions). `paperOf(doc)` gives
   * the version of a paper indexed now, for what must be taken out. New papers take the next
   * short ids, in the order given; a replaced paper keeps its short id.
   *
   * NOTE: in place, rather than a second, small index merged with this one at query time (as
   * Lucene's segments are). Everything a score depends on is corpus-wide: the number of papers
   * and each term's document frequency (idf), the average field lengths (every paper's length
   * norm), the acronyms (a paper defining `Foo Bar (FB)` adds the concept `fb` to every paper
   * that writes "foo bar") and the lexicon (typos, prefixes, relatives). Two parts would need
   * those merged on every query, or scores that drift from the truth, plus a full rebuild now
   * and then (about 9 s of CPU at 100,000 papers, blocking this thread) to fold the small part
   * in; and rebuilding the small part on each arrival costs 170 ms at 2,000 papers. In place,
   * the postings are MiniSearch Maps that take a paper in microseconds; document frequencies,
   * field-length totals and every paper's length norm (3 × 100,000 divisions) are updated; the
   * acronym table gains what the new texts define and loses what only the old versions did,
   * and papers that write out such an expansion are indexed again (see live-acronyms.ts); word
   * counts, families and compounds are updated in the lexicon. So scores are those of a full
   * build, not an estimate, and there is nothing to compact: `snapshot` writes the current
   * state, packed, and a start from it or from the store is the rebuild.
   * The exceptions, until the next build: a compound (`longcontext` = `long` + `context`) learnt
   * only from the old version of a replaced paper stays known (a query may still split that
   * word); and a definition made by a replaced paper goes last in the acronym table, where a
   * build would put it in corpus order, which can change the order of a sum in the last digit.
   *
   * @example
   * index.upsert([newPaper, newVersionOfOld], (doc) => papers[doc]!);
   */
  upsert(papers: readonly IndexablePaper[], paperOf: (doc: number) => IndexablePaper): void {
    const given = [...new Map(papers.map((p) => [p.id, p])).values()];
    if (given.length === 0) return;
    const live = this.liveState();
    const replaced = given.flatMap((paper) => {
      const doc = this.docOf.get(paper.id);
      return doc === undefined ? [] : [doc];
    });
    const rewriting = new Set(replaced);

    // Acronyms: what the new texts define that the table lacks, and what only the old versions defined.
    const before = this.table;
    const textsOf = (list: readonly IndexablePaper[]) => list.flatMap((p) => [p.title, p.abstract]);
    const defined = uniqueEntries(acronymEntries(textsOf(given), this.options));
    const definedNow = new Set(defined.map(entryKey));
    const added = defined.filter((entry) => !before.defines(entry));
    const dropped = uniqueEntries(acronymEntries(textsOf(replaced.map(paperOf)), this.options)).filter(
      (entry) => before.defines(entry) && !definedNow.has(entryKey(entry)) && !stillDefined(entry, this, rewriting, paperOf, this.options),
    );
    const changed = [...added, ...dropped];
    const after = changed.length > 0 ? before.withChanges(added, dropped) : before;
    // Papers that write out an expansion that was added or dropped: their acronym counts change.
    const reread = changed.length > 0 ? papersWriting(changed, this, rewriting) : [];

    const rewritten = [...replaced, ...reread];
    const crossed = new Set<number>();
    if (rewritten.length > 0) {
      const olds = rewritten.map(paperOf);
      const old = buildIndex(olds, before.within(familiesIn(olds)));
      this.unindex(old.parts, rewritten, live, crossed);
      for (const [word, count] of old.lexicon.words) this.lexicon.countWord(word, -count);
    }
    this.table = after;
    let next = this.size;
    const docs = [...given.map((paper) => this.docOf.get(paper.id) ?? next++), ...reread];
    const news = [...given, ...reread.map(paperOf)];
    const fresh = buildIndex(news, after.within(familiesIn(news)));
    this.index(fresh.parts, docs, live, crossed);
    for (const [word, count] of fresh.lexicon.words) this.lexicon.countWord(word, count);
    for (const [stem, pieces] of fresh.lexicon.compounds) this.lexicon.learnCompound(stem, pieces);
    // A family changes where a word appeared in the corpus or left it.
    for (const stem of new Set([...crossed].map((termId) => family(this.terms[termId]!)))) this.lexicon.setFamily(stem, this.wordsOfFamily(stem));
    writeAverageFieldLengths(this.internals, live.fieldTotals);
    this.computeLengthNorms();
    for (const doc of docs) this.pairs.update(doc, this.sequenceOf(doc));
    this.upkeep.fold(this, docs);
  }

  /** Resolves once the semantic model's refresh under way, if any, is over (see semantic-upkeep.ts). */
  semanticRefreshed(): Promise<void> {
    return this.upkeep.refreshed();
  }

  /** The semantic model of the second stage, learnt from these papers and kept in step with them. */
  get semantic(): LsaModel {
    return this.upkeep.model;
  }

  /** Takes out the postings `parts` describe (papers `docs[i]` as indexed now); notes words whose count falls to zero in `crossed`. */
  private unindex(parts: IndexParts, docs: readonly number[], live: LiveState, crossed: Set<number>): void {
    const global = this.forEachRun(parts, docs, (term, fieldId, runDocs) => removePostings(this.internals, term, fieldId, runDocs), false);
    parts.terms.forEach((_, local) => {
      const id = global[local]!;
      if (id >= 0) this.documentFrequencies[id]! -= parts.documentFrequencies[local]!;
    });
    docs.forEach((_, local) => {
      for (const id of parts.sequence.subarray(parts.sequenceStarts[local], parts.sequenceStarts[local + 1])) {
        if (id >= 0 && --live.pieceCounts[global[id]!]! === 0) crossed.add(global[id]!);
      }
      // Its field lengths and sequence are overwritten when it is indexed again, in the same upsert.
      for (let fieldId = 0; fieldId < FIELDS.length; fieldId++) live.fieldTotals[fieldId]! -= parts.fieldLengths[local * FIELDS.length + fieldId]!;
    });
  }

  /** Puts in the postings `parts` describe, for papers `docs[i]` (new ones next in line); notes words that appear in `crossed`. */
  private index(parts: IndexParts, docs: readonly number[], live: LiveState, crossed: Set<number>): void {
    const fieldCount = FIELDS.length;
    docs.forEach((doc, local) => {
      if (doc === this.docIds.length) {
        this.docIds.push(parts.ids[local]!);
        this.docOf.set(parts.ids[local]!, doc);
      }
      const lengths = parts.fieldLengths.subarray(local * fieldCount, (local + 1) * fieldCount);
      writeDocument(this.internals, doc, parts.ids[local]!, [...lengths]);
      for (let fieldId = 0; fieldId < fieldCount; fieldId++) live.fieldTotals[fieldId]! += lengths[fieldId]!;
      if (doc >= live.rewritten.length) {
        live.rewritten = grownTo(live.rewritten, new Uint8Array(Math.ceil((doc + 1) * GROWTH)));
        live.fieldLengths = grownTo(live.fieldLengths, new Uint32Array(live.rewritten.length * fieldCount));
      }
      live.fieldLengths.set(lengths, doc * fieldCount);
    });
    const global = this.forEachRun(
      parts,
      docs,
      (term, fieldId, runDocs, frequencies) => addPostings(this.internals, term, fieldId, runDocs, frequencies),
      true,
    );
    parts.terms.forEach((_, local) => {
      const id = global[local]!;
      if (id >= 0) this.documentFrequencies[id]! += parts.documentFrequencies[local]!;
    });
    docs.forEach((doc, local) => {
      const sequence = parts.sequence.slice(parts.sequenceStarts[local], parts.sequenceStarts[local + 1]);
      sequence.forEach((id, i) => {
        if (id < 0) return;
        sequence[i] = global[id]!;
        if (live.pieceCounts[global[id]!]!++ === 0) crossed.add(global[id]!);
      });
      live.sequences.set(doc, sequence);
      live.rewritten[doc] = 1;
    });
  }

  /**
   * Calls `write` for every (term, field) run of postings in `parts`, with the papers as short
   * ids (`docs[local]`); returns each local term's id here (−1 for a term no paper of `parts`
   * holds). With `create`, terms new to the index get ids.
   */
  private forEachRun(
    parts: IndexParts,
    docs: readonly number[],
    write: (term: string, fieldId: number, docs: number[], frequencies: number[]) => void,
    create: boolean,
  ): Int32Array {
    const fieldCount = FIELDS.length;
    const global = new Int32Array(parts.terms.length).fill(-1);
    let at = 0;
    parts.terms.forEach((term, local) => {
      if (parts.documentFrequencies[local] === 0) return;
      global[local] = create ? this.termIdFor(term) : this.termIds.get(term)!;
      for (let fieldId = 0; fieldId < fieldCount; fieldId++) {
        const count = parts.postingCounts[local * fieldCount + fieldId]!;
        if (count === 0) continue;
        const runDocs: number[] = [];
        const frequencies: number[] = [];
        for (const end = at + count; at < end; at++) {
          runDocs.push(docs[parts.docs[at]!]!);
          frequencies.push(parts.frequencies[at]!);
        }
        write(term, fieldId, runDocs, frequencies);
      }
    });
    return global;
  }

  /** The id of `term`, given it one if it is new (with room in the per-term arrays). */
  private termIdFor(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.terms.push(term);
      this.termIds.set(term, id);
      if (id >= this.documentFrequencies.length) this.documentFrequencies = grown(this.documentFrequencies, id + 1);
      const live = this.liveState();
      if (id >= live.pieceCounts.length) live.pieceCounts = grown(live.pieceCounts, id + 1);
    }
    return id;
  }

  /** What upserts keep up to date, counted from the index as built on first use. */
  private liveState(): LiveState {
    if (this.live) return this.live;
    const fieldCount = FIELDS.length;
    const pieceCounts = new Uint32Array(this.documentFrequencies.length);
    for (const id of this.sequence) if (id >= 0) pieceCounts[id]! += 1;
    const fieldTotals = FIELDS.map(() => 0);
    const fieldLengths = new Uint32Array(Math.ceil(this.size * GROWTH) * fieldCount);
    for (const [doc, lengths] of this.internals._fieldLength) {
      lengths.forEach((length, fieldId) => {
        fieldTotals[fieldId]! += length;
        fieldLengths[doc * fieldCount + fieldId] = length;
      });
    }
    this.live = { pieceCounts, fieldTotals, fieldLengths, sequences: new Map(), rewritten: new Uint8Array(Math.ceil(this.size * GROWTH)) };
    return this.live;
  }

  /** BM25 length norms of every paper, from the field lengths and their averages. */
  private computeLengthNorms(): void {
    const { _fieldLength, _avgFieldLength } = this.internals;
    const size = this.size;
    if (this.norms[0]!.length < size) this.norms = FIELDS.map(() => new Float32Array(Math.ceil(size * GROWTH)));
    const packed = this.live?.fieldLengths;
    FIELDS.forEach((field, fieldId) => {
      const { b } = this.options.fields[field];
      const average = _avgFieldLength[fieldId] || 1;
      const norms = this.norms[fieldId]!;
      if (packed) {
        // After upserts, from the packed copy: a pass over typed arrays, not over 100,000 Map entries.
        for (let doc = 0, at = fieldId; doc < size; doc++, at += FIELDS.length) norms[doc] = 1 - b + (b * packed[at]!) / average;
        return;
      }
      norms.fill(1 - b);
      for (const [doc, lengths] of _fieldLength) norms[doc] = 1 - b + (b * (lengths[fieldId] ?? 0)) / average;
    });
  }
}

/** True when `sequence[start..end)` has the terms `run` one after the other. */
function hasRunIn(sequence: Int32Array, start: number, end: number, run: readonly number[]): boolean {
  const first = run[0];
  if (first === undefined) return true;
  const last = end - run.length + 1;
  outer: for (let i = start; i < last; i++) {
    if (sequence[i] !== first) continue;
    for (let k = 1; k < run.length; k++) if (sequence[i + k] !== run[k]) continue outer;
    return true;
  }
  return false;
}

/** What {@link PaperIndex.upsert} maintains beyond the MiniSearch index. */
interface LiveState {
  /** Per term id: occurrences as a word of a title or abstract (in sequences); a lexicon family holds the terms above 0. */
  pieceCounts: Uint32Array;
  /** Per field id: distinct terms summed over papers (averages are these over the number of papers). */
  fieldTotals: number[];
  /** Distinct terms per paper and field (row `doc`, column field id), as the MiniSearch index has them, packed. */
  fieldLengths: Uint32Array;
  /** Word sequences of papers added or rewritten since the build, by short id; `rewritten[doc]` is 1 for those. */
  sequences: Map<number, Int32Array>;
  rewritten: Uint8Array;
}

function grown(array: Uint32Array, least: number): Uint32Array {
  return grownTo(array, new Uint32Array(Math.max(least, Math.ceil(array.length * GROWTH))));
}

function grownTo<T extends Uint8Array | Uint32Array>(array: T, bigger: T): T {
  bigger.set(array);
  return bigger;
}

/** The Porter families of the words of the papers' titles and abstracts (see `AcronymTable.within`). */
function familiesIn(papers: readonly IndexablePaper[]): Set<string> {
  const families = new Set<string>();
  for (const paper of papers) {
    for (const text of [paper.title, paper.abstract])
      for (const token of wordTokens(text)) for (const piece of analyzeWord(token).pieces) families.add(family(piece));
  }
  return families;
}

/** Sorts a run of postings by paper, frequencies alongside, unless it is in order already. */
function sortRun(docs: Int32Array, frequencies: Uint16Array): void {
  let ordered = true;
  for (let i = 1; i < docs.length && ordered; i++) ordered = docs[i - 1]! < docs[i]!;
  if (ordered) return;
  const pairs = Array.from(docs, (doc, i) => [doc, frequencies[i]!] as const).sort((a, b) => a[0] - b[0]);
  pairs.forEach(([doc, frequency], i) => {
    docs[i] = doc;
    frequencies[i] = frequency;
  });
}

function entryKey({ term, stems }: AcronymEntry): string {
  return `${term} ${stems.join(' ')}`;
}

function uniqueEntries(entries: readonly AcronymEntry[]): AcronymEntry[] {
  return [...new Map(entries.map((entry) => [entryKey(entry), entry])).values()];
}
