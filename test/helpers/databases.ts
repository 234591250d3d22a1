import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
