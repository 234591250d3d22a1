import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, LogLevel } from '@slack/bolt';
import { registerListeners } from '../../handlers/index.js';
import { summarizeCorpus } from '../../src/corpus/corpus-summary.js';
import { createApp } from '../../src/slack/create-app.js';
import { readConfig, type HttpConfig } from '../../src/env-config.js';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { createLogger } from '../../src/logger.js';
import { createPaperSearch } from '../../src/search/paper-search.js';
import { BENCH_BOT, BENCH_SECRET, BENCH_TOKEN } from './slack-requests.js';

/**
 * One bench target in a process of its own (started by main.ts with IPC): `paperbot`, the real
 * app as `main` builds it (real corpus and search, logs at info to stdout), or `bare`, a Bolt
 * app with the default HTTPReceiver whose /paper acks a fixed text. It reports its port, then
 * answers memory requests until told to stop.
 */
type Message = { type: 'memory'; gc?: boolean } | { type: 'stop' };

async function startTarget(kind: string, apiUrl: string): Promise<{ server: Server; stop: () => Promise<unknown> }> {
  if (kind === 'bare') {
    const app = new App({ token: BENCH_TOKEN, signingSecret: BENCH_SECRET, ...BENCH_BOT, logLevel: LogLevel.ERROR, clientOptions: { slackApiUrl: apiUrl } });
    app.command('/paper', async ({ ack }) => ack('Paperbot found nothing; this is a fixed answer.'));
    return { server: (await app.start(0)) as Server, stop: () => app.stop() };
  }
  const config = readConfig({ SLACK_BOT_TOKEN: BENCH_TOKEN, SLACK_SIGNING_SECRET: BENCH_SECRET, SLACK_API_URL: apiUrl, PORT: '0', LOG_LEVEL: 'info' }) as HttpConfig;
  const corpus = loadCorpus(config.dataDir);
  const deps = { search: createPaperSearch(corpus.papers), corpusSummary: summarizeCorpus(corpus.papers, corpus.sources), random: Math.random };
  const app = createApp({ config, deps, logger: createLogger({ level: config.logLevel, pretty: false }), identity: BENCH_BOT, listeners: registerListeners });
  return { server: (await app.start(0)) as Server, stop: () => app.stop() };
}

const [kind = 'paperbot', apiUrl = 'http://127.0.0.1:9/api/'] = process.argv.slice(2);
const { server, stop } = await startTarget(kind, apiUrl);
const gc = (globalThis as { gc?: () => void }).gc;
process.on('message', (message: Message) => {
  if (message.type === 'memory') {
    if (message.gc) gc?.();
    const { rss, heapUsed } = process.memoryUsage();
    const { user, system } = process.cpuUsage();
    process.send!({ type: 'memory', rss, heapUsed, cpuMicros: user + system });
  } else if (message.type === 'stop') {
    void stop().finally(() => process.exit(0));
  }
});
process.send!({ type: 'ready', port: (server.address() as AddressInfo).port, pid: process.pid });
