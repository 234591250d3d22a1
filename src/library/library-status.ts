import { countBySource, countPapers } from '../store/paper-repository.js';
import { allSourceStates, type SourceState } from '../store/source-state.js';
import type { PaperLibrary } from './paper-library.js';

/** One configured source, as `/paper status` shows it. */
export interface SourceStatus extends SourceState {
  /** Fetched on a schedule by this process (false: only its past runs are known). */
  scheduled: boolean;
}

/** What `/paper status` and `paperbot status` say about the papers and where they come from. */
export interface LibraryStatus {
  papers: number;
  /** Papers each source has seen (`page:hf-papers-page.txt`, `hf-daily`, `arxiv-lookup` …). */
  bySource: Record<string, number>;
  /** Every source with a fetch state or on this process's schedule, in name order. */
  sources: SourceStatus[];
  /** `sqlite` or `postgres`. */
  engine: string;
}

/**
 * The library's status, read from the store (so it is the same whichever instance is asked).
 * `scheduled` names the sources this process fetches and `nextRunAt` overrides what the store
 * says with this process's own timers.
 */
export async function libraryStatus(
  library: PaperLibrary,
  schedule: { sourceNames: string[]; nextRunAt(source: string): Date | null } | undefined,
): Promise<LibraryStatus> {
  const { store } = library;
  const states = new Map((await allSourceStates(store)).map((state) => [state.source, state]));
  const names = [...new Set([...(schedule?.sourceNames ?? []), ...states.keys()])].sort();
  const sources = names.map((source): SourceStatus => {
    const state = states.get(source) ?? {
      source,
      lastSuccessAt: null,
      lastAdded: null,
      lastUpdated: null,
      lastError: null,
      lastErrorAt: null,
      consecutiveFailures: 0,
      nextRunAt: null,
    };
    const scheduled = schedule?.sourceNames.includes(source) ?? false;
    const next = scheduled ? schedule?.nextRunAt(source) : null;
    return { ...state, scheduled, nextRunAt: next ? next.toISOString() : scheduled ? state.nextRunAt : null };
  });
  return { papers: await countPapers(store), bySource: await countBySource(store), sources, engine: store.engine };
}
