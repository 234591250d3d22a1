import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { Logger } from '../logger.js';
import { type DatabaseTarget, type Engine, SQLITE_MEMORY, describeTarget, parseDatabaseUrl } from './database-url.js';
import type { Database } from './schema.js';
import { STORE } from '../config.js';

/** An open store: the typed query builder, which engine is behind it, and how to close it. */
export interface Store {
  db: Kysely<Database>;
  engine: Engine;
  /** Where the data is, password hidden: `sqlite /path/file.sqlite` or `postgres postgres://user:***@host/db`. */
  location: string;
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  /** DATABASE_URL as read from the environment; unset means a SQLite file at `defaultSqlitePath`. */
  databaseUrl: string | undefined;
  defaultSqlitePath?: string;
  logger?: Logger;
}

/**
 * Opens the store DATABASE_URL names (see {@link parseDatabaseUrl}). SQLite: the file's folder is
 * created, WAL mode, a busy timeout and foreign keys are on. Postgres: a small pool, and one query
 * to check the server answers, so a wrong URL fails here with a message naming DATABASE_URL
 * rather than at the first fetch. Does not migrate: call {@link migrateToLatest} (or use
 * `startStore`, which does both and seeds the corpus).
 *
 * @example
 * const store = await openStore({ databaseUrl: process.env.DATABASE_URL });
 * try { await countPapers(store); } finally { await store.close(); }
 */
export async function openStore({ databaseUrl, defaultSqlitePath = STORE.defaultSqlitePath, logger }: OpenStoreOptions): Promise<Store> {
  const target = parseDatabaseUrl(databaseUrl, defaultSqlitePath);
  const store = target.engine === 'sqlite' ? openSqlite(target.path) : await openPostgres(target, logger);
  logger?.info({ store: store.location }, 'store opened');
  return store;
}

function openSqlite(path: string): Store {
  const location = describeTarget({ engine: 'sqlite', path });
  let database: SqliteDatabase.Database;
  try {
    if (path !== SQLITE_MEMORY) mkdirSync(dirname(path), { recursive: true });
    database = new SqliteDatabase(path, { timeout: STORE.sqlite.busyTimeoutMs });
    // NOTE: WAL lets readers (another instance, `paperbot db status`) read while a fetch writes.
    // An in-memory database answers 'memory' and stays so.
    database.pragma('journal_mode = WAL');
    database.pragma('foreign_keys = ON');
  } catch (error) {
    throw new Error(`Cannot open the database in DATABASE_URL (${location}): ${(error as Error).message}`, { cause: error });
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  return { db, engine: 'sqlite', location, close: () => db.destroy() };
}

async function openPostgres(target: Extract<DatabaseTarget, { engine: 'postgres' }>, logger: Logger | undefined): Promise<Store> {
  const location = describeTarget(target);
  const pool = new pg.Pool({
    connectionString: target.url,
    max: STORE.postgres.poolSize,
    connectionTimeoutMillis: STORE.postgres.connectTimeoutMs,
    idleTimeoutMillis: STORE.postgres.idleTimeoutMs,
    application_name: STORE.postgres.applicationName,
    types: { getTypeParser: typeParser },
  });
  // NOTE: an idle pooled connection that the server drops (restart, failover) emits 'error' on
  // the pool; unheard, that event would crash the process. The pool replaces the connection.
  pool.on('error', (error) => logger?.warn({ err: error, store: location }, 'idle Postgres connection lost'));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    await sql`select 1`.execute(db);
  } catch (error) {
    await db.destroy();
    throw new Error(`Cannot connect to the database in DATABASE_URL (${location}): ${(error as Error).message}`, { cause: error });
  }
  return { db, engine: 'postgres', location, close: () => db.destroy() };
}

/**
 * NOTE: pg hands BIGINT (`count(*)`, `papers.seq`) back as strings, since they may exceed 2^53.
 * Ours never come near that, and the schema types say `number` on both engines, so this pool
 * reads them as numbers, failing loudly rather than rounding. Set per pool, not on pg's global
 * `types`, so no other pg user in the process is affected.
 */
const typeParser = ((oid: number, format?: 'text' | 'binary') =>
  oid === pg.types.builtins.INT8 && format !== 'binary' ? parseInt8 : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser;

function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new Error(`A BIGINT from Postgres (${text}) is too large for a JavaScript number.`);
  return value;
}
