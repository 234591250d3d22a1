import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Long work written as a generator that pauses (`yield`) every so often and returns its result:
 * the same code runs straight through ({@link runToEnd}) when nothing else is waiting, as when
 * an index is built at start-up, or in slices between other work ({@link runInSlices}), as when
 * the semantic model is learnt again while searches are served.
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs the work to its end, ignoring its pauses. */
export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Runs the work in slices of about `sliceMs`, giving the event loop a turn between them, so a
 * search or a Slack request waits at most one slice.
 */
export async function runInSlices<T>(steps: Steps<T>, sliceMs: number): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await nextTurn();
      sliceStart = performance.now();
    }
  }
}
