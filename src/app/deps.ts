import type { Logger } from '../logger.js';
import type { PaperSearch } from '../search/types.js';
import type { CorpusSummary } from './corpus-summary.js';

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
}
