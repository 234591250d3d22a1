import { type Kysely, sql } from 'kysely';
import { type Migration, type MigrationResultSet, Migrator } from 'kysely/migration';
import { MIGRATIONS } from './migrations/index.js';
import type { Store } from './open-store.js';
import type { Database } from './schema.js';

type Migrations = Readonly<Record<string, Migration>>;

/**
 * Applies every pending migration and returns the names applied, oldest first (`[]` when the
 * schema is current). All or nothing: on failure nothing of this run stays applied, and the Error
 * names the migration that failed.
 *
 * Safe when several instances start at once: on Postgres Kysely's Migrator holds an advisory lock
 * while it migrates, in one transaction; on SQLite the run holds the database's write lock
 * (`BEGIN IMMEDIATE`), so a second process waits, then finds nothing left to do.
 *
 * @example
 * const applied = await migrateToLatest(store); // ['0001-papers'] on a new database, then []
 */
export async function migrateToLatest(store: Pick<Store, 'db' | 'engine'>, migrations: Migrations = MIGRATIONS): Promise<string[]> {
  if (store.engine === 'postgres') return applied(await migrator(store.db, migrations).migrateToLatest());
  // NOTE: Kysely's SQLite adapter reports no transactional DDL, so its Migrator would run each
  // statement on its own and a failed migration would stay half-applied. SQLite does have
  // transactional DDL: we hold one connection, take the write lock and commit only if all went
  // well. Foreign keys are off meanwhile and checked before the commit, as SQLite's docs ask of
  // schema changes (https://www.sqlite.org/lang_altertable.html#otheralter).
  return store.db.connection().execute(async (conn) => {
    await sql`pragma foreign_keys = off`.execute(conn);
    try {
      await sql`begin immediate`.execute(conn);
      try {
        const names = applied(await migrator(conn, migrations).migrateToLatest());
        const broken = await sql<{ table: string }>`pragma foreign_key_check`.execute(conn);
        if (broken.rows.length > 0) throw new Error(`Migrating the database left rows breaking foreign keys in ${broken.rows[0]?.table}; nothing was applied.`);
        await sql`commit`.execute(conn);
        return names;
      } catch (error) {
        await sql`rollback`.execute(conn);
        throw error;
      }
    } finally {
      await sql`pragma foreign_keys = on`.execute(conn);
    }
  });
}

/** Which migrations the database has and which it lacks, by name. */
export interface MigrationState {
  applied: string[];
  pending: string[];
}

/**
 * The migrations applied and pending, without changing anything.
 *
 * @example
 * const { applied, pending } = await migrationState(store); // { applied: ['0001-papers'], pending: [] }
 */
export async function migrationState(store: Pick<Store, 'db'>, migrations: Migrations = MIGRATIONS): Promise<MigrationState> {
  const all = await migrator(store.db, migrations).getMigrations();
  return {
    applied: all.filter((m) => m.executedAt !== undefined).map((m) => m.name),
    pending: all.filter((m) => m.executedAt === undefined).map((m) => m.name),
  };
}

function migrator(db: Kysely<Database>, migrations: Migrations): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => ({ ...migrations }) } });
}

function applied({ error, results = [] }: MigrationResultSet): string[] {
  if (error === undefined) return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
  const failed = results.find((r) => r.status === 'Error')?.migrationName;
  const why = error instanceof Error ? error.message : String(error);
  throw new Error(failed ? `Migration ${failed} failed, nothing was applied: ${why}` : `Migrating the database failed: ${why}`, { cause: error });
}
