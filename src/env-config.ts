import { z } from 'zod';
import { DEFAULT_DATA_DIR, ENV_DEFAULTS, LIBRARY, STORE } from './config.js';
import { parseSourceList, type SourceName } from './sources/source.js';
import { parseDatabaseUrl } from './store/database-url.js';

/**
 * Paperbot's settings from the environment: one zod schema, read by one pure function
 * (`readConfig(env)`), so defaults, coercion and validation are in one testable place. Fixed
 * defaults and limits live in config.ts.
 */

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

/** An empty `KEY=` line in .env means "not set", as people expect. */
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
});

/** Every environment variable Paperbot reads (`.env.example` lists them all). */
export const ENV_VARS = Object.keys(envSchema.shape) as (keyof typeof envSchema.shape)[];

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

/** No Slack settings at all: the local playground. */
export interface LocalConfig extends BaseConfig {
  mode: 'local';
}

export type Config = SocketConfig | HttpConfig | LocalConfig;
export type SlackConfig = SocketConfig | HttpConfig;

/** Settings that are missing or wrong; `message` says what to fix. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Paperbot's settings are incomplete or invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}\n` + 'See .env.example and docs/slack-setup.md.');
    this.name = 'ConfigError';
  }
}

const baseSchema = envSchema.omit({ SLACK_BOT_TOKEN: true, SLACK_SIGNING_SECRET: true, SLACK_APP_TOKEN: true });

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
export function readBaseConfig(env: NodeJS.ProcessEnv = process.env): BaseConfig {
  const parsed = baseSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`));
  return baseOf(parsed.data);
}

/**
 * Reads Paperbot's settings from the environment: defaults, coercion and validation in one place.
 * With `SLACK_APP_TOKEN` it runs in Socket Mode; with a bot token and signing secret it serves
 * HTTP; with no Slack settings at all it runs locally. Anything in between throws a
 * {@link ConfigError} naming every problem.
 *
 * @example
 * const config = readConfig({ SLACK_BOT_TOKEN: 'xoxb-…', SLACK_APP_TOKEN: 'xapp-…' });
 * config.mode; // 'socket'
 */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`));
  }
  const e = parsed.data;
  const base = baseOf(e);
  const { SLACK_BOT_TOKEN: botToken, SLACK_SIGNING_SECRET: signingSecret, SLACK_APP_TOKEN: appToken } = e;

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
