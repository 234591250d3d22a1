/**
 * The `k` best (score, doc) pairs of a stream, without sorting the whole stream: a bounded
 * min-heap. Ties go to the lower doc number, so equal scores keep corpus order.
 *
 * @example
 * const top = new TopK(2);
 * top.push(0.5, 7); top.push(0.9, 3); top.push(0.1, 1);
 * top.sorted(); // [{ doc: 3, score: 0.9 }, { doc: 7, score: 0.5 }]
 */
export class TopK {
  private readonly scores: Float64Array;
  private readonly docs: Int32Array;
  private count = 0;

  constructor(private readonly k: number) {
    this.scores = new Float64Array(Math.max(k, 0));
    this.docs = new Int32Array(Math.max(k, 0));
  }

  /** Scores below this cannot enter (−∞ until full): lets callers skip most pushes. */
  get threshold(): number {
    return this.count < this.k ? -Infinity : this.scores[0]!;
  }

  push(score: number, doc: number): void {
    if (this.k <= 0) return;
    if (this.count < this.k) {
      this.scores[this.count] = score;
      this.docs[this.count] = doc;
      this.siftUp(this.count++);
    } else if (this.better(score, doc, 0)) {
      this.scores[0] = score;
      this.docs[0] = doc;
      this.siftDown(0);
    }
  }

  /** The kept pairs, best first. */
  sorted(): { doc: number; score: number }[] {
    const out: { doc: number; score: number }[] = [];
    for (let i = 0; i < this.count; i++) out.push({ doc: this.docs[i]!, score: this.scores[i]! });
    return out.sort((a, b) => b.score - a.score || a.doc - b.doc);
  }

  /** True when (score, doc) ranks above the pair at heap slot `i`. */
  private better(score: number, doc: number, i: number): boolean {
    const other = this.scores[i]!;
    return score > other || (score === other && doc < this.docs[i]!);
  }

  private siftUp(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.better(this.scores[parent]!, this.docs[parent]!, i)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  private siftDown(i: number): void {
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let worst = i;
      if (left < this.count && this.better(this.scores[worst]!, this.docs[worst]!, left)) worst = left;
      if (right < this.count && this.better(this.scores[worst]!, this.docs[worst]!, right)) worst = right;
      if (worst === i) return;
      this.swap(i, worst);
      i = worst;
    }
  }

  private swap(a: number, b: number): void {
    [this.scores[a], this.scores[b]] = [this.scores[b]!, this.scores[a]!];
    [this.docs[a], this.docs[b]] = [this.docs[b]!, this.docs[a]!];
  }
}
