import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import util from 'node:util';
import { PROJECT_ROOT } from './paths.js';

/**
 * Reads the `.env` file `npm start` takes its settings from, without touching `process.env`:
 * `readConfig(process.env, file.values)` combines the two (env-config.ts says how).
 */

/** The variable naming another settings file (tests; a server's own path). Read from the environment only. */
export const ENV_FILE_VARIABLE = 'PAPERBOT_ENV_FILE';

/** Node added `util.parseEnv` (and `process.loadEnvFile`) in 20.12; package.json `engines` says so too. */
export const NODE_WITH_PARSE_ENV = '20.12';

export interface EnvFile {
  path: string;
  /** True when PAPERBOT_ENV_FILE named it, false for the project's own `.env`. */
  named: boolean;
  /** The file's settings as written (blank lines included); undefined when there is no such file. */
  values: NodeJS.Dict<string> | undefined;
}

/** The file cannot be used; `message` says what to do. */
export class EnvFileError extends Error {
  override name = 'EnvFileError';
}

/** PAPERBOT_ENV_FILE (relative to the working directory) when set, else `.env` at the project root. */
export function envFilePath(env: NodeJS.ProcessEnv = process.env): { path: string; named: boolean } {
  const named = env[ENV_FILE_VARIABLE]?.trim();
  return named ? { path: resolve(named), named: true } : { path: join(PROJECT_ROOT, '.env'), named: false };
}

/**
 * Reads the settings file. No project `.env` is fine (values undefined); a PAPERBOT_ENV_FILE that
 * does not exist, a file that cannot be read, or a Node without `util.parseEnv` throws an
 * {@link EnvFileError}: the file is never skipped without a word.
 *
 * @example
 * const file = readEnvFile();
 * const config = readConfig(process.env, file.values);
 */
export function readEnvFile(env: NodeJS.ProcessEnv = process.env): EnvFile {
  const { path, named } = envFilePath(env);
  if (!existsSync(path)) {
    if (named) throw new EnvFileError(`${ENV_FILE_VARIABLE} names ${path}, which does not exist.`);
    return { path, named, values: undefined };
  }
  // NOTE: read at call time from the module object, so a Node without it is caught here (and a test can take it away).
  const parseEnv: typeof util.parseEnv | undefined = util.parseEnv;
  if (typeof parseEnv !== 'function') {
    throw new EnvFileError(
      `Cannot read ${path}: reading a .env file needs Node ${NODE_WITH_PARSE_ENV} or newer, and this is Node ${process.versions.node}. ` +
        'Upgrade Node, or set the settings in the environment and remove the file.',
    );
  }
  let content: string;
  try {
    content = readFileSync(path, 'utf8');
  } catch (error) {
    throw new EnvFileError(`Cannot read ${path}: ${(error as Error).message}`);
  }
  return { path, named, values: parseEnv(content) };
}
