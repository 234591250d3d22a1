import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App, webApi } from '@slack/bolt';
import { registerListeners } from '../../handlers/index.js';
import { createApp } from '../../src/slack/create-app.js';
import type { Deps, PaperbotContext } from '../../src/slack/deps.js';
import type { SeenEvents } from '../../src/slack/middleware/event-dedupe.js';
import { readConfig, type HttpConfig } from '../../src/env-config.js';
import { createLogger, type Logger } from '../../src/logger.js';
import type { PaperSearch } from '../../src/search/types.js';
import { BOT, FakeSlack } from './fake-slack.js';
import type { SlackBody } from './payloads.js';
import { signedHeaders } from '../../src/slack-stand-in/sign.js';
import { libraryDeps, type TestLibrary } from './deps.js';

/** The signing secret of Slack's published signing example. */
export const SIGNING_SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
export const BOT_TOKEN = 'xoxb-1234-5678-paperbottesttoken';

export { realCorpus } from './deps.js';

export interface SentRequest {
  status: number;
  text: string;
  /** The body as JSON when it is JSON (an ack carrying a message). */
  json: any;
}

/** How to sign and send one request: as Slack would, unless told otherwise. */
export interface SendOptions {
  timestamp?: number;
  secret?: string;
  signature?: string;
  /** More headers (`x-slack-retry-num`, …). */
  headers?: Record<string, string>;
  path?: string;
  method?: string;
}

export interface Paperbot {
  url: string;
  fake: FakeSlack;
  deps: Deps;
  /** The library behind `deps`: its store and search, as main builds them. */
  library: TestLibrary;
  app: App<PaperbotContext>;
  /** The app's logger: what it writes lands in `logs`. */
  logger: Logger;
  /** Every log line, parsed. */
  logs: Record<string, any>[];
  /** Every log line exactly as written, for checks on what reaches the log at all. */
  rawLogs: string[];
  /** POSTs a body to /slack/events, signed as Slack signs it (or as `sign` says). */
  send(body: SlackBody, sign?: SendOptions): Promise<SentRequest>;
  close(): Promise<void>;
}

/**
 * Starts Paperbot end to end: the real app factory and Bolt HTTP receiver on a free port, the
 * real corpus and PaperSearch, a fake Slack Web API (also the response_url target), logs captured.
 * `processBeforeResponse` makes each request return only once its listener is done, so a test
 * can assert the Slack calls right after `send`.
 */
export interface PaperbotOptions {
  random?: () => number;
  /** Wraps the real PaperSearch, for tests about what the app does with an answer it cannot provoke (a failure). */
  search?: (real: PaperSearch) => PaperSearch;
  /** The Web API and response_url retry policy; none by default, so a fault shows at once. */
  retryConfig?: webApi.RetryOptions;
  /** The Web API and response_url per-try timeout (ms); the app's default when unset. */
  timeoutMs?: number;
  seenEvents?: SeenEvents;
  /** True by default: each `send` returns once its listener is done. */
  processBeforeResponse?: boolean;
  /** More settings for the library: PAPERBOT_SOURCES (none by default), HF_API_URL, ARXIV_API_URL … */
  env?: Record<string, string>;
}

/** A real retry policy, only quicker: 3 retries, 10–20 ms apart, at most 3 s in all. */
export const FAST_RETRIES: webApi.RetryOptions = { retries: 3, factor: 1, minTimeout: 10, maxTimeout: 20, randomize: true, maxRetryTime: 3_000 };

/**
 * POSTs a body to the app at `url` (its /slack/events unless `sign.path` says), signed as Slack
 * signs it unless told otherwise; an ack carrying a message is checked against Block Kit's limits.
 */
export async function sendSigned(url: string, fake: FakeSlack, { body, contentType }: SlackBody, sign: SendOptions = {}): Promise<SentRequest> {
  const headers = { ...signedHeaders(sign.secret ?? SIGNING_SECRET, body, contentType, sign.timestamp), ...sign.headers };
  if (sign.signature) headers['x-slack-signature'] = sign.signature;
  const res = await fetch(`${url}${sign.path ?? '/slack/events'}`, { method: sign.method ?? 'POST', headers, body });
  const text = await res.text();
  let json: any = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON: an empty ack or a plain challenge.
  }
  if (json && (json.blocks || json.text)) fake.check(json, 'ack');
  return { status: res.status, text, json };
}

export async function startPaperbot(options: PaperbotOptions = {}): Promise<Paperbot> {
  const fake = await new FakeSlack().start();
  const config = readConfig({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    PORT: '0',
    LOG_LEVEL: 'debug',
  }) as HttpConfig;
  const logs: Record<string, any>[] = [];
  const rawLogs: string[] = [];
  const logger = createLogger({
    level: config.logLevel,
    destination: {
      write: (line: string) => {
        rawLogs.push(line);
        logs.push(JSON.parse(line));
      },
    },
  });
  // The store and sources exactly as main builds them, on a fresh SQLite file: real memory.
  const library = await libraryDeps(logger, { PAPERBOT_SOURCES: 'none', ...options.env }, { random: options.random });
  const deps: Deps = library.deps;
  if (options.search) deps.search = options.search(deps.search);
  const app = createApp({
    config,
    deps,
    logger,
    identity: { botId: BOT.botId, botUserId: BOT.userId },
    listeners: registerListeners,
    processBeforeResponse: options.processBeforeResponse ?? true,
    clientOptions: { retryConfig: options.retryConfig ?? { retries: 0 }, ...(options.timeoutMs ? { timeout: options.timeoutMs } : {}) },
    seenEvents: options.seenEvents,
  });
  const server = (await app.start(0)) as Server;
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    fake,
    deps,
    library,
    app,
    logger,
    logs,
    rawLogs,
    send: (request, sign) => sendSigned(url, fake, request, sign),
    async close() {
      await app.stop();
      await fake.stop();
      await library.remove();
    },
  };
}
