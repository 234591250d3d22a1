import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR } from '../../src/config.js';
import { FetchScheduler, type FetchRun } from '../../src/library/fetch-scheduler.js';
import { libraryStatus } from '../../src/library/library-status.js';
import { openLibrary } from '../../src/library/open-library.js';
import type { PaperLibrary } from '../../src/library/paper-library.js';
import { createLogger } from '../../src/logger.js';
import { createSource } from '../../src/sources/source.js';
import { countPapers } from '../../src/store/paper-repository.js';
import { getSourceState } from '../../src/store/source-state.js';
import { type FreshDatabase, testEngines } from '../helpers/databases.js';
import { JSON_TYPE, type ReplayServer, type Route, startReplayServer } from '../sources/replay-server.js';
import { replayApis, settingsFor } from '../sources/routes.js';

const logger = createLogger({ level: 'silent' });
const HOUR = 3_600_000;

describe.each(testEngines('fetch scheduler'))('fetching sources into the library on $name', ({ skip, fresh }) => {
  let database: FreshDatabase | undefined;
  let library: PaperLibrary | undefined;
  let server: ReplayServer | undefined;
  let scheduler: FetchScheduler | undefined;

  async function setUp(route: Route, names: ('hf-daily' | 'arxiv:cs.AI')[] = ['hf-daily', 'arxiv:cs.AI']) {
    server = await startReplayServer(route);
    database = await fresh();
    library = await openLibrary({ databaseUrl: database.url, dataDir: DEFAULT_DATA_DIR, logger });
    const settings = settingsFor(server.origin, { today: () => new Date('2026-09-18T12:00:00Z') });
    scheduler = new FetchScheduler({ library, sources: names.map((n) => createSource(n, settings)), intervalMs: HOUR, retryAfterFailureMs: 60_000, logger });
    return { library, scheduler, server };
  }
  afterEach(async () => {
    await scheduler?.stop();
    await library?.store.close();
    await server?.close();
    await database?.remove();
    scheduler = library = server = database = undefined;
  });

  it.skipIf(skip)('fetches each source once at start: the papers are stored, searchable, and the run recorded', async () => {
    const { library, scheduler } = await setUp(replayApis);
    const runs: FetchRun[] = [];
    const bothDone = new Promise<void>((resolve) =>
      scheduler.on('run', (run) => {
        runs.push(run);
        if (runs.length === 2) resolve();
      }),
    );
    scheduler.start();
    await bothDone;
    expect(runs.every((run) => run.ok)).toBe(true);
    const hf = runs.find((run) => run.source === 'hf-daily')!;
    const arxiv = runs.find((run) => run.source === 'arxiv:cs.AI')!;
    expect(hf.added).toBe(2);
    expect(arxiv.added).toBe(5);
    expect(await countPapers(library.store)).toBe(99 + 7);
    // Searchable now: a title word from the recorded daily papers.
    expect(library.search.search('verifiable social reasoning').hits[0]?.paper.id).toBe('2609.17496');
    const state = await getSourceState(library.store, 'hf-daily');
    expect(state).toMatchObject({ lastAdded: 2, lastUpdated: 0, consecutiveFailures: 0, lastError: null });
    expect(scheduler.nextRunAt('hf-daily')!.getTime()).toBeGreaterThan(Date.now() + HOUR - 60_000);

    // Again: nothing new, nothing changed, and what it fetched is asked for since the last success.
    const again = await scheduler.runOnce(createSource('hf-daily', settingsFor(server!.origin, { today: () => new Date('2026-09-18T12:00:00Z') })));
    expect(again).toMatchObject({ ok: true, added: 0, updated: 0 });
    expect(await countPapers(library.store)).toBe(106);
  });

  it.skipIf(skip)('a source answering garbage or 500 is recorded, backs off, stores nothing, and recovers', async () => {
    let broken: 'html' | '500' | null = 'html';
    const { library, scheduler, server } = await setUp(
      (request) => {
        if (broken === 'html') return { headers: { 'content-type': 'text/html' }, body: '<html><body>Bad gateway</body></html>' };
        if (broken === '500') return { status: 500, headers: JSON_TYPE, body: '{"error":"internal"}' };
        return replayApis(request);
      },
      ['hf-daily'],
    );
    const source = createSource('hf-daily', settingsFor(server.origin, { today: () => new Date('2026-09-18T12:00:00Z') }));

    const first = await scheduler.runOnce(source);
    expect(first.ok).toBe(false);
    expect(first.error).toMatch(/Hugging Face/);
    expect(first.nextRunAt!.getTime() - Date.now()).toBeLessThanOrEqual(60_000);
    broken = '500';
    const second = await scheduler.runOnce(source);
    expect(second.ok).toBe(false);
    // Backing off: the second failure in a row waits about twice as long.
    expect(second.nextRunAt!.getTime() - Date.now()).toBeGreaterThan(60_000);
    expect(await countPapers(library.store)).toBe(99);
    expect(await getSourceState(library.store, 'hf-daily')).toMatchObject({ consecutiveFailures: 2, lastSuccessAt: null });

    const status = await libraryStatus(library, scheduler);
    expect(status.sources.find((s) => s.source === 'hf-daily')).toMatchObject({ scheduled: true, consecutiveFailures: 2 });

    broken = null;
    const third = await scheduler.runOnce(source);
    expect(third).toMatchObject({ ok: true, added: 2 });
    expect(await getSourceState(library.store, 'hf-daily')).toMatchObject({ consecutiveFailures: 0, lastAdded: 2 });
  });

  it.skipIf(skip)('stopping mid-fetch stores nothing of it and records no failure', async () => {
    let arrived!: () => void;
    const requestArrived = new Promise<void>((resolve) => (arrived = resolve));
    const { library, scheduler } = await setUp(() => {
      arrived();
      return { hang: true };
    }, ['hf-daily']);
    const runs: FetchRun[] = [];
    scheduler.on('run', (run) => runs.push(run));
    scheduler.start();
    await requestArrived;
    await scheduler.stop();
    // A stop is not the source's failure: no run reported, nothing recorded.
    expect(runs).toEqual([]);
    expect(await countPapers(library.store)).toBe(99);
    expect(await getSourceState(library.store, 'hf-daily')).toBeUndefined();
    expect(scheduler.nextRunAt('hf-daily')).toBeNull();
  });
});
