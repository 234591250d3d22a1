import { z } from 'zod';
import { DEFAULT_DATA_DIR, DIGESTS, ENV_DEFAULTS, LIBRARY, STORE } from './config.js';
import { parseSourceList, type SourceName } from './sources/source.js';
import { parseDatabaseUrl } from './store/database-url.js';
import { parseEncryptionKey } from './store/seal.js';

/**
 * Paperbot's settings from the environment: one zod schema, read by one pure function
 * (`readConfig(env)`), so defaults, coercion and validation are in one testable place. Fixed
 * defaults and limits live in config.ts.
 */

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

/** A blank value (`KEY=` or spaces) means "not set", as people expect; see {@link combineSettings} for where it may come from. */
const unsetIfBlank = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(unsetIfBlank, schema.optional());

const envSchema = z.object({
  SLACK_BOT_TOKEN: optional(z.string().trim().startsWith('xoxb-', 'must be a bot token starting with xoxb- (OAuth & Permissions → Bot User OAuth Token)')),
  SLACK_SIGNING_SECRET: optional(
    z
      .string()
      .trim()
      .regex(/^\S{8,}$/, 'must be the Signing Secret (Basic Information → App Credentials)')
      .refine((s) => !/^(xox|xapp-)/.test(s), 'looks like a token, not the Signing Secret (Basic Information → App Credentials)'),
  ),
  SLACK_APP_TOKEN: optional(
    z.string().trim().startsWith('xapp-', 'must be an app-level token starting with xapp- (Basic Information → App-Level Tokens, scope connections:write)'),
  ),
  // OAuth mode (installs into any workspace): the three below, with SLACK_SIGNING_SECRET and PAPERBOT_ENCRYPTION_KEY.
  SLACK_CLIENT_ID: optional(
    z
      .string()
      .trim()
      .regex(/^\d+\.\d+$/, 'must be the Client ID, digits.digits (Basic Information → App Credentials)'),
  ),
  SLACK_CLIENT_SECRET: optional(
    z
      .string()
      .trim()
      .regex(/^\S{8,}$/, 'must be the Client Secret (Basic Information → App Credentials)')
      .refine((s) => !/^(xox|xapp-)/.test(s), 'looks like a token, not the Client Secret (Basic Information → App Credentials)'),
  ),
  SLACK_STATE_SECRET: optional(z.string().trim().min(16, 'must be at least 16 characters: a random secret of your own, e.g. from openssl rand -base64 32')),
  PAPERBOT_ENCRYPTION_KEY: optional(
    z.string().transform((value, ctx) => {
      try {
        return parseEncryptionKey(value);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    }),
  ),
  PORT: z.preprocess(
    unsetIfBlank,
    z.coerce.number('must be a number').int('must be a whole number').min(0, 'must be 0–65535').max(65535, 'must be 0–65535').default(ENV_DEFAULTS.port),
  ),
  SLACK_API_URL: optional(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })),
  LOG_LEVEL: z.preprocess(unsetIfBlank, z.enum(LOG_LEVELS, `must be one of ${LOG_LEVELS.join(', ')}`).default(ENV_DEFAULTS.logLevel)),
  PAPERBOT_DATA_DIR: z.preprocess(unsetIfBlank, z.string().default(DEFAULT_DATA_DIR)),
  DATABASE_URL: optional(
    z.string().superRefine((value, ctx) => {
      try {
        parseDatabaseUrl(value, STORE.defaultSqlitePath);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message.replace(/^DATABASE_URL /, '') });
      }
    }),
  ),
  PAPERBOT_SOURCES: optional(
    z.string().transform((value, ctx) => {
      try {
        return parseSourceList(value);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: `is not a source list: ${(error as Error).message}` });
        return z.NEVER;
      }
    }),
  ),
  PAPERBOT_FETCH_INTERVAL_MINUTES: z.preprocess(
    unsetIfBlank,
    z.coerce.number('must be a number of minutes').int('must be a whole number of minutes').min(1, 'must be at least 1').default(LIBRARY.fetchIntervalMinutes),
  ),
  HF_API_URL: optional(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })),
  ARXIV_API_URL: optional(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })),
  ARXIV_MIN_INTERVAL_MS: optional(z.coerce.number('must be a number of milliseconds').int('must be a whole number').min(0, 'must be 0 or more')),
  PAPERBOT_DIGEST_HOUR: z.preprocess(
    unsetIfBlank,
    z.coerce.number('must be an hour, 0–23').int('must be a whole hour, 0–23').min(0, 'must be 0–23').max(23, 'must be 0–23').default(DIGESTS.hour),
  ),
  PAPERBOT_DIGEST_TZ: z.preprocess(
    unsetIfBlank,
    z.string().trim().refine(isTimeZone, 'must be an IANA time zone such as UTC, Europe/Berlin or America/New_York').default(DIGESTS.timeZone),
  ),
});

/** Whether `name` is a time zone this Node knows (IANA names such as `Europe/Berlin`, or `UTC`). */
function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Every environment variable Paperbot reads (`.env.example` lists them all). */
export const ENV_VARS = Object.keys(envSchema.shape) as (keyof typeof envSchema.shape)[];
export type EnvVar = (typeof ENV_VARS)[number];

/** The Slack credentials: which of them are set decides the mode (Socket Mode, HTTP, OAuth, or the playground). */
export const SLACK_CREDENTIALS = [
  'SLACK_BOT_TOKEN',
  'SLACK_APP_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_CLIENT_ID',
  'SLACK_CLIENT_SECRET',
  'SLACK_STATE_SECRET',
  'PAPERBOT_ENCRYPTION_KEY',
] as const satisfies readonly EnvVar[];

/** The settings that switch on OAuth mode (installs into any workspace), all three or none. */
export const OAUTH_SETTINGS = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const satisfies readonly EnvVar[];

/** The environment and `.env` combined: what each setting is, and where blank ones were. */
export interface CombinedSettings {
  /** Every setting with a value; a blank one is left out (unset). */
  values: Partial<Record<EnvVar, string>>;
  /** The settings whose value came from `.env`. */
  fromFile: EnvVar[];
  /** Of those, the ones set but blank in the environment. */
  fromFileOverBlank: EnvVar[];
  /** Slack credentials blank in the environment with no value in `.env` either: each one is an error. */
  blankCredentials: EnvVar[];
}

const given = (value: string | undefined): string | undefined => (value !== undefined && value.trim() !== '' ? value : undefined);

/**
 * Combines the environment with the settings file (`.env`). NOTE: the rules, precisely:
 * - A value in the environment wins over `.env`.
 * - A blank value (empty or spaces) is not a value, wherever it is: a blank variable in the
 *   environment never hides `.env`, and a blank line in `.env` (`.env.example` copied as it is)
 *   means the setting's default.
 * - Except a Slack credential (SLACK_BOT_TOKEN, SLACK_APP_TOKEN, SLACK_SIGNING_SECRET, and OAuth
 *   mode's SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET, PAPERBOT_ENCRYPTION_KEY) that is
 *   set but blank in the environment and has no value in `.env` either: an error naming it.
 *   That is what a pass-through that found nothing produces (docker-compose `${VAR}`, systemd
 *   `Environment=VAR=`, a CI secret that is not set); taken as unset, it would silently switch
 *   mode, or start the playground on a server. Nobody writes `VAR=` into an environment to mean
 *   "unset": they leave it out. Blank non-Slack settings have safe defaults and stay unset.
 */
export function combineSettings(env: NodeJS.ProcessEnv, envFile: NodeJS.Dict<string> = {}): CombinedSettings {
  const values: Partial<Record<EnvVar, string>> = {};
  const fromFile: EnvVar[] = [];
  for (const name of ENV_VARS) {
    const value = given(env[name]) ?? given(envFile[name]);
    if (value === undefined) continue;
    values[name] = value;
    if (given(env[name]) === undefined) fromFile.push(name);
  }
  return {
    values,
    fromFile,
    fromFileOverBlank: fromFile.filter((name) => env[name] !== undefined),
    blankCredentials: SLACK_CREDENTIALS.filter((name) => env[name] !== undefined && values[name] === undefined),
  };
}

export interface BaseConfig {
  port: number;
  logLevel: LogLevelName;
  dataDir: string;
  /** Another base URL for Slack's Web API (tests, proxies); Slack's own when undefined. */
  slackApiUrl: string | undefined;
  /** DATABASE_URL: Postgres or a SQLite file; undefined means the default SQLite file. */
  databaseUrl: string | undefined;
  /** PAPERBOT_SOURCES as given; undefined means the mode's default (see {@link sourcesFor}). */
  sources: SourceName[] | undefined;
  fetchIntervalMinutes: number;
  /** HF_API_URL, ARXIV_API_URL, ARXIV_MIN_INTERVAL_MS: the sources' defaults (config.ts) when undefined. */
  hfApiUrl: string | undefined;
  arxivApiUrl: string | undefined;
  arxivMinIntervalMs: number | undefined;
  /** PAPERBOT_DIGEST_HOUR and PAPERBOT_DIGEST_TZ: when digests go out. */
  digest: { hour: number; timeZone: string };
}

/** Socket Mode: Slack pushes over a WebSocket, no public URL needed. */
export interface SocketConfig extends BaseConfig {
  mode: 'socket';
  botToken: string;
  appToken: string;
}

/** HTTP: Slack posts to `/slack/events` on `port`. */
export interface HttpConfig extends BaseConfig {
  mode: 'http';
  botToken: string;
  signingSecret: string;
}

/**
 * OAuth: installs into any workspace (Bolt's installer at `/slack/install`), and serves HTTP like
 * {@link HttpConfig}; each workspace's bot token comes from its installation in the store,
 * encrypted there with `oauth.encryptionKey`. No SLACK_BOT_TOKEN.
 */
export interface OAuthConfig extends BaseConfig {
  mode: 'oauth';
  signingSecret: string;
  oauth: {
    clientId: string;
    clientSecret: string;
    /** Signs the state of each install started at `/slack/install`. */
    stateSecret: string;
    /** PAPERBOT_ENCRYPTION_KEY: 32 bytes, AES-256-GCM (src/store/seal.ts). */
    encryptionKey: Buffer;
  };
}

/** No Slack settings at all: the local playground. */
export interface LocalConfig extends BaseConfig {
  mode: 'local';
}

export type Config = SocketConfig | HttpConfig | OAuthConfig | LocalConfig;
/** One workspace, its bot token in the settings. */
export type SlackConfig = SocketConfig | HttpConfig;

/** Settings that are missing or wrong; `message` says what to fix. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Paperbot's settings are incomplete or invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}\nSee .env.example and docs/slack-setup.md.`);
    this.name = 'ConfigError';
  }
}

const baseSchema = envSchema.omit({
  SLACK_BOT_TOKEN: true,
  SLACK_SIGNING_SECRET: true,
  SLACK_APP_TOKEN: true,
  SLACK_CLIENT_ID: true,
  SLACK_CLIENT_SECRET: true,
  SLACK_STATE_SECRET: true,
  PAPERBOT_ENCRYPTION_KEY: true,
});

function baseOf(e: z.output<typeof baseSchema>): BaseConfig {
  return {
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    dataDir: e.PAPERBOT_DATA_DIR,
    slackApiUrl: e.SLACK_API_URL,
    databaseUrl: e.DATABASE_URL,
    sources: e.PAPERBOT_SOURCES,
    fetchIntervalMinutes: e.PAPERBOT_FETCH_INTERVAL_MINUTES,
    hfApiUrl: e.HF_API_URL,
    arxivApiUrl: e.ARXIV_API_URL,
    arxivMinIntervalMs: e.ARXIV_MIN_INTERVAL_MS,
    digest: { hour: e.PAPERBOT_DIGEST_HOUR, timeZone: e.PAPERBOT_DIGEST_TZ },
  };
}

/**
 * The live sources to fetch: PAPERBOT_SOURCES when set; otherwise Hugging Face's daily papers
 * when Slack is connected, and none in the playground (which must work with no network at all).
 */
export function sourcesFor(config: BaseConfig & { mode?: Config['mode'] }): SourceName[] {
  return config.sources ?? (config.mode === undefined || config.mode === 'local' ? [] : ['hf-daily']);
}

/**
 * The settings every entry point shares (data, logging, port), without the Slack ones: what the
 * `paperbot` command line reads, so a half-configured Slack app never stops a search or an ingest.
 */
export function readBaseConfig(env: NodeJS.ProcessEnv = process.env, envFile: NodeJS.Dict<string> = {}): BaseConfig {
  const parsed = baseSchema.safeParse(combineSettings(env, envFile).values);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`));
  return baseOf(parsed.data);
}

/**
 * SLACK_BOT_TOKEN alone, checked, for the command line's `digest` (which posts, and nothing
 * else of Slack's settings matters to it); undefined when it is not set.
 */
export function readBotToken(env: NodeJS.ProcessEnv = process.env, envFile: NodeJS.Dict<string> = {}): string | undefined {
  const parsed = envSchema.shape.SLACK_BOT_TOKEN.safeParse(combineSettings(env, envFile).values.SLACK_BOT_TOKEN);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((issue) => `SLACK_BOT_TOKEN ${issue.message}`));
  return parsed.data;
}

/**
 * Reads Paperbot's settings from the environment and the settings file (`.env`, as read by
 * load-env-file.ts; {@link combineSettings} says which wins): defaults, coercion and validation in
 * one place. With `SLACK_APP_TOKEN` it runs in Socket Mode; with a bot token and signing secret it
 * serves HTTP; with `SLACK_CLIENT_ID`, `SLACK_CLIENT_SECRET` and `SLACK_STATE_SECRET` it installs into
 * any workspace (OAuth, over HTTP: see {@link OAuthConfig}); with no Slack settings anywhere it runs
 * locally. Anything in between, or a Slack setting set but blank in the environment, throws a
 * {@link ConfigError} naming every problem.
 *
 * @example
 * const config = readConfig({ SLACK_BOT_TOKEN: 'xoxb-…', SLACK_APP_TOKEN: 'xapp-…' });
 * config.mode; // 'socket'
 * readConfig({ SLACK_BOT_TOKEN: '' }, { SLACK_BOT_TOKEN: 'xoxb-…', SLACK_APP_TOKEN: 'xapp-…' }).mode; // 'socket': a blank never hides .env
 */
export function readConfig(env: NodeJS.ProcessEnv = process.env, envFile: NodeJS.Dict<string> = {}): Config {
  const { values, blankCredentials } = combineSettings(env, envFile);
  const parsed = envSchema.safeParse(values);
  const blank = blankCredentials.map(
    (name) =>
      `${name} is set but empty in the environment, and .env has no value for it: give it a value, or remove it from the environment ` +
      `(look for an empty systemd Environment=${name}= line, a docker-compose \${${name}} or a CI secret that is not set).`,
  );
  if (!parsed.success || blank.length) {
    throw new ConfigError([...blank, ...(parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`))]);
  }
  const e = parsed.data;
  const base = baseOf(e);
  const { SLACK_BOT_TOKEN: botToken, SLACK_SIGNING_SECRET: signingSecret, SLACK_APP_TOKEN: appToken } = e;

  if (OAUTH_SETTINGS.some((name) => e[name] !== undefined)) return oauthConfig(base, e);
  if (!botToken && !signingSecret && !appToken) return { ...base, mode: 'local' };
  if (appToken) {
    if (!botToken)
      throw new ConfigError([
        'SLACK_BOT_TOKEN is missing: Socket Mode (SLACK_APP_TOKEN is set) also needs the bot token (OAuth & Permissions → Bot User OAuth Token, xoxb-…).',
      ]);
    return { ...base, mode: 'socket', botToken, appToken };
  }
  const missing = [
    !botToken && 'SLACK_BOT_TOKEN is missing (OAuth & Permissions → Bot User OAuth Token, xoxb-…).',
    !signingSecret && 'SLACK_SIGNING_SECRET is missing (Basic Information → App Credentials → Signing Secret).',
  ].filter((p): p is string => typeof p === 'string');
  if (!botToken || !signingSecret) {
    throw new ConfigError([
      ...missing,
      'HTTP mode needs both; or set SLACK_APP_TOKEN (and SLACK_BOT_TOKEN) for Socket Mode; or unset all SLACK_* settings to search locally.',
    ]);
  }
  return { ...base, mode: 'http', botToken, signingSecret };
}

// ---------------------------------------------------------------------------------------------
// Search: analysis, ranking and limits (src/search).
// ---------------------------------------------------------------------------------------------

/** OAuth mode's settings, or every problem with them at once (half of them given, a bot token beside them, …). */
function oauthConfig(base: BaseConfig, e: z.output<typeof envSchema>): OAuthConfig {
  const { SLACK_CLIENT_ID: clientId, SLACK_CLIENT_SECRET: clientSecret, SLACK_STATE_SECRET: stateSecret } = e;
  const { SLACK_SIGNING_SECRET: signingSecret, PAPERBOT_ENCRYPTION_KEY: encryptionKey } = e;
  const problems = [
    !clientId && 'SLACK_CLIENT_ID is missing (Basic Information → App Credentials → Client ID).',
    !clientSecret && 'SLACK_CLIENT_SECRET is missing (Basic Information → App Credentials → Client Secret).',
    !stateSecret && 'SLACK_STATE_SECRET is missing: a random secret of your own that signs each install (openssl rand -base64 32).',
    (!clientId || !clientSecret || !stateSecret) &&
      `Installing into many workspaces (OAuth) needs all three of ${OAUTH_SETTINGS.join(', ')}; for one workspace, unset them and set SLACK_BOT_TOKEN.`,
    !signingSecret &&
      'SLACK_SIGNING_SECRET is missing: OAuth mode serves HTTP, and checks every request from Slack with it (Basic Information → App Credentials).',
    !encryptionKey &&
      "PAPERBOT_ENCRYPTION_KEY is missing: OAuth mode keeps each workspace's bot token in the database, encrypted with it. " +
        'Make one with openssl rand -base64 32 and keep it with your other secrets: without it the stored installations cannot be read.',
    e.SLACK_BOT_TOKEN &&
      "SLACK_BOT_TOKEN is set, but in OAuth mode (SLACK_CLIENT_ID …) each workspace's bot token comes from its installation: unset SLACK_BOT_TOKEN, or unset the OAuth settings for one workspace.",
    e.SLACK_APP_TOKEN && 'SLACK_APP_TOKEN is set, but OAuth mode serves HTTP (Slack must reach the install redirect and /slack/events): unset SLACK_APP_TOKEN.',
  ].filter((p): p is string => typeof p === 'string');
  if (problems.length || !clientId || !clientSecret || !stateSecret || !signingSecret || !encryptionKey) throw new ConfigError(problems);
  return { ...base, mode: 'oauth', signingSecret, oauth: { clientId, clientSecret, stateSecret, encryptionKey } };
}
