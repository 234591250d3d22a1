import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { LIBRARY, SLACK_EVENTS, SLACK_SHARES, SOURCES } from './config.js';
import { summarizeCorpus, type CorpusSummary } from './corpus/corpus-summary.js';
import { sourcesFor, type BaseConfig, type Config } from './env-config.js';
import { DigestRunner } from './digests/digest-runner.js';
import type { DigestPoster } from './digests/digest-poster.js';
import { DigestScheduler } from './digests/digest-scheduler.js';
import { DeploymentTurn } from './library/deployment-turn.js';
import { FetchScheduler } from './library/fetch-scheduler.js';
import { Leadership } from './library/leadership.js';
import { libraryStatus } from './library/library-status.js';
import { lookupPaper } from './library/lookup-paper.js';
import { openLibrary } from './library/open-library.js';
import { resolveMissingArxivIds } from './library/resolve-arxiv-ids.js';
import type { PaperLibrary } from './library/paper-library.js';
import { storeMemory } from './library/team-memory.js';
import { storeWatches } from './library/watches.js';
import type { Logger } from './logger.js';
import { sourceLabel } from './render/status.js';
import type { Deps } from './slack/deps.js';
import { createSource } from './sources/source.js';
import { sharedArxivGate } from './sources/arxiv-gate.js';
import { createSourceClients, type SourceSettings } from './sources/source-clients.js';
import { StoreClaims } from './store/claims.js';
import { PAPER_SEQ_COUNTER } from './store/schema.js';

/** Paperbot's papers, ready to answer from: the library, its fetch schedule and what the listeners get. */
export interface RunningLibrary {
  library: PaperLibrary;
  scheduler: FetchScheduler;
  deps: Deps;
  /** Starts the fetch schedule and, online, gives stored papers without an arXiv id theirs. */
  start(): void;
  /**
   * Starts the digest schedule (due digests now, then on the hour), posting through `poster`:
   * called once Slack (or the playground's stand-in) can be posted to. Returns the runner, for
   * "run digests now".
   */
  startDigests(poster: DigestPoster): DigestRunner;
  /**
   * Claims shared with the other instances on the store (Postgres): Slack events and Share
   * clicks each answered once across the deployment. Undefined on SQLite: one instance, its
   * own memory.
   */
  shared: { seenEvents: StoreClaims; recentShares: StoreClaims } | undefined;
  /** With several instances (Postgres): whether this one holds the `jobs` lease (fetches, digests). */
  leadership: Leadership | undefined;
  /** Stops the digests and fetching (nothing half-stored or half-claimed) and closes the store. */
  close(): Promise<void>;
}

/** The sources' settings from the environment's (HF_API_URL, ARXIV_API_URL, ARXIV_MIN_INTERVAL_MS). */
export function sourceSettingsOf(config: BaseConfig): SourceSettings {
  return {
    dataDir: config.dataDir,
    ...(config.hfApiUrl ? { hfApiUrl: config.hfApiUrl } : {}),
    ...(config.arxivApiUrl ? { arxivApiUrl: config.arxivApiUrl } : {}),
    ...(config.arxivMinIntervalMs !== undefined ? { arxivMinIntervalMs: config.arxivMinIntervalMs } : {}),
  };
}

/**
 * Opens the library (store + search index) and builds what the listeners need from it. With
 * live sources (PAPERBOT_SOURCES, or Hugging Face daily papers by default when Slack is
 * connected) papers named by arXiv id are looked up on request; `start()` begins the fetches. Offline (no sources) everything answers from the store.
 *
 * @example
 * const running = await startLibrary(config, logger);
 * running.start(); … await running.close();
 */
export async function startLibrary(
  config: BaseConfig & { mode?: Config['mode'] },
  logger: Logger,
  options: { random?: () => number } = {},
): Promise<RunningLibrary> {
  const library = await openLibrary({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, logger });
  const names = sourcesFor(config);
  const settings = sourceSettingsOf(config);
  const scheduler = new FetchScheduler({
    library,
    sources: names.map((name) => createSource(name, settings)),
    intervalMs: config.fetchIntervalMinutes * 60_000,
    retryAfterFailureMs: LIBRARY.retryAfterFailureMs,
    logger,
  });
  const clients = createSourceClients(settings);
  const online = names.length > 0;
  let summary: { generation: number; value: CorpusSummary } | undefined;
  const deps: Deps = {
    search: library.search,
    // Recounted only when the papers changed.
    get corpusSummary() {
      if (summary?.generation !== library.generation) {
        const labels = [...new Set(['page:', ...names].map((name) => sourceLabel(name)))];
        summary = { generation: library.generation, value: summarizeCorpus(library.search.all(), labels) };
      }
      return summary.value;
    },
    random: options.random ?? Math.random,
    generation: () => library.generation,
    lookup: online ? (arxivId) => lookupPaper(arxivId, { library, clients, logger }) : undefined,
    status: () => libraryStatus(library, scheduler),
    memory: storeMemory(library.store),
    watches: storeWatches(library.store, config.digest),
  };
  const { store } = library;
  deps.ready = async () => {
    await store.db.selectFrom('counters').select('value').where('name', '=', PAPER_SEQ_COUNTER).executeTakeFirstOrThrow();
  };
  const stopping = new AbortController();
  let resolving: Promise<unknown> = Promise.resolve();
  let digests: DigestScheduler | undefined;
  let follower: NodeJS.Timeout | undefined;

  // Several instances share a Postgres store: one leads (fetches, digests), claims are shared,
  // and arXiv requests take turns across the deployment. SQLite is one instance.
  const severalInstances = store.engine === 'postgres';
  const holder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const leadership = severalInstances
    ? new Leadership({ store, name: 'jobs', holder, ttlMs: LIBRARY.leaseTtlMs, renewMs: LIBRARY.leaseRenewMs, logger })
    : undefined;
  const shared = severalInstances
    ? { seenEvents: new StoreClaims(store, 'event', SLACK_EVENTS.seenTtlMs), recentShares: new StoreClaims(store, 'share-click', SLACK_SHARES.repeatWindowMs) }
    : undefined;
  const arxivGate = online ? sharedArxivGate(clients.settings.arxivApiUrl, clients.settings.arxivMinIntervalMs) : undefined;
  if (severalInstances && arxivGate) {
    arxivGate.shareWith(
      new DeploymentTurn({
        store,
        name: 'arxiv',
        holder,
        minIntervalMs: clients.settings.arxivMinIntervalMs,
        maxTaskMs: SOURCES.arxiv.timeoutMs,
        pollMs: LIBRARY.arxivTurnPollMs,
      }),
    );
  }
  // NOTE: starts and stops run one after another: a lease lost and regained quickly must not
  // start the jobs while their stop is still under way. Each term has its own abort for the
  // arXiv-id resolver, which only the leader runs.
  let jobs: Promise<unknown> = Promise.resolve();
  let term: AbortController | undefined;
  const startJobs = () => {
    jobs = jobs.then(() => {
      // A start queued behind a stop that `close()` began: nothing more starts.
      if (stopping.signal.aborted) return;
      scheduler.start();
      term = new AbortController();
      if (online) resolving = resolveMissingArxivIds(library, clients, logger, AbortSignal.any([stopping.signal, term.signal]));
      void digests?.start();
    });
    return jobs;
  };
  const stopJobs = () => {
    jobs = jobs.then(() => {
      term?.abort();
      return Promise.allSettled([scheduler.stop(), digests?.stop(), resolving]);
    });
    return jobs;
  };
  leadership?.on('gained', () => void startJobs());
  leadership?.on('lost', () => void stopJobs());

  return {
    library,
    scheduler,
    deps,
    shared,
    leadership,
    start() {
      // Papers stored by another process become searchable here within LIBRARY.followIntervalMs.
      follower = setInterval(() => {
        library.sync().catch((error: unknown) => logger.warn({ err: error }, 'could not read new papers from the store; trying again'));
      }, LIBRARY.followIntervalMs);
      follower.unref();
      if (leadership) leadership.start();
      else void startJobs();
    },
    startDigests(poster) {
      const runner = new DigestRunner({ library, poster, schedule: config.digest, logger });
      digests = new DigestScheduler(runner, config.digest, logger);
      if (!leadership || leadership.isLeader) void digests.start();
      return runner;
    },
    async close() {
      stopping.abort();
      clearInterval(follower);
      await leadership?.stop();
      await stopJobs();
      arxivGate?.shareWith(undefined);
      await store.close();
    },
  };
}
