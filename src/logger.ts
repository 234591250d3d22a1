import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import pino, { type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';
import type { LogLevelName } from './env-config.js';

export type { Logger };

/** Object paths pino replaces with "[redacted]" wherever they appear in a log line. */
export const REDACT_PATHS = [
  'token',
  '*.token',
  'botToken',
  '*.botToken',
  'appToken',
  '*.appToken',
  'signingSecret',
  '*.signingSecret',
  // OAuth mode's app credentials and the key installations are sealed with.
  'clientSecret',
  '*.clientSecret',
  'client_secret',
  '*.client_secret',
  'stateSecret',
  '*.stateSecret',
  'encryptionKey',
  '*.encryptionKey',
  'headers.authorization',
  '*.headers.authorization',
  'headers["x-slack-signature"]',
  '*.headers["x-slack-signature"]',
  // A response_url lets whoever holds it post as the app in that conversation for 30 minutes.
  'response_url',
  '*.response_url',
  'responseUrl',
  '*.responseUrl',
];

// Bot, user, app-level and refresh tokens as they appear inside free text.
const TOKEN_IN_TEXT = /\b(xox[abeoprs]|xapp)-[A-Za-z0-9-]+/g;
// Slack's response_urls (and incoming webhooks): the path is the credential.
const HOOK_IN_TEXT = /\bhttps:\/\/hooks\.slack\.com\/[^\s"'<>]+/g;

// The app's client secret as web-api's debug lines show an `oauth.v2.access` request (JSON or form).
const CLIENT_SECRET_IN_TEXT = /(client_secret"?\s*[:=]\s*"?)[^"&\s,}]+/g;

/** Replaces anything shaped like a Slack token, response_url or client secret in free text (Bolt and web-api log strings). */
export const scrubSecrets = (text: string): string =>
  text.replace(TOKEN_IN_TEXT, '$1-[redacted]').replace(HOOK_IN_TEXT, 'https://hooks.slack.com/[redacted]').replace(CLIENT_SECRET_IN_TEXT, '$1[redacted]');

export interface LoggerOptions {
  level: LogLevelName;
  /** Human-readable output; defaults to whether stdout is a terminal. */
  pretty?: boolean;
  /** Where lines go (tests capture them); stdout by default. */
  destination?: DestinationStream;
}

/**
 * Paperbot's logger: JSON lines normally, pretty on a terminal, secrets redacted.
 *
 * @example const log = createLogger({ level: 'info' }); log.child({ command: '/paper' }).info('answered');
 */
export function createLogger({ level, pretty: usePretty = Boolean(process.stdout.isTTY), destination }: LoggerOptions): Logger {
  const options = { level, base: { app: 'paperbot' }, redact: { paths: REDACT_PATHS, censor: '[redacted]' } };
  if (destination) return pino(options, destination);
  return usePretty ? pino(options, pretty({ colorize: true, ignore: 'pid,hostname,app', translateTime: 'SYS:HH:MM:ss' })) : pino(options);
}

const BOLT_LEVELS: Record<string, LogLevel> = { trace: LogLevel.DEBUG, debug: LogLevel.DEBUG, info: LogLevel.INFO, warn: LogLevel.WARN };

/**
 * Bolt's (and the Web API client's) logger interface on top of pino, so their lines land in the
 * same stream with the same redaction. Bolt logs strings and errors as varargs.
 * NOTE: `setLevel` is ignored: Bolt sets a level of its own at start, and ours comes from LOG_LEVEL.
 */
export function toBoltLogger(log: Logger): BoltLogger {
  const child = log.child({ lib: 'bolt' });
  const write =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...msg: unknown[]) => {
      if (!child.isLevelEnabled(level)) return;
      const err = msg.find((m): m is Error => m instanceof Error);
      const text = scrubSecrets(
        msg
          .filter((m) => m !== err)
          .map((m) => (typeof m === 'string' ? m : safeJson(m)))
          .join(' '),
      );
      if (err) child[level]({ err }, text || err.message);
      else child[level](text);
    };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    setLevel: () => {},
    getLevel: () => BOLT_LEVELS[log.level] ?? LogLevel.ERROR,
    setName: () => {},
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
