import { LIBRARY } from '../config.js';
import type { SourcedPaper } from '../corpus/sourced-paper.js';
import type { Logger } from '../logger.js';
import type { PaperSearch } from '../search/types.js';
import type { Store } from '../store/open-store.js';
import { papersChangedSince, upsertPapers, type UpsertResult } from '../store/paper-repository.js';
import { displayPaper } from './display-paper.js';

/**
 * The papers Paperbot knows: the store (the truth, shared by every process on it) and the search
 * index over it, kept in step. Every write goes to the store first, in one transaction; the
 * index then takes what changed in the store since it last looked (by change sequence number),
 * so it follows writes from this process and, with {@link PaperLibrary.sync}, from any other.
 *
 * @example
 * const library = await openLibrary({ databaseUrl, dataDir, logger });
 * await library.add(result.papers); // stored, and searchable when this resolves
 */
export class PaperLibrary {
  private seenSeq: number;
  private changes = 0;
  private syncing: Promise<number> | undefined;
  private nextSync: Promise<number> | undefined;

  constructor(
    readonly store: Store,
    readonly search: PaperSearch,
    /** The store's change sequence number the index was built at. */
    builtAtSeq: number,
    private readonly log: Logger,
  ) {
    this.seenSeq = builtAtSeq;
  }

  /** Goes up whenever the index changes: answers cached under an older one are stale. */
  get generation(): number {
    return this.changes;
  }

  /**
   * Stores a batch of papers (one transaction: all or nothing) and makes every paper it added or
   * changed searchable before resolving.
   */
  async add(batch: readonly SourcedPaper[], now: Date = new Date()): Promise<UpsertResult> {
    const result = await upsertPapers(this.store, batch, now);
    if (result.added.length + result.updated.length > 0) await this.sync();
    return result;
  }

  /**
   * Brings the index up to date with the store: every paper stored or changed since the index
   * last looked. Resolves with how many it took in, once everything stored before the call is in.
   */
  sync(): Promise<number> {
    // NOTE: a pass already under way may have read the store before the caller's write
    // committed, so a caller never just joins it: it gets the next pass, which starts once the
    // current one ends (callers arriving meanwhile share that one).
    if (this.syncing) {
      this.nextSync ??= this.syncing.then(
        () => this.startSync(),
        () => this.startSync(),
      );
      return this.nextSync;
    }
    return this.startSync();
  }

  private startSync(): Promise<number> {
    this.nextSync = undefined;
    const pass = this.pull().finally(() => {
      if (this.syncing === pass) this.syncing = undefined;
    });
    this.syncing = pass;
    return pass;
  }

  private async pull(): Promise<number> {
    let taken = 0;
    for (;;) {
      const changed = await papersChangedSince(this.store, this.seenSeq, LIBRARY.syncBatch);
      if (changed.length === 0) break;
      // NOTE: in slices, letting the event loop turn between them: at 100k papers an upsert of
      // 100 costs about 50 ms, and a Slack request arriving meanwhile must not wait for a whole
      // fetch's worth (bench:library, 'search while a fetch runs').
      for (let start = 0; start < changed.length; start += LIBRARY.upsertSlice) {
        if (start > 0) await new Promise((resolve) => setImmediate(resolve));
        this.search.upsert(changed.slice(start, start + LIBRARY.upsertSlice).map(displayPaper));
      }
      this.seenSeq = changed.at(-1)!.seq;
      taken += changed.length;
    }
    if (taken > 0) {
      this.changes += 1;
      this.log.debug({ papers: taken, seq: this.seenSeq }, 'search index took in stored changes');
    }
    return taken;
  }

  /** The store's change sequence number the index has seen; for tests and status. */
  get seq(): number {
    return this.seenSeq;
  }
}
