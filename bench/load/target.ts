import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, LogLevel } from '@slack/bolt';
import { registerListeners } from '../../handlers/index.js';
import { createApp } from '../../src/slack/create-app.js';
import { startLibrary } from '../../src/start-library.js';
import { readConfig, type HttpConfig } from '../../src/env-config.js';
import { createLogger } from '../../src/logger.js';
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
  // As main builds it: the library on a store (a fresh SQLite file here, or BENCH_DATABASE_URL), no live sources.
  const dir = mkdtempSync(join(tmpdir(), 'paperbot-bench-'));
  const config = readConfig({
    SLACK_BOT_TOKEN: BENCH_TOKEN,
    SLACK_SIGNING_SECRET: BENCH_SECRET,
    SLACK_API_URL: apiUrl,
    PORT: '0',
    LOG_LEVEL: 'info',
    DATABASE_URL: process.env.BENCH_DATABASE_URL ?? `sqlite:${join(dir, 'paperbot.sqlite')}`,
    PAPERBOT_SOURCES: 'none',
  }) as HttpConfig;
  const logger = createLogger({ level: config.logLevel, pretty: false });
  const running = await startLibrary(config, logger);
  const app = createApp({
    config,
    deps: running.deps,
    logger,
    identity: BENCH_BOT,
    listeners: registerListeners,
    // As main: on Postgres, event and click claims are the store's, shared by every instance.
    seenEvents: running.shared?.seenEvents,
    recentShares: running.shared?.recentShares,
  });
  const stopAll = async () => {
    await app.stop();
    await running.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { server: (await app.start(0)) as Server, stop: stopAll };
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
