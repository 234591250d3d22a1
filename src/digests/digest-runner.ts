import { hostname } from 'node:os';
import { DIGESTS } from '../config.js';
import type { PaperLibrary } from '../library/paper-library.js';
import type { Workspace } from '../store/team-memory.js';
import type { Logger } from '../logger.js';
import { digestMessage } from '../render/digest.js';
import { activeWatches, claimPeriod, finishClaim, isClaimed, lastCovered, papersFirstStored, pauseWatch, type Watch } from '../store/watches.js';
import { digestPapers } from './digest-papers.js';
import type { DigestPoster } from './digest-poster.js';
import { latestDue, periodOf, type DigestSchedule, type Period } from './periods.js';

/** What one run did, watch by watch, summed. */
export interface DigestReport {
  /** Digests posted. */
  posted: number;
  /** Periods claimed with nothing new to post. */
  empty: number;
  /** Watches whose period was not due yet, or claimed already (by this process or another). */
  skipped: number;
  /** Watches paused because their channel cannot be posted in any more. */
  paused: number;
  /** Digests that failed otherwise (their papers go into the next digest). */
  failed: number;
}

export interface DigestRunnerOptions {
  library: PaperLibrary;
  poster: DigestPoster;
  schedule: DigestSchedule;
  logger: Logger;
  now?: () => Date;
  /** Only this workspace's watches (the command line, posting with one workspace's token); every workspace's when absent. */
  workspace?: Workspace;
}

const DAY_MS = 86_400_000;
const CHANNEL_GONE: ReadonlySet<string> = new Set(DIGESTS.channelGoneErrors);

/**
 * Posts watches' digests, each period at most once. For every active watch: pick the period
 * (the newest one due, for the scheduler; the current one, for `paperbot digest --now`), claim
 * it in the store (whoever claims first posts; everyone else skips), find the papers first stored
 * since the watch's last digest that match its query above the relevance floor, and post them, or
 * nothing when there are none. A channel Paperbot can no longer post in pauses its watch, once.
 *
 * NOTE on exactly once: the claim is taken before posting and never released, so a crash after
 * posting, a restart, or a second instance cannot post the period again. The price is that a
 * crash between claim and post skips that period's post; its papers are not lost, since the next
 * digest starts where the last posted one ended.
 *
 * @example
 * const runner = new DigestRunner({ library, poster, schedule: { hour: 9, timeZone: 'UTC' }, logger });
 * await runner.runNow(); // { posted: 2, empty: 1, skipped: 0, paused: 0, failed: 0 }
 */
export class DigestRunner {
  private readonly now: () => Date;
  private readonly log: Logger;
  /** Who claims, as the store records it. */
  private readonly instance = `${hostname()}:${process.pid}`;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: DigestRunnerOptions) {
    this.now = options.now ?? (() => new Date());
    this.log = options.logger.child({ component: 'digests' });
  }

  /**
   * The scheduler's run: each watch's newest period that is due, unless the watch was set after
   * that period was due (its first digest is the next one). A period missed while Paperbot was
   * down is the newest due one when it comes back: posted once, never one per missed day.
   */
  runDue(at: Date = this.now()): Promise<DigestReport> {
    return this.serially(() =>
      this.run(at, (watch) => {
        const due = latestDue(watch.cadence, at, this.options.schedule);
        return due.dueAt.getTime() >= Date.parse(watch.createdAt) ? due : null;
      }),
    );
  }

  /** `paperbot digest --now`: every watch's current period, due or not, unless it was posted already. */
  runNow(at: Date = this.now()): Promise<DigestReport> {
    return this.serially(() => this.run(at, (watch) => periodOf(watch.cadence, at, this.options.schedule)));
  }

  /** Waits for the run under way, if any (shutdown). */
  async idle(): Promise<void> {
    await this.queue.catch(() => undefined);
  }

  /** One run at a time in this process: a scheduled tick during `--now` waits for it. */
  private serially<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async run(at: Date, periodFor: (watch: Watch) => Period | null): Promise<DigestReport> {
    const report: DigestReport = { posted: 0, empty: 0, skipped: 0, paused: 0, failed: 0 };
    const { library } = this.options;
    const only = this.options.workspace;
    const watches = (await activeWatches(library.store)).filter(
      (w) => !only || (w.workspace.teamId === only.teamId && w.workspace.enterpriseId === only.enterpriseId),
    );
    if (watches.length === 0) return report;
    // Papers stored by another instance must be searchable before they can be picked.
    await library.sync();
    for (const watch of watches) {
      const period = periodFor(watch);
      try {
        const outcome = period ? await this.digest(watch, period, at) : 'skipped';
        report[outcome] += 1;
      } catch (error) {
        report.failed += 1;
        this.log.error({ err: error, watchId: watch.id, period: period?.key }, 'digest failed; its papers go into the next one');
      }
    }
    this.log.info({ ...report, watches: watches.length }, 'digest run done');
    return report;
  }

  private async digest(watch: Watch, period: Period, at: Date): Promise<keyof DigestReport> {
    const { library, poster } = this.options;
    const store = library.store;
    // A cheap look first: most ticks find every period claimed.
    if (await isClaimed(store, watch.id, period.key)) return 'skipped';
    const from = (await lastCovered(store, watch.id)) ?? { until: firstWindowStart(watch, at), seq: null };
    // Up to what the index has taken in (run() synced it): papers still being written go into the next digest.
    const toSeq = library.seq;
    if (!(await claimPeriod(store, { watchId: watch.id, period: period.key, by: this.instance, window: { from: from.until, to: at, toSeq } }, at)))
      return 'skipped';
    const log = this.log.child({ watchId: watch.id, channel: watch.channel, period: period.key });

    const newIds = new Set(await papersFirstStored(store, { from, toSeq }));
    const { papers, total } = digestPapers(library.search, watch.query, newIds, DIGESTS);
    if (papers.length === 0) {
      await finishClaim(store, watch.id, period.key, { state: 'empty', papers: 0 }, this.now());
      log.info({ newPapers: newIds.size }, 'digest: nothing new matches; nothing posted');
      return 'empty';
    }
    const message = digestMessage({ query: watch.query, cadence: watch.cadence, number: watch.number, since: from.until.toISOString(), papers, total });
    const posted = await poster.post(watch.workspace, watch.channel, message);
    if (posted.ok) {
      await finishClaim(store, watch.id, period.key, { state: 'posted', papers: total, messageTs: posted.ts }, this.now());
      log.info({ papers: total, listed: papers.length, ts: posted.ts }, 'digest posted');
      return 'posted';
    }
    await finishClaim(store, watch.id, period.key, { state: 'failed', papers: total, error: posted.error }, this.now());
    if (CHANNEL_GONE.has(posted.error)) {
      await pauseWatch(store, watch.id, reasonFor(posted.error), this.now());
      log.warn({ error: posted.error }, `digest: cannot post in ${watch.channel} (${posted.error}); watch ${watch.number} paused until it is set again`);
      return 'paused';
    }
    log.error({ error: posted.error }, 'digest: Slack refused the post; its papers go into the next digest');
    return 'failed';
  }
}

/**
 * Where a watch's first digest starts: when it was set, or one period before the digest if that
 * is earlier, so a watch set today shows today's papers and one set weeks ago (its digests all
 * failed, or Paperbot was down) misses nothing since.
 */
function firstWindowStart(watch: Watch, at: Date): Date {
  return new Date(Math.min(Date.parse(watch.createdAt), at.getTime() - DIGESTS.firstWindowDays[watch.cadence] * DAY_MS));
}

/** Why a watch is paused, in words for `/paper watches`. */
function reasonFor(error: string): string {
  switch (error) {
    case 'not_in_channel':
      return 'Paperbot is not in this channel';
    case 'is_archived':
      return 'the channel is archived';
    case 'channel_not_found':
      return 'Paperbot cannot see this channel';
    case 'not_installed':
    case 'invalid_auth':
    case 'token_revoked':
    case 'account_inactive':
      return 'Paperbot is no longer installed in this workspace';
    default:
      return `Slack refused the post (${error})`;
  }
}
