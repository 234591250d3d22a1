type TypedArray = Int32Array | Uint32Array | Uint16Array | Float32Array;

/** An append-only typed array that doubles when full; `view()` is the filled part. */
export class Growable<T extends TypedArray> {
  private data: T;
  length = 0;

  constructor(
    private readonly make: (size: number) => T,
    capacity = 1024,
  ) {
    this.data = make(capacity);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = this.make(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  view(): T {
    return this.data.subarray(0, this.length) as T;
  }
}
