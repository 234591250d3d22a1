import { MIGRATIONS } from '../../src/store/migrations/index.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../src/store/migrate.js';
import { type Store, openStore } from '../../src/store/open-store.js';
import { allPapers, countBySource, latestSeq, papersChangedSince, upsertPapers } from '../../src/store/paper-repository.js';
import { POSTGRES_REQUIRED, createTestDatabase, postgresReachable, testServer } from '../helpers/postgres.js';
import { ids, sourced } from './fixtures.js';
import { type EngineHarness, storeSuite } from './store-suite.js';

/**
 * The store's suite on both engines: SQLite on real files in a temporary folder, Postgres on a
 * fresh database per test on the local server. Without a server the Postgres half is skipped,
 * with one line saying so; CI sets PAPERBOT_REQUIRE_POSTGRES=1 so there it fails instead.
 */

const postgresUp = await postgresReachable();
const skipPostgres = !postgresUp && !POSTGRES_REQUIRED;
if (skipPostgres) {
  console.warn(
    `Postgres store tests skipped: no server at ${testServer()} (start one, or point PAPERBOT_TEST_POSTGRES_URL at one; .ci/run starts the local one).`,
  );
}

describe('store on SQLite', () => {
  let dir = '';
  let n = 0;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'paperbot-store-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const sqlite: EngineHarness = {
    engine: 'sqlite',
    // A folder per database, not yet created: openStore must create it.
    async freshDatabase() {
      const folder = join(dir, `db-${++n}`);
      return { url: `sqlite:${join(folder, 'paperbot.sqlite')}`, remove: async () => rmSync(folder, { recursive: true, force: true }) };
    },
  };
  storeSuite(() => sqlite);

  it('opens with WAL, foreign keys and a busy timeout', async () => {
    const { url, remove } = await sqlite.freshDatabase();
    const store = await openStore({ databaseUrl: url });
    try {
      const pragma = async (name: string) => Object.values((await sql.raw<Record<string, unknown>>(`pragma ${name}`).execute(store.db)).rows[0] ?? {})[0];
      expect(await pragma('journal_mode')).toBe('wal');
      expect(await pragma('foreign_keys')).toBe(1);
      expect(await pragma('busy_timeout')).toBe(5_000);
    } finally {
      await store.close();
      await remove();
    }
  });
});

describe('openStore refuses what it cannot open, naming DATABASE_URL', () => {
  it('an invalid value', async () => {
    await expect(openStore({ databaseUrl: 'mysql://root@localhost/paperbot' })).rejects.toThrow(/^DATABASE_URL is invalid: the scheme "mysql:"/);
  });

  it('a SQLite file it cannot create', async () => {
    // A folder where a file is: no one can create the database there.
    const file = join(mkdtempSync(join(tmpdir(), 'paperbot-store-')), 'a-file');
    writeFileSync(file, '');
    try {
      await expect(openStore({ databaseUrl: `sqlite:${file}/p.sqlite` })).rejects.toThrow(
        `Cannot open the database in DATABASE_URL (sqlite ${file}/p.sqlite): `,
      );
    } finally {
      rmSync(dirname(file), { recursive: true });
    }
  });

  it('a Postgres server that does not answer, without showing the password', async () => {
    const opening = openStore({ databaseUrl: 'postgres://paperbot:hunter2@127.0.0.1:1/paperbot' });
    await expect(opening).rejects.toThrow(
      /^Cannot connect to the database in DATABASE_URL \(postgres postgres:\/\/paperbot:\*\*\*@127\.0\.0\.1:1\/paperbot\): /,
    );
    await expect(opening).rejects.not.toThrow(/hunter2/);
  });
});

describe.skipIf(skipPostgres)('store on Postgres', () => {
  beforeAll(() => {
    if (!postgresUp) throw new Error(`PAPERBOT_REQUIRE_POSTGRES=1, but no Postgres server answers at ${testServer()}.`);
  });

  const postgres: EngineHarness = {
    engine: 'postgres',
    async freshDatabase() {
      const database = await createTestDatabase();
      return { url: database.url, remove: database.drop };
    },
  };
  storeSuite(() => postgres);

  describe('several instances on one database', () => {
    let removeDatabase: (() => Promise<void>) | undefined;
    let stores: Store[] = [];
    afterEach(async () => {
      for (const store of stores) await store.close();
      stores = [];
      await removeDatabase?.();
    });

    /** `count` stores, each with its own pool, on one fresh database: like instances starting together. */
    async function instances(count: number): Promise<Store[]> {
      const database = await createTestDatabase();
      removeDatabase = database.drop;
      stores = await Promise.all(Array.from({ length: count }, () => openStore({ databaseUrl: database.url })));
      return stores;
    }

    it('migrate concurrently: all succeed, the schema is applied once', async () => {
      const all = await instances(4);
      const applied = await Promise.all(all.map((store) => migrateToLatest(store)));
      expect(applied.flat()).toEqual(Object.keys(MIGRATIONS));
      const store = all[0] as Store;
      expect(
        await store.db
          .selectFrom('kysely_migration' as never)
          .selectAll()
          .execute(),
      ).toHaveLength(Object.keys(MIGRATIONS).length);
      expect(await store.db.selectFrom('counters').selectAll().execute()).toEqual([{ name: 'papers.seq', value: 0 }]);
    });

    it('write concurrently: every batch lands, overlapping papers merge, seq numbers are distinct and follow commit order', async () => {
      const all = await instances(4);
      await migrateToLatest(all[0] as Store);
      // Four instances, overlapping halves: 2401.00001–00200, 00101–00300, …
      const results = await Promise.all(
        all.map((store, i) =>
          upsertPapers(
            store,
            ids(200, 1 + 100 * i).map((id) => sourced(id, { from: `s${i}` })),
            new Date(),
          ),
        ),
      );
      const store = all[0] as Store;
      const papers = await allPapers(store);
      expect(papers).toHaveLength(500);
      expect(results.reduce((sum, r) => sum + r.added.length, 0)).toBe(500);
      expect(new Set(papers.map((p) => p.seq)).size).toBe(500);
      expect(await latestSeq(store)).toBe(Math.max(...papers.map((p) => p.seq)));
      expect(await countBySource(store)).toEqual({ s0: 200, s1: 200, s2: 200, s3: 200 });
      // A follower reading in steps never misses a change.
      const seen = new Set<string>();
      let cursor = 0;
      for (let page = await papersChangedSince(store, cursor, 37); page.length > 0; page = await papersChangedSince(store, cursor, 37)) {
        for (const p of page) seen.add(p.paper.id);
        cursor = page.at(-1)?.seq ?? cursor;
      }
      expect(seen.size).toBe(500);
    });

    it('a follower polling while writers commit never misses a change', async () => {
      const all = await instances(3);
      await migrateToLatest(all[0] as Store);
      const [follower, ...writers] = all as [Store, ...Store[]];
      let done = false;
      const writing = Promise.all(
        writers.map(async (store, w) => {
          for (let round = 0; round < 15; round++) {
            await upsertPapers(
              store,
              ids(20, 1 + 1_000 * w + 20 * round).map((id) => sourced(id, { from: `w${w}` })),
              new Date(),
            );
          }
        }),
      ).finally(() => {
        done = true;
      });
      const seen = new Set<string>();
      let cursor = 0;
      for (let last = false; !last; ) {
        last = done;
        for (const p of await papersChangedSince(follower, cursor)) {
          seen.add(p.paper.id);
          cursor = p.seq;
        }
      }
      await writing;
      expect(seen.size).toBe(2 * 15 * 20);
    });
  });
});
