import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { summarizeCorpus } from '../../src/app/corpus-summary.js';
import { createApp } from '../../src/app/create-app.js';
import type { Deps } from '../../src/app/deps.js';
import { DEFAULT_DATA_DIR, readConfig, type HttpConfig } from '../../src/config.js';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { createLogger } from '../../src/logger.js';
import { createPaperSearch } from '../../src/search/paper-search.js';
import type { PaperSearch } from '../../src/search/types.js';
import { BOT, FakeSlack } from './fake-slack.js';
import type { SlackBody } from './payloads.js';
import { signedHeaders } from './sign.js';

/** The signing secret of Slack's published signing example. */
export const SIGNING_SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
export const BOT_TOKEN = 'xoxb-1234-5678-paperbottesttoken';

let corpusCache: ReturnType<typeof loadCorpus> | undefined;
/** The real corpus, data/papers.json, loaded once per test file. */
export const realCorpus = () => (corpusCache ??= loadCorpus(DEFAULT_DATA_DIR));

export interface SentRequest {
  status: number;
  text: string;
  /** The body as JSON when it is JSON (an ack carrying a message). */
  json: any;
}

export interface Paperbot {
  url: string;
  fake: FakeSlack;
  deps: Deps;
  /** Every log line, parsed. */
  logs: Record<string, any>[];
  /** POSTs a body to /slack/events, signed as Slack signs it (or as `sign` says). */
  send(body: SlackBody, sign?: { timestamp?: number; secret?: string; signature?: string }): Promise<SentRequest>;
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
  const logger = createLogger({ level: config.logLevel, destination: { write: (line: string) => void logs.push(JSON.parse(line)) } });
  const corpus = realCorpus();
  const real = createPaperSearch(corpus.papers);
  const deps: Deps = { search: options.search ? options.search(real) : real, corpus: summarizeCorpus(corpus.papers, corpus.sources), random: options.random ?? Math.random };
  const app = createApp({
    config,
    deps,
    logger,
    identity: { botId: BOT.botId, botUserId: BOT.userId },
    processBeforeResponse: true,
    clientOptions: { retryConfig: { retries: 0 } },
  });
  const server = (await app.start(0)) as Server;
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    fake,
    deps,
    logs,
    async send({ body, contentType }, sign = {}) {
      const headers = signedHeaders(sign.secret ?? SIGNING_SECRET, body, contentType, sign.timestamp);
      if (sign.signature) headers['x-slack-signature'] = sign.signature;
      const res = await fetch(`${url}/slack/events`, { method: 'POST', headers, body });
      const text = await res.text();
      let json: any = null;
      try {
        json = text ? JSON.parse(text) : null;
      } catch {
        // Not JSON: an empty ack or a plain challenge.
      }
      if (json && (json.blocks || json.text)) fake.check(json, 'ack');
      return { status: res.status, text, json };
    },
    async close() {
      await app.stop();
      await fake.stop();
    },
  };
}
