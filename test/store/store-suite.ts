import { PassThrough } from 'node:stream';
import { type Kysely, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR } from '../../src/config.js';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { createLogger } from '../../src/logger.js';
import type { Engine } from '../../src/store/database-url.js';
import { runDbCommand } from '../../src/store/db-command.js';
import { inTransaction } from '../../src/store/in-transaction.js';
import { migrateToLatest, migrationState } from '../../src/store/migrate.js';
import { MIGRATIONS } from '../../src/store/migrations/index.js';
import { type Store, openStore } from '../../src/store/open-store.js';
import { allPapers, countBySource, countPapers, getPaper, getPapers, latestSeq, papersChangedSince, upsertPapers } from '../../src/store/paper-repository.js';
import type { Database } from '../../src/store/schema.js';
import { seedFromCorpusFile } from '../../src/store/seed.js';
import { allSourceStates, getSourceState, recordFailure, recordSuccess } from '../../src/store/source-state.js';
import { startStore } from '../../src/store/start-store.js';
import { formatStoreStatus, storeStatus } from '../../src/store/status.js';
import { STORE } from '../../src/config.js';
import { poisonStore } from '../helpers/poison-store.js';
import { ids, paper, sourced } from './fixtures.js';

/** How the suite gets an empty database of one engine. */
export interface EngineHarness {
  engine: Engine;
  /** A DATABASE_URL naming a new, empty database, and how to remove it afterwards. */
  freshDatabase(): Promise<{ url: string; remove(): Promise<void> }>;
}

const T0 = new Date('2025-01-01T00:00:00.000Z');
const T1 = new Date('2025-01-02T00:00:00.000Z');
const T2 = new Date('2025-01-03T00:00:00.000Z');
const corpus = loadCorpus(DEFAULT_DATA_DIR);

/**
 * The store's behaviour, written once and run against each engine for real: every test gets a
 * database of its own.
 */
export function storeSuite(harness: () => EngineHarness): void {
  let cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    cleanups = [];
  });

  /** A fresh database's URL, removed after the test. */
  async function freshUrl(): Promise<string> {
    const database = await harness().freshDatabase();
    cleanups.push(database.remove);
    return database.url;
  }

  /** A store on a fresh database (migrated unless told), closed after the test. */
  async function freshStore({ migrate = true, url }: { migrate?: boolean; url?: string } = {}): Promise<Store> {
    const store = await openStore({ databaseUrl: url ?? (await freshUrl()) });
    cleanups.push(() => store.close());
    if (migrate) await migrateToLatest(store);
    return store;
  }

  describe('migrations', () => {
    it('apply once: the second run applies nothing', async () => {
      const store = await freshStore({ migrate: false });
      expect(store.engine).toBe(harness().engine);
      expect(await migrationState(store)).toEqual({
        applied: [],
        pending: ['0001-papers', '0002-team-memory', '0003-watches', '0004-instances', '0005-first-seq'],
      });
      expect(await migrateToLatest(store)).toEqual(['0001-papers', '0002-team-memory', '0003-watches', '0004-instances', '0005-first-seq']);
      expect(await migrateToLatest(store)).toEqual([]);
      expect(await migrationState(store)).toEqual({
        applied: ['0001-papers', '0002-team-memory', '0003-watches', '0004-instances', '0005-first-seq'],
        pending: [],
      });
      expect(await latestSeq(store)).toBe(0);
      expect(await countPapers(store)).toBe(0);
    });

    it('a failed migration throws with its name and leaves nothing of its run applied', async () => {
      const store = await freshStore({ migrate: false });
      const broken = {
        ...MIGRATIONS,
        '0099-broken': {
          async up(db: Kysely<unknown>) {
            await db.schema.createTable('half_done').addColumn('x', 'text').execute();
            await sql`select * from no_such_table`.execute(db);
          },
        },
      };
      // On a new database both run in one go: neither stays.
      await expect(migrateToLatest(store, broken)).rejects.toThrow(/^Migration 0099-broken failed, nothing was applied: .*no_such_table/);
      expect(await migrationState(store, broken)).toEqual({
        applied: [],
        pending: ['0001-papers', '0002-team-memory', '0003-watches', '0004-instances', '0005-first-seq', '0099-broken'],
      });
      expect(await tableNames(store)).not.toContain('papers');

      // On a current schema: 0001 to 0005 stay, 0099's first statement is undone.
      await migrateToLatest(store);
      await expect(migrateToLatest(store, broken)).rejects.toThrow('0099-broken');
      expect(await migrationState(store, broken)).toEqual({
        applied: ['0001-papers', '0002-team-memory', '0003-watches', '0004-instances', '0005-first-seq'],
        pending: ['0099-broken'],
      });
      expect(await tableNames(store)).not.toContain('half_done');
      expect(await tableNames(store)).toEqual(expect.arrayContaining(['papers', 'paper_sources', 'source_state', 'counters']));
    });
  });

  describe('upsertPapers', () => {
    it('adds new papers, updates changed ones and counts the rest as unchanged', async () => {
      const store = await freshStore();
      const [a, b, c] = ids(3);
      expect(await upsertPapers(store, [sourced(a), sourced(b), sourced(c)], T0)).toEqual({ added: [a, b, c], updated: [], unchanged: 0 });
      expect(await upsertPapers(store, [sourced(a), sourced(b), sourced(c)], T1)).toEqual({ added: [], updated: [], unchanged: 3 });
      const [d] = ids(1, 4);
      expect(await upsertPapers(store, [sourced(a, { extras: { upvotes: 5 } }), sourced(b), sourced(d)], T1)).toEqual({
        added: [d],
        updated: [a],
        unchanged: 1,
      });
      expect(await countPapers(store)).toBe(4);
      expect(await upsertPapers(store, [], T1)).toEqual({ added: [], updated: [], unchanged: 0 });
    });

    it('stores the corpus paper and its extras as given, and reads them back', async () => {
      const store = await freshStore();
      const extras = {
        version: 2,
        versionDate: '2024-01-05T10:00:00Z',
        upvotes: 42,
        githubRepo: 'https://github.com/acme/model',
        githubStars: 1200,
        projectPage: 'https://acme.github.io/model',
        aiKeywords: ['diffusion', 'long context'],
        aiSummary: 'A model that does things.',
        featuredOn: '2024-01-06',
      };
      const withLinks = paper('2401.00001', {
        tldrBy: 'huggingface',
        links: {
          pdf: 'https://arxiv.org/pdf/2401.00001',
          abs: 'https://arxiv.org/abs/2401.00001',
          hf: 'https://huggingface.co/papers/2401.00001',
          code: ['https://github.com/acme/model'],
          project: [],
        },
      });
      const slug = paper('a-paper-without-an-id');
      await upsertPapers(
        store,
        [
          { paper: withLinks, extras, source: 'hf-daily' },
          { paper: slug, extras: {}, source: 'page:x.txt' },
        ],
        T0,
      );

      expect(await getPaper(store, '2401.00001')).toEqual({
        paper: withLinks,
        extras,
        sources: ['hf-daily'],
        firstSeenAt: T0.toISOString(),
        updatedAt: T0.toISOString(),
        seq: 1,
      });
      expect(await getPaper(store, 'a-paper-without-an-id')).toEqual({
        paper: slug,
        extras: {},
        sources: ['page:x.txt'],
        firstSeenAt: T0.toISOString(),
        updatedAt: T0.toISOString(),
        seq: 2,
      });
      expect(await getPaper(store, '9999.99999')).toBeUndefined();
      const got = await getPapers(store, ['a-paper-without-an-id', 'missing', '2401.00001']);
      expect(got.map((s) => s.paper.id)).toEqual(['a-paper-without-an-id', '2401.00001']);
    });

    it('a newer arXiv version replaces the text; an older or equal one does not, but its extras count', async () => {
      const store = await freshStore();
      const id = '2401.00001';
      await upsertPapers(store, [sourced(id, { title: 'v1 title', extras: { version: 1, upvotes: 1 } })], T0);

      expect(
        await upsertPapers(
          store,
          [sourced(id, { title: 'v2 title', abstract: 'v2 abstract', tldr: 'v2 tldr', extras: { version: 2, versionDate: '2024-02-01T00:00:00Z' } })],
          T1,
        ),
      ).toEqual({ added: [], updated: [id], unchanged: 0 });
      let stored = await getPaper(store, id);
      expect(stored?.paper).toMatchObject({ title: 'v2 title', abstract: 'v2 abstract', tldr: 'v2 tldr' });
      expect(stored?.extras).toEqual({ version: 2, versionDate: '2024-02-01T00:00:00Z', upvotes: 1 });
      expect(await countPapers(store)).toBe(1);

      // Older: the text stays, the upvotes update.
      expect(await upsertPapers(store, [sourced(id, { title: 'v1 title', extras: { version: 1, upvotes: 9 } })], T2)).toEqual({
        added: [],
        updated: [id],
        unchanged: 0,
      });
      stored = await getPaper(store, id);
      expect(stored?.paper.title).toBe('v2 title');
      expect(stored?.extras).toEqual({ version: 2, versionDate: '2024-02-01T00:00:00Z', upvotes: 9 });

      // Equal version, other text: nothing changes.
      expect(await upsertPapers(store, [sourced(id, { title: 'another v2 title', extras: { version: 2 } })], T2)).toEqual({
        added: [],
        updated: [],
        unchanged: 1,
      });
      expect((await getPaper(store, id))?.paper.title).toBe('v2 title');
    });

    it('text without a version: fills a new paper, replaces only its own source’s versionless text', async () => {
      const store = await freshStore();
      const id = '2401.00001';
      await upsertPapers(store, [sourced(id, { title: 'page title', from: 'page:a.txt' })], T0);
      // Another versionless source does not take over the text (but is recorded as a source).
      await upsertPapers(store, [sourced(id, { title: 'listing title', from: 'hf-daily' })], T1);
      expect((await getPaper(store, id))?.paper.title).toBe('page title');
      // The same page, re-ingested, does.
      await upsertPapers(store, [sourced(id, { title: 'page title, cleaned', from: 'page:a.txt' })], T1);
      expect((await getPaper(store, id))?.paper.title).toBe('page title, cleaned');
      // Any arXiv version beats versionless text, and then versionless text never replaces it.
      await upsertPapers(store, [sourced(id, { title: 'arXiv v1', from: 'arxiv:cs.CL', extras: { version: 1 } })], T2);
      await upsertPapers(store, [sourced(id, { title: 'page again', from: 'page:a.txt' })], T2);
      expect((await getPaper(store, id))?.paper.title).toBe('arXiv v1');
    });

    it('extras a source gives replace the stored ones; extras it omits are kept', async () => {
      const store = await freshStore();
      const id = '2401.00001';
      await upsertPapers(
        store,
        [sourced(id, { from: 'hf-daily', extras: { upvotes: 3, githubRepo: 'https://github.com/a/b', githubStars: 10, aiKeywords: ['x'] } })],
        T0,
      );
      await upsertPapers(store, [sourced(id, { from: 'hf-daily', extras: { upvotes: 7, githubStars: 25, aiSummary: 'Summary.' } })], T1);
      await upsertPapers(store, [sourced(id, { from: 'arxiv:cs.LG', extras: { version: 1 } })], T2);
      expect((await getPaper(store, id))?.extras).toEqual({
        version: 1,
        upvotes: 7,
        githubRepo: 'https://github.com/a/b',
        githubStars: 25,
        aiKeywords: ['x'],
        aiSummary: 'Summary.',
      });
    });

    it('sources accumulate, each counted once', async () => {
      const store = await freshStore();
      const [a, b] = ids(2);
      await upsertPapers(store, [sourced(a, { from: 'hf-daily' }), sourced(b, { from: 'hf-daily' })], T0);
      // A new source seeing a paper is a change (its sources changed) even when nothing else is.
      expect(await upsertPapers(store, [sourced(a, { from: 'arxiv:cs.CL' })], T1)).toEqual({ added: [], updated: [a], unchanged: 0 });
      expect(await upsertPapers(store, [sourced(a, { from: 'hf-daily' }), sourced(a, { from: 'arxiv:cs.CL' })], T2)).toEqual({
        added: [],
        updated: [],
        unchanged: 1,
      });
      expect((await getPaper(store, a))?.sources).toEqual(['hf-daily', 'arxiv:cs.CL']);
      expect((await getPaper(store, b))?.sources).toEqual(['hf-daily']);
      expect(await countBySource(store)).toEqual({ 'arxiv:cs.CL': 1, 'hf-daily': 2 });
    });

    it('a paper twice in one batch is merged in order and counted once', async () => {
      const store = await freshStore();
      const id = '2401.00001';
      const result = await upsertPapers(
        store,
        [sourced(id, { title: 'v1', extras: { version: 1, upvotes: 2 } }), sourced(id, { title: 'v2', from: 'hf-daily', extras: { version: 2 } })],
        T0,
      );
      expect(result).toEqual({ added: [id], updated: [], unchanged: 0 });
      const stored = await getPaper(store, id);
      expect(stored?.paper.title).toBe('v2');
      expect(stored?.extras).toEqual({ version: 2, upvotes: 2 });
      expect(stored?.sources).toEqual(['arxiv:cs.CL', 'hf-daily']);
      expect(stored?.seq).toBe(1);
    });

    it('the same links built in another key order are no change', async () => {
      const store = await freshStore();
      const id = '2401.00001';
      await upsertPapers(store, [sourced(id, { links: { abs: 'https://a.org/x', pdf: 'https://a.org/y', code: [], project: [] } })], T0);
      expect(await upsertPapers(store, [sourced(id, { links: { project: [], code: [], pdf: 'https://a.org/y', abs: 'https://a.org/x' } })], T1)).toEqual({
        added: [],
        updated: [],
        unchanged: 1,
      });
    });

    it.each(['papers', 'paper_sources'] as const)('a batch failing half-way (in %s) leaves the store exactly as it was', async (table) => {
      const store = await freshStore();
      await upsertPapers(
        store,
        ids(20).map((id) => sourced(id, { extras: { version: 1, upvotes: 1 } })),
        T0,
      );
      await recordSuccess(store, 'arxiv:cs.CL', { added: 20, updated: 0, at: T0 });
      const before = await snapshot(store.db);
      await poisonStore(store, table);

      // 1,000 papers: the first 20 updated (new version, new extras, new source), the rest new,
      // and the poisoned one at 700, past the first statement's 500 rows.
      const batch = ids(1_000).map((id) => sourced(id, { title: `new ${id}`, from: 'hf-daily', extras: { version: 2, upvotes: 5 } }));
      batch.splice(700, 0, table === 'papers' ? sourced('poison') : sourced(ids(1, 2_000)[0], { from: 'poison' }));
      await expect(upsertPapers(store, batch, T1)).rejects.toThrow(/poisoned/);
      expect(await snapshot(store.db)).toEqual(before);

      // The same inside a caller's transaction: the fetch state written with it is undone too.
      await expect(
        inTransaction(store, async (tx) => {
          const result = await upsertPapers(tx, batch.slice(0, 600), T1);
          await recordSuccess(tx, 'hf-daily', { added: result.added.length, updated: result.updated.length, at: T1 });
          throw new Error('the fetch failed after storing');
        }),
      ).rejects.toThrow('the fetch failed after storing');
      expect(await snapshot(store.db)).toEqual(before);
    });

    it('many papers at once: chunked statements, all stored', async () => {
      const store = await freshStore();
      const batch = ids(1_234).map((id) => sourced(id));
      expect((await upsertPapers(store, batch, T0)).added).toHaveLength(1_234);
      expect(await countPapers(store)).toBe(1_234);
      expect((await upsertPapers(store, batch, T1)).unchanged).toBe(1_234);
      expect((await getPapers(store, ids(1_234))).length).toBe(1_234);
    });

    it('two writers at once on one store: both batches land, every seq distinct', async () => {
      const store = await freshStore();
      await Promise.all([
        upsertPapers(
          store,
          ids(100).map((id) => sourced(id, { from: 'a' })),
          T0,
        ),
        upsertPapers(
          store,
          ids(100, 51).map((id) => sourced(id, { from: 'b' })),
          T0,
        ),
      ]);
      const papers = await allPapers(store);
      expect(papers).toHaveLength(150);
      expect(new Set(papers.map((p) => p.seq)).size).toBe(papers.length);
      expect(await countBySource(store)).toEqual({ a: 100, b: 100 });
    });
  });

  describe('change sequence', () => {
    it('papersChangedSince returns changes in order, each paper at its latest change', async () => {
      const store = await freshStore();
      const [a, b, c] = ids(3);
      await upsertPapers(store, [sourced(a), sourced(b), sourced(c)], T0);
      expect((await allPapers(store)).map((p) => [p.paper.id, p.seq])).toEqual([
        [a, 1],
        [b, 2],
        [c, 3],
      ]);
      await upsertPapers(store, [sourced(a, { extras: { upvotes: 1 } }), sourced(c)], T1);

      const since0 = await papersChangedSince(store, 0);
      expect(since0.map((p) => [p.paper.id, p.seq])).toEqual([
        [b, 2],
        [c, 3],
        [a, 4],
      ]);
      expect((await papersChangedSince(store, 3)).map((p) => p.paper.id)).toEqual([a]);
      expect(await papersChangedSince(store, 4)).toEqual([]);
      expect((await papersChangedSince(store, 0, 2)).map((p) => p.seq)).toEqual([2, 3]);
      expect(await latestSeq(store)).toBe(4);

      const changed = await getPaper(store, a);
      expect(changed).toMatchObject({ firstSeenAt: T0.toISOString(), updatedAt: T1.toISOString(), extras: { upvotes: 1 } });
      expect((await getPaper(store, c))?.updatedAt).toBe(T0.toISOString());
    });
  });

  describe('seedFromCorpusFile', () => {
    it('imports the bundled 99 papers once; a second run changes nothing', async () => {
      const store = await freshStore();
      expect(corpus.papers).toHaveLength(99);
      const first = await seedFromCorpusFile(store, corpus, T0);
      expect(first.added).toHaveLength(99);
      expect(await countPapers(store)).toBe(99);
      expect(await countBySource(store)).toEqual({ 'page:hf-papers-page.txt': 99 });
      const before = await snapshot(store.db);

      expect(await seedFromCorpusFile(store, corpus, T2)).toEqual({ added: [], updated: [], unchanged: 99 });
      expect(await snapshot(store.db)).toEqual(before);

      const stored = await allPapers(store);
      expect(stored.map((s) => s.paper)).toEqual(corpus.papers);
      expect(stored.every((s) => s.updatedAt === T0.toISOString() && s.sources.join() === 'page:hf-papers-page.txt')).toBe(true);
    });

    it('startStore migrates and seeds on first start, and does neither again', async () => {
      const url = await freshUrl();
      const lines: string[] = [];
      const destination = new PassThrough().on('data', (chunk: Buffer) => lines.push(...chunk.toString().trim().split('\n')));
      const logger = createLogger({ level: 'info', destination });
      for (const now of [T0, T1]) {
        const store = await startStore({ databaseUrl: url, dataDir: DEFAULT_DATA_DIR, logger, now });
        expect(await countPapers(store)).toBe(99);
        await store.close();
      }
      const messages = lines.map((line) => JSON.parse(line).msg);
      expect(messages).toEqual(['store opened', 'store migrated', 'bundled corpus imported', 'store opened']);
    });
  });

  describe('source state', () => {
    it('records successes and failures, counting consecutive failures for back-off', async () => {
      const store = await freshStore();
      expect(await getSourceState(store, 'hf-daily')).toBeUndefined();

      const later = new Date(T0.getTime() + 3_600_000);
      expect(await recordSuccess(store, 'hf-daily', { added: 3, updated: 12, at: T0, nextRunAt: later })).toEqual({
        source: 'hf-daily',
        lastSuccessAt: T0.toISOString(),
        lastAdded: 3,
        lastUpdated: 12,
        lastError: null,
        lastErrorAt: null,
        consecutiveFailures: 0,
        nextRunAt: later.toISOString(),
      });

      const backOff = (failures: number) => new Date(T1.getTime() + 60_000 * 2 ** failures);
      await recordFailure(store, 'hf-daily', { error: new Error('HTTP 503'), at: T1, nextRunAt: backOff });
      const second = await recordFailure(store, 'hf-daily', { error: 'timeout', at: T2, nextRunAt: backOff });
      expect(second).toMatchObject({
        lastError: 'timeout',
        lastErrorAt: T2.toISOString(),
        consecutiveFailures: 2,
        lastSuccessAt: T0.toISOString(),
        lastAdded: 3,
      });
      expect(second.nextRunAt).toBe(new Date(T1.getTime() + 240_000).toISOString());

      const recovered = await recordSuccess(store, 'hf-daily', { added: 0, updated: 1, at: T2 });
      expect(recovered).toMatchObject({ consecutiveFailures: 0, lastAdded: 0, lastUpdated: 1, lastError: 'timeout', nextRunAt: null });

      // A source whose first run fails; a long error is cut.
      const first = await recordFailure(store, 'arxiv:cs.CL', { error: new Error('x'.repeat(10_000)), at: T0 });
      expect(first).toMatchObject({ consecutiveFailures: 1, lastSuccessAt: null, lastAdded: null, nextRunAt: null });
      expect(first.lastError).toHaveLength(STORE.maxErrorChars);
      expect((await allSourceStates(store)).map((s) => s.source)).toEqual(['arxiv:cs.CL', 'hf-daily']);
    });

    it('failures from two writers at once both count', async () => {
      const store = await freshStore();
      await Promise.all(Array.from({ length: 5 }, () => recordFailure(store, 'hf-daily', { error: 'boom', at: T0 })));
      expect((await getSourceState(store, 'hf-daily'))?.consecutiveFailures).toBe(5);
    });
  });

  describe('status', () => {
    it('storeStatus: engine, schema version and counts; nothing on a database never migrated', async () => {
      const store = await freshStore({ migrate: false });
      expect(await storeStatus(store)).toEqual({
        engine: harness().engine,
        location: store.location,
        schemaVersion: null,
        pendingMigrations: ['0001-papers', '0002-team-memory', '0003-watches', '0004-instances', '0005-first-seq'],
        counts: null,
      });
      await migrateToLatest(store);
      await seedFromCorpusFile(store, corpus, T0);
      await upsertPapers(store, [sourced('2401.00001', { from: 'hf-daily' })], T1);
      await recordSuccess(store, 'hf-daily', { added: 1, updated: 0, at: T1 });
      const status = await storeStatus(store);
      expect(status).toEqual({
        engine: harness().engine,
        location: store.location,
        schemaVersion: '0005-first-seq',
        pendingMigrations: [],
        counts: { papers: 100, bySource: { 'hf-daily': 1, 'page:hf-papers-page.txt': 99 }, sources: 1, latestSeq: 100 },
      });
      expect(formatStoreStatus(status)).toContain(
        'schema:  0005-first-seq, up to date\npapers:  100 (change #100)\n  hf-daily: 1\n  page:hf-papers-page.txt: 99',
      );
    });

    it('`paperbot db migrate` then `db status`', async () => {
      const url = await freshUrl();
      const run = async (command: string | undefined) => {
        const stdout = new PassThrough();
        const stderr = new PassThrough();
        let out = '';
        stdout.on('data', (chunk) => (out += chunk));
        stderr.on('data', (chunk) => (out += chunk));
        return { code: await runDbCommand(command, { databaseUrl: url, stdout, stderr }), out };
      };
      expect(await run('migrate')).toEqual({
        code: 0,
        out: expect.stringMatching(/^Applied 0001-papers, 0002-team-memory, 0003-watches, 0004-instances, 0005-first-seq to (sqlite|postgres) /),
      });
      expect(await run('migrate')).toEqual({ code: 0, out: expect.stringMatching(/^Schema up to date on /) });
      const status = await run('status');
      expect(status.code).toBe(0);
      expect(status.out).toMatch(
        new RegExp(`^engine:  ${harness().engine} .*\nschema:  0005-first-seq, up to date\npapers:  0 \\(change #0\\)\nsources with fetch state: 0\n$`),
      );
      expect((await run('drop')).code).toBe(2);
    });
  });
}

/** Every row of every table, in a fixed order: equal snapshots mean an unchanged store. */
async function snapshot(db: Kysely<Database>) {
  return {
    papers: await db.selectFrom('papers').selectAll().orderBy('id').execute(),
    sources: await db.selectFrom('paper_sources').selectAll().orderBy('paper_id').orderBy('source').execute(),
    states: await db.selectFrom('source_state').selectAll().orderBy('source').execute(),
    counters: await db.selectFrom('counters').selectAll().orderBy('name').execute(),
  };
}

async function tableNames(store: Store): Promise<string[]> {
  return (await store.db.introspection.getTables()).map((t) => t.name);
}
