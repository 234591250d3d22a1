import type { CorpusSummary } from '../corpus/corpus-summary.js';
import type { LookupOutcome } from '../library/lookup-paper.js';
import type { TeamMemory, Workspace } from '../library/team-memory.js';
import type { Watches } from '../library/watches.js';
import type { StatusView } from '../render/status.js';
import type { PaperSearch } from '../search/types.js';

/** What answering a request needs from the rest of Paperbot. */
export interface AnswerDeps {
  search: PaperSearch;
  /** Counts and months of the papers, for help and the App Home tab. */
  corpusSummary: CorpusSummary;
  /** For `/paper random`; injectable so tests can pick. */
  random: () => number;
  /** Goes up whenever the papers change, so answers remembered under an older value are not reused. */
  generation: () => number;
  /**
   * Fetches a paper named by arXiv id that is not stored yet, stores it and makes it searchable.
   * Undefined when Paperbot is offline (no sources): such an id is then answered with its links.
   */
  lookup: ((arxivId: string) => Promise<LookupOutcome>) | undefined;
  /** `/paper status`: papers by source, and how each live source is doing. */
  status: () => Promise<StatusView>;
  /** What each workspace shared and where it was discussed (NO_MEMORY where there is no store). */
  memory: TeamMemory;
  /** Each channel's watches (`/paper watch`); NO_WATCHES where there is no store. */
  watches: Watches;
}

/** Who asked, and where: the workspace, the person and the conversation (each unknown for some surfaces). */
export interface Asker {
  ws?: Workspace;
  userId?: string;
  /** The conversation the request was typed in: where a watch set by it posts. */
  channel?: string;
}

export type { TeamMemory, Watches, Workspace };
