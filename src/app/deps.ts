import type { Logger } from '../logger.js';
import type { PaperSearch } from '../search/types.js';
import type { CorpusSummary } from './corpus-summary.js';
import type { SeenEvents } from './event-dedupe.js';

/** What the handlers need from the rest of Paperbot. */
export interface Deps {
  search: PaperSearch;
  corpus: CorpusSummary;
  /** For `/paper random`; injectable so tests can pick. */
  random: () => number;
}

/** What our global middleware adds to Bolt's `context` for every request. */
export interface PaperbotContext {
  /** A child logger carrying this request's command, event or action. */
  log: Logger;
  /** Share clicks taken in the last moments, this app's own (src/app/share-paper.ts). */
  recentShares: SeenEvents;
}
