/**
 * Counts work in progress (requests, listeners) so shutdown can wait for it to finish.
 *
 * @example const leave = inFlight.enter(); try { … } finally { leave(); }  await inFlight.idle();
 */
export class InFlight {
  private count = 0;
  private waiters: (() => void)[] = [];

  get size(): number {
    return this.count;
  }

  /** Marks one piece of work started; the returned function marks it done (once, however often it is called). */
  enter(): () => void {
    this.count += 1;
    let left = false;
    return () => {
      if (left) return;
      left = true;
      this.count -= 1;
      if (this.count === 0) for (const wake of this.waiters.splice(0)) wake();
    };
  }

  /** Counts `work` until it settles; returns it unchanged. */
  track<T>(work: Promise<T>): Promise<T> {
    const leave = this.enter();
    work.then(leave, leave);
    return work;
  }

  /** Resolves once nothing is in flight. */
  idle(): Promise<void> {
    return this.count === 0 ? Promise.resolve() : new Promise((resolve) => this.waiters.push(resolve));
  }
}
