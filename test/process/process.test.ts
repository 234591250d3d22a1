import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/paths.js';
import { ensureBuilt } from '../helpers/build.js';
import { startChild, type Child } from '../helpers/child.js';
import { FakeSlack } from '../helpers/fake-slack.js';
import { appMention, slashCommand, type SlackBody } from '../helpers/payloads.js';
import { BOT_TOKEN, SIGNING_SECRET } from '../helpers/paperbot.js';
import { signedHeaders } from '../../src/slack-stand-in/sign.js';

// These run the built app in a process of its own: what happens to a process (signals, exit
// codes, errors nothing catches) cannot be seen from inside the test runner's.
const fake = new FakeSlack();
let main: string;
beforeAll(async () => {
  main = ensureBuilt();
  await fake.start();
}, 180_000);
afterAll(() => fake.stop());

const env = () => ({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_APP_TOKEN: '', SLACK_API_URL: fake.apiUrl, PORT: '0', LOG_LEVEL: 'info' });
const send = (port: number, { body, contentType }: SlackBody) =>
  fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', headers: signedHeaders(SIGNING_SECRET, body, contentType), body });
const until = async (condition: () => boolean) => {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
};

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
    for (const [line, message] of [[rejection, 'stray rejection'], [exception, 'stray exception']] as const) {
      expect(line).toMatchObject({ level: 50, err: { message }, command: '/paper', user: 'U0STRAY', channel: 'C0STRAY' });
    }
    const after = await send(port, slashCommand({ text: 'diffusion', responseUrl: fake.responseUrl() }));
    expect(after.status).toBe(200);
    expect((await after.json()).blocks.length).toBeGreaterThan(0);
    expect(child.process.exitCode).toBeNull();
  });
});

describe('SIGTERM', () => {
  it('stops taking requests, finishes the one in flight, and exits 0', async () => {
    fake.reset();
    const child = startChild(main, env());
    try {
      const { port } = await child.waitFor((l) => /^Paperbot is running/.test(l.msg), 'started');
      // A mention is acked at once; its answer is then in flight while Slack takes 1.5 s over the post.
      fake.inject('chat.postMessage', { delayMs: 1_500 });
      expect((await send(port, appMention({ words: 'diffusion', channel: 'C0LAN2Q65' }))).status).toBe(200);
      await until(() => fake.api('chat.postMessage').length === 1);

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
