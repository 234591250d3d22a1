import type { WeightedTerm } from '../bm25f.js';
import type { SearchOptions } from '../options.js';
import type { SemanticScorer } from './semantic-scorer.js';
import { TopK } from '../top-k.js';
import type { PaperWords } from './paper-words.js';
import { chooseTerms, documentFrequencies, PAPERS_PER_STEP, sample, WeightedRows } from './tfidf-rows.js';
import { truncatedSvdSteps } from './truncated-svd.js';
import { runInSlices, runToEnd, type Steps } from './work-slices.js';

export type LsaOptions = SearchOptions['semantic'];

/** The model as a snapshot stores it: what is not a typed array in the JSON header, the arrays by name. */
export interface LsaSnapshot {
  readonly header: Pick<LsaParts, 'rank' | 'modelled' | 'terms'>;
  readonly arrays: Record<string, Int8Array | Int32Array | Float32Array>;
}

const SNAPSHOT_ARRAYS = ['idf', 'termVectors', 'termScales', 'docVectors', 'docScales'] as const;

/** The model in flat arrays. */
interface LsaParts {
  readonly rank: number;
  /** Papers the decomposition was computed from; those after them were folded in. */
  readonly modelled: number;
  readonly terms: string[];
  readonly idf: Float32Array;
  readonly termVectors: Int8Array;
  readonly termScales: Float32Array;
  readonly docVectors: Int8Array;
  readonly docScales: Float32Array;
}

/**
 * Latent semantic analysis (Deerwester et al., 1990) learnt from the corpus itself: papers ×
 * terms weighted by tf-idf (log term frequency, title words counted `titleWeight` times; each
 * paper's row of unit length), reduced by a truncated SVD to `rank` dimensions, where words that
 * keep the same company (`visual`, `image`, `multimodal`) lie close together. A paper is its
 * row times the right singular vectors (its coordinates in the reduced space); a query is folded
 * in the same way from its terms, so a query and a paper can be close without sharing a word.
 *
 * Papers that arrive later are folded in ({@link fold}): the same projection, with the terms the
 * model knows; that is exact for their own vectors, but the space itself is not relearnt until
 * {@link needsRefresh} says enough has arrived and the model is built again.
 *
 * Vectors are kept as signed bytes with one scale per row: a quarter of the memory and snapshot
 * of floats, for a cosine that moves in the third decimal.
 *
 * @example
 * const model = LsaModel.build(index, defaultSearchOptions.semantic);
 * const query = model.embedQuery([{ term: 'vision', weight: 1 }]);
 * if (query) model.similarity(query, 0); // cosine of paper 0 and the query
 */
export class LsaModel implements SemanticScorer {
  private readonly termRows: Map<string, number>;
  private docVectors: Int8Array;
  private docScales: Float32Array;
  /** Papers with a place in the model: those it was learnt from, then those folded in after them. */
  private size: number;

  private constructor(private readonly parts: LsaParts) {
    this.termRows = new Map(parts.terms.map((term, row) => [term, row]));
    this.docVectors = parts.docVectors;
    this.docScales = parts.docScales;
    this.size = parts.docScales.length;
  }

  /**
   * Learns the model from the papers' words: the vocabulary and idf from all of them, the SVD
   * from at most `sampleSize` of them (evenly spread), then every paper folded in.
   */
  static build(papers: PaperWords, options: LsaOptions): LsaModel {
    return runToEnd(LsaModel.buildSteps(papers, options));
  }

  /**
   * {@link build} in slices of about `sliceMs` between other work, for a refresh while searches
   * are served. `papers` must not change meanwhile: give it a copy (`copyPaperWords`).
   */
  static buildInSlices(papers: PaperWords, options: LsaOptions, sliceMs: number): Promise<LsaModel> {
    return runInSlices(LsaModel.buildSteps(papers, options), sliceMs);
  }

  private static *buildSteps(papers: PaperWords, options: LsaOptions): Steps<LsaModel> {
    const frequencies = yield* documentFrequencies(papers);
    const vocabulary = chooseTerms(frequencies, papers, options);
    const columnOf = new Int32Array(frequencies.length).fill(-1);
    vocabulary.forEach((termId, column) => {
      columnOf[termId] = column;
    });
    const idf = Float32Array.from(vocabulary, (termId) => Math.log(papers.size / frequencies[termId]!));
    const rows = new WeightedRows(columnOf, idf, options.titleWeight);
    const sampled = sample(papers.size, options.sampleSize);
    const matrix = yield* rows.matrix(papers, sampled);
    const wanted = Math.min(options.maxRank, Math.ceil(options.rankPerSqrtPapers * Math.sqrt(papers.size)));
    const svd = yield* truncatedSvdSteps(matrix, { rank: wanted, oversampling: options.oversampling, powerIterations: options.powerIterations, seed: 1 });
    const rank = svd.rank;
    const termVectors = new Int8Array(vocabulary.length * rank);
    const termScales = new Float32Array(vocabulary.length);
    for (let row = 0; row < vocabulary.length; row++) quantize(svd.right.subarray(row * rank, (row + 1) * rank), termVectors, termScales, row);
    const model = new LsaModel({
      rank,
      modelled: papers.size,
      terms: vocabulary.map((termId) => papers.termOf(termId)),
      idf,
      termVectors,
      termScales,
      docVectors: new Int8Array(papers.size * rank),
      docScales: new Float32Array(papers.size),
    });
    // A paper's coordinates are its weighted row times V (from V in full precision, not the bytes).
    for (let doc = 0; doc < papers.size; doc += PAPERS_PER_STEP) {
      yield;
      model.setDocs(papers, rows, svd.right, doc, Math.min(papers.size, doc + PAPERS_PER_STEP));
    }
    return model;
  }

  /** The model as saved by {@link toSnapshot}, for an index of `papers` papers; throws if the arrays do not fit together or with it. */
  static fromSnapshot({ header, arrays }: LsaSnapshot, papers: number): LsaModel {
    const { rank, modelled, terms } = header;
    const counts = Number.isInteger(rank) && rank >= 0 && Number.isInteger(modelled) && modelled >= 0 && modelled <= papers;
    const [idf, termVectors, termScales, docVectors, docScales] = SNAPSHOT_ARRAYS.map((name) => arrays[`semantic.${name}`]);
    const fits =
      counts &&
      idf instanceof Float32Array &&
      termScales instanceof Float32Array &&
      docScales instanceof Float32Array &&
      termVectors instanceof Int8Array &&
      docVectors instanceof Int8Array &&
      Array.isArray(terms) &&
      idf.length === terms.length &&
      termScales.length === terms.length &&
      termVectors.length === terms.length * rank &&
      docScales.length === papers &&
      docVectors.length === docScales.length * rank;
    if (!fits) throw new Error('The search snapshot is damaged; rebuild it.');
    // Copies, so the snapshot's bytes can be freed.
    return new LsaModel({
      rank,
      modelled,
      terms,
      idf: idf.slice(),
      termVectors: termVectors.slice(),
      termScales: termScales.slice(),
      docVectors: docVectors.slice(),
      docScales: docScales.slice(),
    });
  }

  get rank(): number {
    return this.parts.rank;
  }

  /** The model for a snapshot: a small JSON header and five typed arrays (papers folded in included). */
  toSnapshot(): LsaSnapshot {
    const { rank, modelled, terms, idf, termVectors, termScales } = this.parts;
    const docVectors = this.docVectors.subarray(0, this.size * rank);
    const docScales = this.docScales.subarray(0, this.size);
    const arrays = { idf, termVectors, termScales, docVectors, docScales };
    return { header: { rank, modelled, terms }, arrays: Object.fromEntries(SNAPSHOT_ARRAYS.map((name) => [`semantic.${name}`, arrays[name]])) };
  }

  /** True once the papers folded in since the build reach `share` of those it was learnt from. */
  needsRefresh(share: number): boolean {
    const added = this.size - this.parts.modelled;
    return added > 0 && added >= share * Math.max(1, this.parts.modelled);
  }

  embedQuery(terms: readonly WeightedTerm[]): Float32Array | null {
    const { rank, idf, termVectors, termScales } = this.parts;
    if (rank === 0) return null;
    const vector = new Float64Array(rank);
    let known = false;
    for (const { term, weight } of terms) {
      const row = this.termRows.get(term);
      if (row === undefined || termScales[row] === 0) continue;
      known = true;
      const scale = weight * idf[row]! * termScales[row]!;
      for (let k = 0; k < rank; k++) vector[k]! += scale * termVectors[row * rank + k]!;
    }
    const norm = Math.hypot(...vector);
    return known && norm > 0 ? Float32Array.from(vector, (v) => v / norm) : null;
  }

  similarity(query: Float32Array, doc: number): number {
    const scale = this.docScales[doc] ?? 0;
    if (scale === 0) return 0;
    const { rank } = this.parts;
    const vectors = this.docVectors;
    const base = doc * rank;
    let sum = 0;
    for (let k = 0; k < rank; k++) sum += query[k]! * vectors[base + k]!;
    return sum * scale;
  }

  nearest(query: Float32Array, limit: number, minSimilarity: number, skip: (doc: number) => boolean): { doc: number; similarity: number }[] {
    // A bounded heap: a query like anything scores tens of thousands of papers above the bar.
    const best = new TopK(limit);
    for (let doc = 0; doc < this.size; doc++) {
      const similarity = this.similarity(query, doc);
      if (similarity >= minSimilarity && similarity >= best.threshold && !skip(doc)) best.push(similarity, doc);
    }
    return best.sorted().map(({ doc, score }) => ({ doc, similarity: score }));
  }

  /**
   * Gives papers (new, or with new words) their vectors from the terms the model knows, the way
   * a query is folded in. Papers past the end grow the arrays.
   */
  fold(papers: PaperWords, docs: readonly number[], titleWeight: number): void {
    const { rank, idf, termVectors, termScales } = this.parts;
    let needed = this.docScales.length;
    for (const doc of docs) needed = Math.max(needed, doc + 1);
    if (needed > this.docScales.length) {
      const capacity = Math.ceil(needed * 1.25);
      const vectors = new Int8Array(capacity * rank);
      vectors.set(this.docVectors);
      const scales = new Float32Array(capacity);
      scales.set(this.docScales);
      [this.docVectors, this.docScales] = [vectors, scales];
    }
    const vector = new Float64Array(rank);
    for (const doc of docs) {
      vector.fill(0);
      // By term, not term id: the index renumbers its terms in a snapshot, the model keeps its own.
      const counts = new Map<number, number>();
      let weight = titleWeight;
      for (const id of papers.sequenceOf(doc)) {
        if (id < 0) weight = 1;
        const row = id < 0 ? undefined : this.termRows.get(papers.termOf(id));
        if (row !== undefined) counts.set(row, (counts.get(row) ?? 0) + weight);
      }
      const weights = [...counts].map(([row, count]) => [row, (1 + Math.log(count)) * idf[row]!] as const);
      const norm = Math.sqrt(weights.reduce((sum, [, w]) => sum + w * w, 0));
      for (const [row, w] of weights) {
        const scale = (w / norm) * termScales[row]!;
        for (let k = 0; k < rank; k++) vector[k]! += scale * termVectors[row * rank + k]!;
      }
      this.setDoc(doc, vector);
      this.size = Math.max(this.size, doc + 1);
    }
  }

  /** Papers `from` to `to` placed by their tf-idf rows times `right` (V, `rank` wide). */
  private setDocs(papers: PaperWords, rows: WeightedRows, right: Float64Array, from: number, to: number): void {
    const { rank } = this.parts;
    const vector = new Float64Array(rank);
    for (let doc = from; doc < to; doc++) {
      vector.fill(0);
      rows.forEach(papers, doc, (column, value) => {
        const base = column * rank;
        for (let k = 0; k < rank; k++) vector[k]! += value * right[base + k]!;
      });
      this.setDoc(doc, vector);
    }
  }

  /** Stores a paper's coordinates as a unit vector in bytes (all zero: no vector). */
  private setDoc(doc: number, vector: Float64Array): void {
    const norm = Math.hypot(...vector);
    if (norm === 0) {
      this.docScales[doc] = 0;
      return;
    }
    for (let k = 0; k < vector.length; k++) vector[k]! /= norm;
    quantize(vector, this.docVectors, this.docScales, doc);
  }
}

/** A vector as bytes in row `row` of `out`, with the scale that turns them back into numbers. */
function quantize(vector: ArrayLike<number>, out: Int8Array, scales: Float32Array, row: number): void {
  let largest = 0;
  for (let k = 0; k < vector.length; k++) largest = Math.max(largest, Math.abs(vector[k]!));
  const scale = largest / 127;
  scales[row] = scale;
  const base = row * vector.length;
  for (let k = 0; k < vector.length; k++) out[base + k] = scale === 0 ? 0 : Math.round(vector[k]! / scale);
}
