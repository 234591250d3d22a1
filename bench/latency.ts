/** Small timing helpers for benchmarks. */

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Runs `run` over the queries `rounds` times (after one untimed warm-up round); p50 and p99 in ms. */
export function latencies(queries: readonly string[], rounds: number, run: (query: string) => unknown): { p50: number; p99: number; samples: number } {
  for (const query of queries) run(query);
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const query of queries) {
      const start = performance.now();
      run(query);
      times.push(performance.now() - start);
    }
  }
  return summary(times);
}

/** p50 and p99 of timings in ms (sorts `times`). */
export function summary(times: number[]): { p50: number; p99: number; samples: number } {
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99), samples: times.length };
}

/** Milliseconds `run` takes, once. */
export function time<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

/** Heap in use after a full collection (needs `node --expose-gc`), in MB. */
export function settledHeapMb(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
  return process.memoryUsage().heapUsed / 1e6;
}

export function rssMb(): number {
  return process.memoryUsage().rss / 1e6;
}
