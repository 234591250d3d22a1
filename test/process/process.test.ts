import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/paths.js';
import { builtApp } from '../helpers/built-app.js';
import { startChild, type Child } from '../helpers/child.js';
import { FakeSlack } from '../helpers/fake-slack.js';
import { appMention, slashCommand, type SlackBody } from '../helpers/payloads.js';
import { BOT_TOKEN, SIGNING_SECRET } from '../helpers/paperbot.js';
import { signedHeaders } from '../../src/slack-stand-in/sign.js';
import { openStore } from '../../src/store/open-store.js';
import { countPapers } from '../../src/store/paper-repository.js';
import { allSourceStates } from '../../src/store/source-state.js';
import { closedOrigin, startReplayServer } from '../sources/replay-server.js';

// These run the built app in a process of its own: what happens to a process (signals, exit
// codes, errors nothing catches) cannot be seen from inside the test runner's.
const fake = new FakeSlack();
const app = builtApp(fake, 'paperbot-process-');

let databases = 0;
// Each process gets a store of its own, and no live sources unless a test asks for them; an
// empty settings file stands in for the project's .env, which would otherwise fill in the rest.
const env = (more: Record<string, string> = {}) => ({
  PAPERBOT_ENV_FILE: app.envFile,
  SLACK_BOT_TOKEN: BOT_TOKEN,
  SLACK_SIGNING_SECRET: SIGNING_SECRET,
  SLACK_API_URL: fake.apiUrl,
  PORT: '0',
  LOG_LEVEL: 'info',
  DATABASE_URL: `sqlite:${join(app.dir, `db-${++databases}.sqlite`)}`,
  PAPERBOT_SOURCES: 'none',
  ...more,
});
const send = (port: number, { body, contentType }: SlackBody) =>
  fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', headers: signedHeaders(SIGNING_SECRET, body, contentType), body });

describe('errors nothing catches', () => {
  let child: Child;
  afterAll(() => child?.process.kill('SIGKILL'));

  it('are logged with the request they came from, and the process keeps serving', async () => {
    child = startChild(join(PROJECT_ROOT, 'test/process/fixtures/stray-errors-app.mjs'), env());
    const { port } = await child.waitFor((l) => l.msg === 'listening', 'listening');
    const stray = await send(port, slashCommand({ text: 'stray', responseUrl: fake.responseUrl(), user: 'U0STRAY', channel: 'C0STRAY' }));
    expect(stray.status).toBe(200);
    const rejection = await child.waitFor((l) => /unhandled promise rejection/.test(l.msg), 'the rejection logged');
    const exception = await child.waitFor((l) => /uncaught exception/.test(l.msg), 'the exception logged');
    for (const [line, message] of [
      [rejection, 'stray rejection'],
      [exception, 'stray exception'],
    ] as const) {
      expect(line).toMatchObject({ level: 50, err: { message }, command: '/paper', user: 'U0STRAY', channel: 'C0STRAY' });
    }
    const after = await send(port, slashCommand({ text: 'diffusion', responseUrl: fake.responseUrl() }));
    expect(after.status).toBe(200);
    expect(((await after.json()) as { blocks: unknown[] }).blocks.length).toBeGreaterThan(0);
    expect(child.process.exitCode).toBeNull();
  });
});

describe('SIGTERM', () => {
  it('stops taking requests, finishes the one in flight, and exits 0', async () => {
    fake.reset();
    const child = startChild(app.main, env());
    try {
      const { port } = await child.waitFor((l) => /^Paperbot is running/.test(l.msg), 'started');
      // A mention is acked at once; its answer is then in flight while Slack takes 1.5 s over the post.
      fake.inject('chat.postMessage', { delayMs: 1_500 });
      expect((await send(port, appMention({ words: 'diffusion', channel: 'C0LAN2Q65' }))).status).toBe(200);
      await fake.waitFor((call) => call.method === 'chat.postMessage');

      child.process.kill('SIGTERM');
      await child.waitFor((l) => /^draining/.test(l.msg), 'draining');
      const during = await send(port, slashCommand({ text: 'diffusion', responseUrl: fake.responseUrl() })).then(
        (res) => res.status,
        () => 'connection refused',
      );
      expect([503, 'connection refused']).toContain(during);

      expect(await child.exited).toBe(0);
      // NOTE: request logs and process logs reach stdout through separate buffers, so lines of
      // one millisecond may arrive out of order; pino's `time` says when each happened.
      const at = (msg: string) => child.logs.filter((l) => l.msg === msg).map((l) => l.time as number);
      const [stopping, answered, drained, stopped] = ['stopping: finishing requests in flight', 'answered', 'drained', 'stopped'].map(at);
      for (const times of [stopping, answered, drained, stopped]) expect(times).toHaveLength(1);
      expect(stopping![0]).toBeLessThanOrEqual(answered![0]!);
      expect(answered![0]).toBeLessThanOrEqual(drained![0]!);
      expect(drained![0]).toBeLessThanOrEqual(stopped![0]!);
      expect(child.logs.find((l) => l.msg === 'drained')).toMatchObject({ finished: true });
      expect(fake.delivered('chat.postMessage')).toHaveLength(1);
      expect(child.other).toEqual([]);
    } finally {
      child.process.kill('SIGKILL');
    }
  });
});

describe('live sources that are down or stopped mid-fetch', () => {
  it('start-up answers from the store while every source is unreachable, and the failures are logged', async () => {
    fake.reset();
    const closed = await closedOrigin();
    const child = startChild(
      app.main,
      env({ PAPERBOT_SOURCES: 'hf-daily,arxiv:cs.CL', HF_API_URL: closed, ARXIV_API_URL: `${closed}/api/query`, ARXIV_MIN_INTERVAL_MS: '10' }),
    );
    try {
      const { port } = await child.waitFor((l) => /^Paperbot is running/.test(l.msg), 'started');
      const answer = await send(port, slashCommand({ text: 'diffusion', responseUrl: fake.responseUrl() }));
      expect(answer.status).toBe(200);
      expect(((await answer.json()) as { blocks: unknown[] }).blocks.length).toBeGreaterThan(1);
      for (const source of ['hf-daily', 'arxiv:cs.CL']) {
        const failed = await child.waitFor((l) => l.msg === 'fetch failed; will try again' && l.source === source, `${source} failed`);
        expect(failed.level).toBe(40);
      }
      child.process.kill('SIGTERM');
      expect(await child.exited).toBe(0);
      expect(child.other).toEqual([]);
    } finally {
      child.process.kill('SIGKILL');
    }
  });

  it('SIGTERM while a fetch waits on its source stores nothing of it and exits 0', async () => {
    let arrived!: () => void;
    const requested = new Promise<void>((resolve) => (arrived = resolve));
    const hanging = await startReplayServer(() => {
      arrived();
      return { hang: true };
    });
    const database = join(app.dir, 'mid-fetch.sqlite');
    const child = startChild(app.main, env({ DATABASE_URL: `sqlite:${database}`, PAPERBOT_SOURCES: 'hf-daily', HF_API_URL: hanging.origin }));
    try {
      await child.waitFor((l) => /^Paperbot is running/.test(l.msg), 'started');
      await requested;
      child.process.kill('SIGTERM');
      expect(await child.exited).toBe(0);
      await child.waitFor((l) => l.msg === 'fetch stopped: nothing of it stored', 'the fetch stopped');
      const store = await openStore({ databaseUrl: `sqlite:${database}` });
      try {
        expect(await countPapers(store)).toBe(99);
        expect(await allSourceStates(store)).toEqual([]);
      } finally {
        await store.close();
      }
    } finally {
      child.process.kill('SIGKILL');
      await hanging.close();
    }
  });
});
