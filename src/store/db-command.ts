import { migrateToLatest } from './migrate.js';
import { openStore } from './open-store.js';
import { formatStoreStatus, storeStatus } from './status.js';

export const DB_USAGE = `Usage: paperbot db <command>

  migrate   apply pending schema migrations (start-up does this too)
  status    the engine, schema version and row counts

The database is DATABASE_URL: postgres://… or postgresql://…, sqlite:PATH, or unset for the default SQLite file.`;

/**
 * `paperbot db migrate|status`: returns the exit code. The CLI dispatches `db` here.
 *
 * @example process.exitCode = await runDbCommand(argv[1], { databaseUrl: process.env.DATABASE_URL, stdout, stderr });
 */
export async function runDbCommand(
  command: string | undefined,
  io: { databaseUrl: string | undefined; defaultSqlitePath?: string; stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream },
): Promise<number> {
  if (command !== 'migrate' && command !== 'status') {
    (command ? io.stderr : io.stdout).write(`${command ? `Unknown db command "${command}".\n\n` : ''}${DB_USAGE}\n`);
    return 2;
  }
  const store = await openStore({ databaseUrl: io.databaseUrl, defaultSqlitePath: io.defaultSqlitePath });
  try {
    if (command === 'migrate') {
      const applied = await migrateToLatest(store);
      io.stdout.write(applied.length ? `Applied ${applied.join(', ')} to ${store.location}.\n` : `Schema up to date on ${store.location}.\n`);
    } else {
      io.stdout.write(`${formatStoreStatus(await storeStatus(store))}\n`);
    }
    return 0;
  } finally {
    await store.close();
  }
}
