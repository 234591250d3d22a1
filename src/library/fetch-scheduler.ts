import { EventEmitter } from 'node:events';
import type { Logger } from '../logger.js';
import type { PaperSource } from '../sources/source.js';
import { SourceError } from '../sources/source-error.js';
import { getSourceState, recordFailure, recordSuccess } from '../store/source-state.js';
import type { PaperLibrary } from './paper-library.js';

/** What one fetch of one source did. */
export interface FetchRun {
  source: string;
  ok: boolean;
  added: number;
  updated: number;
  /** Entries the source left out as malformed. */
  skipped: number;
  /** Why it failed (safe to show), when it did. */
  error?: string;
  nextRunAt: Date | null;
}

export interface FetchSchedulerOptions {
  library: PaperLibrary;
  sources: readonly PaperSource[];
  /** Between two successful fetches of a source. */
  intervalMs: number;
  /** The first wait after a failure; doubles with each failure in a row, up to `intervalMs`. */
  retryAfterFailureMs: number;
  logger: Logger;
  now?: () => Date;
}

/**
 * Fetches each source once at start, then every `intervalMs`, storing what it finds through the
 * library (one transaction per fetch, so a failure or a stop half-way stores nothing of it) and
 * recording each run in the store for `/paper status`. A failing source backs off and is tried
 * again; it never stops the others or the app. Emits `run` (a {@link FetchRun}) after each fetch.
 *
 * @example
 * const scheduler = new FetchScheduler({ library, sources, intervalMs: 3_600_000, retryAfterFailureMs: 60_000, logger });
 * scheduler.start(); … await scheduler.stop();
 */
export class FetchScheduler extends EventEmitter<{ run: [FetchRun] }> {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly running = new Set<Promise<FetchRun>>();
  private abort = new AbortController();
  private readonly nextRuns = new Map<string, Date | null>();
  private readonly now: () => Date;

  constructor(private readonly options: FetchSchedulerOptions) {
    super();
    this.now = options.now ?? (() => new Date());
  }

  /** The sources fetched, by name. */
  get sourceNames(): string[] {
    return this.options.sources.map((s) => s.name);
  }

  /** When a source is next fetched (null: not scheduled, e.g. stopped). */
  nextRunAt(source: string): Date | null {
    return this.nextRuns.get(source) ?? null;
  }

  /** Fetches every source now, then keeps each on its own timer. Starts again after a `stop()` (another instance led meanwhile). */
  start(): void {
    if (this.abort.signal.aborted) this.abort = new AbortController();
    for (const source of this.options.sources) this.schedule(source, 0);
  }

  /**
   * One fetch of one source, now (the scheduler's timers, `paperbot fetch`, tests). `date`
   * fetches one day instead of "new since the last success". Never rejects.
   */
  runOnce(source: PaperSource, options: { date?: string } = {}, abort: AbortController = this.abort): Promise<FetchRun> {
    const run = this.fetch(source, options, abort);
    this.running.add(run);
    void run.finally(() => this.running.delete(run));
    return run;
  }

  /** Stops the timers and any fetch in flight (nothing of it is stored), and waits for them. */
  async stop(): Promise<void> {
    this.abort.abort();
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const name of this.nextRuns.keys()) this.nextRuns.set(name, null);
    await Promise.allSettled([...this.running]);
  }

  // NOTE: each chain of timers keeps the controller it was started with: after a stop and a
  // start (another instance led meanwhile), a fetch of the old chain that was still storing must
  // not read the new, live controller and schedule itself beside the new chain.
  private schedule(source: PaperSource, delayMs: number, abort: AbortController = this.abort): void {
    if (abort.signal.aborted) return;
    this.nextRuns.set(source.name, new Date(this.now().getTime() + delayMs));
    const timer = setTimeout(() => {
      this.timers.delete(source.name);
      void this.runOnce(source, {}, abort).then((run) => {
        if (run.nextRunAt) this.schedule(source, Math.max(0, run.nextRunAt.getTime() - this.now().getTime()), abort);
      });
    }, delayMs);
    // A pending fetch never keeps the process alive on its own.
    timer.unref();
    this.timers.set(source.name, timer);
  }

  private async fetch(source: PaperSource, { date }: { date?: string }, abort: AbortController): Promise<FetchRun> {
    const { library, logger, intervalMs, retryAfterFailureMs } = this.options;
    const store = library.store;
    const log = logger.child({ source: source.name });
    const started = this.now();
    try {
      const state = await getSourceState(store, source.name);
      const since = state?.lastSuccessAt ? new Date(state.lastSuccessAt) : undefined;
      const result = await source.fetch({ since, date, signal: abort.signal });
      // Stopped while the answer was on its way: nothing of it is stored.
      abort.signal.throwIfAborted();
      const stored = await library.add(result.papers, this.now());
      const nextRunAt = new Date(this.now().getTime() + intervalMs);
      await recordSuccess(store, source.name, { added: stored.added.length, updated: stored.updated.length, at: this.now(), nextRunAt });
      const run: FetchRun = { source: source.name, ok: true, added: stored.added.length, updated: stored.updated.length, skipped: result.skipped, nextRunAt };
      log.info(
        { added: run.added, updated: run.updated, skipped: run.skipped, problems: result.problems.slice(0, 5), ms: this.now().getTime() - started.getTime() },
        'fetched',
      );
      this.emit('run', run);
      return run;
    } catch (error) {
      if (abort.signal.aborted) {
        // Stopping is not the source's failure: nothing is stored, and its state stays as it was.
        log.info('fetch stopped: nothing of it stored');
        return { source: source.name, ok: false, added: 0, updated: 0, skipped: 0, error: 'Stopped before it finished.', nextRunAt: null };
      }
      const message = error instanceof SourceError ? error.message : `Failed: ${(error as Error).message}`;
      const retryAfterMs = error instanceof SourceError ? (error.retryAfterMs ?? 0) : 0;
      const backoff = (failures: number) =>
        new Date(this.now().getTime() + Math.max(retryAfterMs, Math.min(intervalMs, retryAfterFailureMs * 2 ** Math.max(0, failures - 1))));
      let nextRunAt: Date;
      try {
        const state = await recordFailure(store, source.name, { error: message, at: this.now(), nextRunAt: backoff });
        nextRunAt = state.nextRunAt ? new Date(state.nextRunAt) : backoff(1);
      } catch (recordError) {
        log.error({ err: recordError }, 'could not record the failed fetch');
        nextRunAt = backoff(1);
      }
      log.warn({ err: error, nextRunAt }, 'fetch failed; will try again');
      const run: FetchRun = { source: source.name, ok: false, added: 0, updated: 0, skipped: 0, error: message, nextRunAt };
      this.emit('run', run);
      return run;
    }
  }
}
