import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * Where benchmarks put their stores: SQLite files in a temporary folder, and Postgres databases
 * of their own on the local server, dropped after. The server is BENCH_POSTGRES_URL, else
 * postgres://postgres@127.0.0.1:5432/postgres (any database on it: we connect there only to
 * create and drop ours).
 */
export const BENCH_POSTGRES_URL = process.env.BENCH_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

/** The server's address, password hidden, for messages. */
export const benchServer = (): string => {
  const url = new URL(BENCH_POSTGRES_URL);
  return `${url.hostname}:${url.port || 5432}`;
};

/** Null when the server answers `select 1` within `timeoutMs`, else why not. */
export async function postgresProblem(timeoutMs = 3_000): Promise<string | null> {
  const client = new pg.Client({ connectionString: BENCH_POSTGRES_URL, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return (error as Error).message || String(error);
  } finally {
    await client.end().catch(() => {});
  }
}

export interface BenchDatabase {
  /** postgres://… or sqlite:… of the new store, for `openStore` / `openLibrary`. */
  url: string;
  /** Removes it (Postgres: ends every connection to it first). */
  drop(): Promise<void>;
}

/** An empty database `paperbot_bench_<label>_<pid>` on the bench server. */
export async function createPostgresDatabase(label: string): Promise<BenchDatabase> {
  const name = `paperbot_bench_${label}_${process.pid}`;
  // NOTE: from template0, which nobody connects to: CREATE DATABASE from template1 fails while
  // anyone else is connected to template1.
  await admin(`drop database if exists ${name}`, `create database ${name} template template0`);
  const url = new URL(BENCH_POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () =>
      admin(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}' and pid <> pg_backend_pid()`, `drop database if exists ${name}`),
  };
}

/** A temporary folder for SQLite stores; `remove()` deletes it with every file in it. */
export function sqliteFolder(prefix = 'paperbot-bench-'): { url(name: string): string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { url: (name) => `sqlite:${join(dir, `${name}.sqlite`)}`, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

async function admin(...statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: BENCH_POSTGRES_URL, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}
