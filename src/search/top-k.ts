/**
 * The `k` best (score, doc) pairs of a stream, without sorting the whole stream: a bounded
 * min-heap. A pair may carry a tier: a higher tier ranks above any score of a lower one. Ties
 * go to the lower doc number, so equal scores keep corpus order.
 *
 * @example
 * const top = new TopK(2);
 * top.push(0.5, 7); top.push(0.9, 3); top.push(0.1, 1);
 * top.sorted(); // [{ doc: 3, score: 0.9 }, { doc: 7, score: 0.5 }]
 */
export class TopK {
  private readonly scores: Float64Array;
  private readonly docs: Int32Array;
  private readonly tiers: Uint8Array;
  private count = 0;

  constructor(private readonly k: number) {
    this.scores = new Float64Array(Math.max(k, 0));
    this.docs = new Int32Array(Math.max(k, 0));
    this.tiers = new Uint8Array(Math.max(k, 0));
  }

  /** Scores below this cannot enter (−∞ until full, +∞ when `k` is 0): lets callers skip most pushes. Tiers aside. */
  get threshold(): number {
    if (this.k <= 0) return Infinity;
    return this.count < this.k ? -Infinity : this.scores[0]!;
  }

  /** The lowest tier kept (0 until full). */
  get lowestTier(): number {
    return this.count < this.k ? 0 : this.tiers[0]!;
  }

  push(score: number, doc: number, tier = 0): void {
    if (this.k <= 0) return;
    if (this.count < this.k) {
      this.scores[this.count] = score;
      this.docs[this.count] = doc;
      this.tiers[this.count] = tier;
      this.siftUp(this.count++);
    } else if (this.better(score, doc, tier, 0)) {
      this.scores[0] = score;
      this.docs[0] = doc;
      this.tiers[0] = tier;
      this.siftDown(0);
    }
  }

  /** The kept pairs, best first. */
  sorted(): { doc: number; score: number }[] {
    const out: { doc: number; score: number }[] = [];
    const order = Array.from({ length: this.count }, (_, i) => i).sort((a, b) => (this.better(this.scores[a]!, this.docs[a]!, this.tiers[a]!, b) ? -1 : 1));
    for (const i of order) out.push({ doc: this.docs[i]!, score: this.scores[i]! });
    return out;
  }

  /** True when (score, doc, tier) ranks above the pair at heap slot `i`. */
  private better(score: number, doc: number, tier: number, i: number): boolean {
    const otherTier = this.tiers[i]!;
    if (tier !== otherTier) return tier > otherTier;
    const other = this.scores[i]!;
    return score > other || (score === other && doc < this.docs[i]!);
  }

  private siftUp(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.better(this.scores[parent]!, this.docs[parent]!, this.tiers[parent]!, i)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  private siftDown(i: number): void {
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let worst = i;
      if (left < this.count && this.better(this.scores[worst]!, this.docs[worst]!, this.tiers[worst]!, left)) worst = left;
      if (right < this.count && this.better(this.scores[worst]!, this.docs[worst]!, this.tiers[worst]!, right)) worst = right;
      if (worst === i) return;
      this.swap(i, worst);
      i = worst;
    }
  }

  private swap(a: number, b: number): void {
    [this.scores[a], this.scores[b]] = [this.scores[b]!, this.scores[a]!];
    [this.docs[a], this.docs[b]] = [this.docs[b]!, this.docs[a]!];
    [this.tiers[a], this.tiers[b]] = [this.tiers[b]!, this.tiers[a]!];
  }
}
