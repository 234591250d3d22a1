import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { migrateToLatest } from '../../src/store/migrate.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { POSTGRES_REQUIRED, createTestDatabase, postgresReachable, testServer } from './postgres.js';

/** An empty database of one engine, named by a DATABASE_URL, and how to remove it. */
export interface FreshDatabase {
  url: string;
  remove(): Promise<void>;
}

export interface TestEngine {
  name: 'sqlite' | 'postgres';
  /** Skipped: Postgres is not reachable here (never in CI, which requires it). */
  skip: boolean;
  fresh(): Promise<FreshDatabase>;
}

const postgresUp = await postgresReachable();
const skipPostgres = !postgresUp && !POSTGRES_REQUIRED;

/**
 * Both engines, for `describe.each`: SQLite on a real file in a temporary folder, Postgres on a
 * fresh database on the local server (dropped by `remove`). Without a server the Postgres half is
 * skipped with one line saying so.
 */
export function testEngines(suite: string): TestEngine[] {
  if (skipPostgres) console.warn(`${suite}: Postgres half skipped, no server at ${testServer()} (start one, or set PAPERBOT_TEST_POSTGRES_URL).`);
  return [
    {
      name: 'sqlite',
      skip: false,
      async fresh() {
        const dir = mkdtempSync(join(tmpdir(), 'paperbot-db-'));
        return { url: `sqlite:${join(dir, 'paperbot.sqlite')}`, remove: async () => rmSync(dir, { recursive: true, force: true }) };
      },
    },
    {
      name: 'postgres',
      skip: skipPostgres,
      async fresh() {
        const db = await createTestDatabase();
        return { url: db.url, remove: db.drop };
      },
    },
  ];
}

/**
 * For a `describe.each(testEngines(…))` body: `open()` gives a migrated store on a fresh
 * database of that engine (a second connection to the same database with `another(store)`);
 * every store is closed and every database dropped after each test.
 *
 * @example const stores = freshStores(fresh); … const store = await stores.open();
 */
export function freshStores(fresh: () => Promise<FreshDatabase>): { open(): Promise<Store>; another(store: Store): Promise<Store> } {
  let cleanups: (() => Promise<void>)[] = [];
  const urls = new Map<Store, string>();
  afterEach(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    cleanups = [];
    urls.clear();
  });
  return {
    async open() {
      const database = await fresh();
      const store = await openStore({ databaseUrl: database.url });
      cleanups.push(database.remove, () => store.close());
      await migrateToLatest(store);
      urls.set(store, database.url);
      return store;
    },
    async another(store) {
      const url = urls.get(store);
      if (!url) throw new Error('another(): not a store opened by open()');
      const second = await openStore({ databaseUrl: url });
      cleanups.push(() => second.close());
      return second;
    },
  };
}
