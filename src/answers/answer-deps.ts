import type { CorpusSummary } from '../corpus/corpus-summary.js';
import type { PaperSearch } from '../search/types.js';

/** What answering a request needs from the rest of Paperbot. */
export interface AnswerDeps {
  search: PaperSearch;
  /** Counts and months of the papers, for help and the App Home tab. */
  corpusSummary: CorpusSummary;
  /** For `/paper random`; injectable so tests can pick. */
  random: () => number;
}
