/** What the pairs read of the index: each paper's word sequence, as term ids. */
export interface Sequences {
  readonly size: number;
  /** Term ids in reading order, −1 between title and abstract. */
  sequenceOf(doc: number): Int32Array;
  termOf(termId: number): string;
}

export interface FrequentPairsOptions {
  /** A pair of words side by side in at least this share of the papers gets its own set. */
  readonly minShare: number;
  /** At most this many pairs, the commonest. */
  readonly maxPairs: number;
  /** Pairs are found in a sample of this many papers (evenly spread), then counted in all. */
  readonly sampleSize: number;
}

/** The pairs as a snapshot stores them: the words in the JSON header, the sets as one array. */
export interface FrequentPairsSnapshot {
  readonly header: { readonly pairs: [string, string][]; readonly words: number };
  readonly bits: Int32Array;
}

/** Papers between two growths of the sets: a day of arrivals reallocates them once. */
const GROWTH = 1.25;

/**
 * For the commonest pairs of adjacent words (`language models`, `large language`), the set of
 * papers that say them side by side, one bit a paper. A quoted phrase of two such words is
 * then checked with one bit instead of a scan of the paper's words: a phrase of two common
 * words is held by tens of thousands of papers at 100,000, and scanning them all cost 30 ms.
 * Pairs that are not this common fall back to the scan (they are held by few papers, but a
 * rare pair of common words, `models language`, still scans every paper with both).
 *
 * Kept exact as papers arrive or change ({@link update}); which pairs have a set is decided at
 * build and kept until the next build.
 *
 * @example
 * const pairs = FrequentPairs.build(index, { minShare: 0.01, maxPairs: 1000, sampleSize: 5000 });
 * pairs.holds(doc, languageId, modelsId); // true, false, or undefined (no set: scan)
 */
export class FrequentPairs {
  /** Pair key (first id × 2²¹ + second id, ids of this index) → its set's row. */
  private readonly rows: Map<number, number>;
  /** Row-major: row r's bits are `bits[r × words … (r + 1) × words)`. */
  private bits: Int32Array;
  private words: number;

  private constructor(
    private readonly pairs: readonly [number, number][],
    bits: Int32Array,
    words: number,
  ) {
    this.rows = new Map(pairs.map(([a, b], row) => [pairKey(a, b), row]));
    this.bits = bits;
    this.words = words;
  }

  static build(papers: Sequences, options: FrequentPairsOptions): FrequentPairs {
    const threshold = Math.max(2, Math.ceil(options.minShare * papers.size));
    // Candidates from a sample (occurrences counted, a margin kept); then papers counted, for those only.
    const sampled = Math.min(papers.size, options.sampleSize);
    const counts = new Map<number, number>();
    for (let i = 0; i < sampled; i++)
      forEachPair(papers.sequenceOf(Math.floor((i * papers.size) / sampled)), (key) => counts.set(key, (counts.get(key) ?? 0) + 1));
    const floor = Math.max(1, (threshold * sampled) / Math.max(1, papers.size) / 2);
    const candidates = [...counts].filter(([, count]) => count >= floor).map(([key]) => key);
    const words = wordsFor(papers.size);
    const rows = new Map(candidates.map((key, row) => [key, row]));
    const bits = new Int32Array(candidates.length * words);
    const held = new Uint32Array(candidates.length);
    for (let doc = 0; doc < papers.size; doc++) {
      forEachPair(papers.sequenceOf(doc), (key) => {
        const row = rows.get(key);
        if (row === undefined) return;
        const at = row * words + (doc >>> 5);
        const bit = 1 << (doc & 31);
        if ((bits[at]! & bit) === 0) held[row]! += 1;
        bits[at]! |= bit;
      });
    }
    const kept = candidates
      .map((key, row) => ({ key, row, count: held[row]! }))
      .filter(({ count }) => count >= threshold)
      .sort((a, b) => b.count - a.count || a.key - b.key)
      .slice(0, options.maxPairs);
    const packed = new Int32Array(kept.length * words);
    kept.forEach(({ row }, to) => packed.set(bits.subarray(row * words, (row + 1) * words), to * words));
    return new FrequentPairs(
      kept.map(({ key }) => splitKey(key)),
      packed,
      words,
    );
  }

  /** The pairs saved by {@link toSnapshot}, for an index whose term ids are given by `termIds`. */
  static fromSnapshot({ header, bits }: FrequentPairsSnapshot, termIds: ReadonlyMap<string, number>, papers: number): FrequentPairs {
    const pairs = header.pairs.map(([a, b]) => [termIds.get(a), termIds.get(b)] as const);
    const fits = Number.isInteger(header.words) && header.words >= wordsFor(papers) && bits.length === pairs.length * header.words;
    if (!fits || pairs.some(([a, b]) => a === undefined || b === undefined)) throw new Error('The search snapshot is damaged; rebuild it.');
    return new FrequentPairs(pairs as [number, number][], bits.slice(), header.words);
  }

  /**
   * The pairs by word, for a snapshot. `kept(term)` says whether the snapshot keeps a term: a
   * pair whose word no paper holds any more (after upserts) is left out, sets and all, since
   * the restored index will not know the word.
   */
  toSnapshot(papers: Sequences, kept: (term: string) => boolean): FrequentPairsSnapshot {
    const rows = this.pairs.flatMap(([a, b], row) => {
      const words: [string, string] = [papers.termOf(a), papers.termOf(b)];
      return kept(words[0]) && kept(words[1]) ? [{ words, row }] : [];
    });
    const bits = new Int32Array(rows.length * this.words);
    rows.forEach(({ row }, to) => bits.set(this.bits.subarray(row * this.words, (row + 1) * this.words), to * this.words));
    return { header: { pairs: rows.map(({ words }) => words), words: this.words }, bits };
  }

  /** True or false when the pair has a set (the paper says `first` right before `second`, or not); undefined when it has none. */
  holds(doc: number, first: number, second: number): boolean | undefined {
    if (first >= ID_LIMIT || second >= ID_LIMIT) return undefined;
    const row = this.rows.get(pairKey(first, second));
    if (row === undefined) return undefined;
    const at = row * this.words + (doc >>> 5);
    return at < (row + 1) * this.words && (this.bits[at]! & (1 << (doc & 31))) !== 0;
  }

  /** Sets paper `doc`'s bits from its words now (new papers, and new versions of papers). */
  update(doc: number, sequence: Int32Array): void {
    if (this.pairs.length === 0) return;
    if (doc >>> 5 >= this.words) this.grow(doc + 1);
    const word = doc >>> 5;
    const bit = 1 << (doc & 31);
    for (let row = 0; row < this.pairs.length; row++) this.bits[row * this.words + word]! &= ~bit;
    forEachPair(sequence, (key) => {
      const row = this.rows.get(key);
      if (row !== undefined) this.bits[row * this.words + word]! |= bit;
    });
  }

  private grow(papers: number): void {
    const words = wordsFor(Math.ceil(papers * GROWTH));
    const bits = new Int32Array(this.pairs.length * words);
    for (let row = 0; row < this.pairs.length; row++) bits.set(this.bits.subarray(row * this.words, (row + 1) * this.words), row * words);
    [this.bits, this.words] = [bits, words];
  }
}

function wordsFor(papers: number): number {
  return Math.max(1, Math.ceil(papers / 32));
}

/** Term ids below 2²¹ pack into one exact number; pairs of higher ids get no set (they are scanned). */
const ID_LIMIT = 2_097_152;

function pairKey(first: number, second: number): number {
  return first * ID_LIMIT + second;
}

function splitKey(key: number): [number, number] {
  return [Math.floor(key / ID_LIMIT), key % ID_LIMIT];
}

/** Calls `visit` for each pair of adjacent words of a sequence, repeats included (never across the −1 between title and abstract). */
function forEachPair(sequence: Int32Array, visit: (key: number) => void): void {
  for (let i = 1; i < sequence.length; i++) {
    const a = sequence[i - 1]!;
    const b = sequence[i]!;
    if (a >= 0 && b >= 0 && a < ID_LIMIT && b < ID_LIMIT) visit(pairKey(a, b));
  }
}
