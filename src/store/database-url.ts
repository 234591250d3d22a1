import { resolve } from 'node:path';

/** Where the store lives: a SQLite file (or `:memory:`) or a Postgres server. */
export type DatabaseTarget = { engine: 'sqlite'; path: string } | { engine: 'postgres'; url: string };

export type Engine = DatabaseTarget['engine'];

/** The in-memory SQLite path (`sqlite::memory:`), for tests. */
export const SQLITE_MEMORY = ':memory:';

const ACCEPTED_FORMS =
  'Accepted: postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE (or postgresql://…) for PostgreSQL, ' +
  'sqlite:PATH (e.g. sqlite:./paperbot.sqlite, sqlite:///var/lib/paperbot.sqlite) for a SQLite file, ' +
  'or leave it unset for a SQLite file at the default path.';

/**
 * Reads `DATABASE_URL`: `postgres://…` or `postgresql://…` selects Postgres, `sqlite:PATH` a
 * SQLite file (a relative PATH is resolved against the working directory; `sqlite:///abs` is
 * the absolute `/abs`), and unset or blank means a SQLite file at `defaultPath`. Anything else
 * throws an Error that names DATABASE_URL and shows the accepted forms (a password in the value
 * is never echoed).
 *
 * @example
 * parseDatabaseUrl('postgres://paperbot@db:5432/paperbot', STORE.defaultSqlitePath); // { engine: 'postgres', url: … }
 * parseDatabaseUrl(undefined, '/srv/paperbot.sqlite'); // { engine: 'sqlite', path: '/srv/paperbot.sqlite' }
 */
export function parseDatabaseUrl(value: string | undefined, defaultPath: string): DatabaseTarget {
  const text = value?.trim() ?? '';
  if (text === '') return { engine: 'sqlite', path: defaultPath };

  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1]?.toLowerCase();
  if (scheme === 'sqlite') return { engine: 'sqlite', path: sqlitePath(text.slice('sqlite:'.length), text) };
  if (scheme === 'postgres' || scheme === 'postgresql') return { engine: 'postgres', url: postgresUrl(text) };
  throw invalid(text, scheme ? `the scheme "${scheme}:" is not supported` : 'it has no scheme');
}

function sqlitePath(rest: string, whole: string): string {
  if (rest === SQLITE_MEMORY) return SQLITE_MEMORY;
  // NOTE: `sqlite://x` would read as a host named x; only `sqlite:///abs/path` (empty host) is taken.
  if (rest.startsWith('//')) {
    if (!rest.startsWith('///')) throw invalid(whole, 'sqlite:// must be followed by an absolute path (sqlite:///abs/path)');
    rest = rest.slice(2);
  }
  if (rest === '') throw invalid(whole, 'the SQLite path is empty');
  return resolve(rest);
}

function postgresUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalid(text, 'it is not a valid URL');
  }
  if (url.hostname === '') throw invalid(text, 'it names no host');
  if (url.pathname.replace(/^\//, '') === '') throw invalid(text, 'it names no database (…/DATABASE)');
  return text;
}

function invalid(value: string, why: string): Error {
  return new Error(`DATABASE_URL is invalid: ${why} (got "${redactPassword(value)}"). ${ACCEPTED_FORMS}`);
}

/** The URL with its password replaced by `***`, for messages and logs. */
export function redactPassword(value: string): string {
  return value.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:)[^@\s]*@/i, '$1***@');
}

/** One line saying where the store is: `sqlite /path/to/file` or `postgres postgres://user:***@host/db`. */
export function describeTarget(target: DatabaseTarget): string {
  return target.engine === 'sqlite' ? `sqlite ${target.path}` : `postgres ${redactPassword(target.url)}`;
}
