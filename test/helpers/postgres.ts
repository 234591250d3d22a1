import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * Real Postgres for the store's tests: a fresh database per test on the local server, dropped
 * after. The server is postgres://postgres@127.0.0.1:5432/postgres unless
 * PAPERBOT_TEST_POSTGRES_URL names another (any database on it: we only connect there to create
 * and drop ours). CI (.ci/run) sets PAPERBOT_REQUIRE_POSTGRES=1: there a missing server fails the
 * tests instead of skipping them.
 */
export const TEST_POSTGRES_URL = process.env.PAPERBOT_TEST_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

export const POSTGRES_REQUIRED = process.env.PAPERBOT_REQUIRE_POSTGRES === '1';

/** Where the server is, password hidden, for messages. */
export const testServer = (): string => {
  const url = new URL(TEST_POSTGRES_URL);
  return `${url.hostname}:${url.port || 5432}`;
};

/** Whether the server answers a connect and `select 1` within `timeoutMs`. */
export async function postgresReachable(timeoutMs = 2_000): Promise<boolean> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export interface TestDatabase {
  name: string;
  /** postgres://… of the new database. */
  url: string;
  /** Ends every connection to it and drops it. */
  drop(): Promise<void>;
}

/** Creates an empty database `paperbot_test_<pid>_<random>` on the test server. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `paperbot_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  // NOTE: from template0, which nobody connects to: CREATE DATABASE from template1 fails while
  // anyone else is connected to template1.
  await admin(`create database ${name} template template0`);
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () =>
      admin(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}' and pid <> pg_backend_pid()`, `drop database if exists ${name}`),
  };
}

async function admin(...statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}
