import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR } from '../../src/config.js';
import { openLibrary } from '../../src/library/open-library.js';
import { createLogger } from '../../src/logger.js';
import * as slack from '../../src/slack-stand-in/payloads.js';
import { signedHeaders } from '../../src/slack-stand-in/sign.js';
import { setWatch } from '../../src/store/watches.js';
import { type BuiltApp, builtApp } from '../helpers/built-app.js';
import { type Child, startChild } from '../helpers/child.js';
import { FakeSlack } from '../helpers/fake-slack.js';
import { BOT_TOKEN, SIGNING_SECRET } from '../helpers/paperbot.js';
import { blockAction, type SlackBody, slashCommand } from '../helpers/payloads.js';
import { POSTGRES_REQUIRED, createTestDatabase, postgresReachable, type TestDatabase } from '../helpers/postgres.js';
import { sourced } from '../store/fixtures.js';

/**
 * Two real app processes on one real Postgres, behind one signing secret, as behind a load
 * balancer: each event, click and digest period is answered once by the deployment, one of them
 * leads (fetches and digests) and the other takes over when it stops, and a paper stored anywhere
 * is searchable on both.
 */

const skip = !(await postgresReachable()) && !POSTGRES_REQUIRED;
const fake = new FakeSlack();
let database: TestDatabase;
const instances: { child: Child; port: number }[] = [];
const logger = createLogger({ level: 'silent' });
const WS = { teamId: slack.EXAMPLE_TEAM.teamId, enterpriseId: null };

async function startInstance(app: BuiltApp): Promise<{ child: Child; port: number }> {
  const child = startChild(app.main, {
    PAPERBOT_ENV_FILE: app.envFile,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    PORT: '0',
    LOG_LEVEL: 'debug',
    DATABASE_URL: database.url,
    PAPERBOT_SOURCES: 'none',
  });
  const { port } = await child.waitFor((l) => /^Paperbot is running/.test(l.msg), 'started');
  const instance = { child, port };
  instances.push(instance);
  return instance;
}

const send = (port: number, { body, contentType }: SlackBody, headers: Record<string, string> = {}) =>
  fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', headers: { ...signedHeaders(SIGNING_SECRET, body, contentType), ...headers }, body });

const leaderOf = (pair: { child: Child }[]) => pair.find((i) => i.child.logs.some((l) => l.msg?.startsWith('leading:')));

describe.skipIf(skip)('two instances on one Postgres', () => {
  const app = builtApp(fake, 'paperbot-instances-');
  let a: { child: Child; port: number };
  let b: { child: Child; port: number };

  beforeAll(async () => {
    database = await createTestDatabase();
    // A watch set a week ago, and a paper for it stored since: the leader's first digest look posts it.
    const library = await openLibrary({ databaseUrl: database.url, dataDir: DEFAULT_DATA_DIR, logger });
    await setWatch(
      library.store,
      WS,
      { channel: 'C0INSTANCES', query: 'kangaroo locomotion', cadence: 'daily', userId: 'U0ALICE' },
      25,
      new Date(Date.now() - 7 * 86_400_000),
    );
    await library.add([sourced('2612.00001', { title: 'Kangaroo locomotion on sand' })], new Date(Date.now() - 3_600_000));
    await library.store.close();
    [a, b] = await Promise.all([startInstance(app), startInstance(app)]);
  }, 180_000);

  afterAll(async () => {
    for (const { child } of instances) child.process.kill('SIGKILL');
    await Promise.all(instances.map((i) => i.child.exited));
    await database?.drop();
  });

  it('one of them leads: its digest look posts the period once, and the other never looks', async () => {
    const leader = await Promise.race([a, b].map((i) => i.child.waitFor((l) => l.msg?.startsWith('leading:'), 'leading').then(() => i)));
    await leader.child.waitFor((l) => l.msg === 'digest run done', 'the first digest look');
    const digests = fake.api('chat.postMessage').filter((c) => c.params.channel === 'C0INSTANCES');
    expect(digests).toHaveLength(1);
    expect(digests[0]!.params.text).toMatch(/^Daily digest for “kangaroo locomotion”/);
    const other = leader === a ? b : a;
    expect(other.child.logs.some((l) => l.msg === 'digest run done' || l.msg?.startsWith('leading:'))).toBe(false);
  });

  it('answers an event delivered to both (and Slack’s retry of it) once', async () => {
    const mention = slack.appMention({ text: `<@${slack.EXAMPLE_TEAM.botUserId}> kangaroo`, channel: 'C0MENTION1', eventId: 'Ev0TWOINSTANCES' });
    const sent = await Promise.all([
      send(a.port, mention),
      send(b.port, mention),
      send(b.port, mention, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' }),
    ]);
    expect(sent.map((r) => r.status)).toEqual([200, 200, 200]);
    // One log line per delivery, on whichever instance got it: three in all, exactly one an answer.
    const isOutcome = (l: Record<string, any>) => l.eventId === 'Ev0TWOINSTANCES' && (l.msg === 'answered' || /already taken/.test(l.msg));
    await a.child.waitFor(isOutcome, 'the delivery to a handled');
    await b.child.waitFor((l) => isOutcome(l) && b.child.logs.filter(isOutcome).length >= 2, 'both deliveries to b handled');
    const outcomes = [...a.child.logs, ...b.child.logs].filter(isOutcome);
    expect(outcomes.map((l) => l.msg === 'answered').filter(Boolean)).toHaveLength(1);
    expect(outcomes).toHaveLength(3);
    const answers = fake.api('chat.postMessage').filter((c) => c.params.channel === 'C0MENTION1');
    expect(answers).toHaveLength(1);
  });

  it('posts one card for the same Share click sent to both at once', async () => {
    const click = blockAction({
      actionId: 'paper_share',
      value: '2612.00001',
      container: { type: 'ephemeral', channel: 'C0SHARE01', messageTs: '1733000000.000100' },
      responseUrl: fake.responseUrl(),
      user: 'U0SHARER1',
    });
    const sent = await Promise.all([send(a.port, click), send(b.port, click)]);
    expect(sent.map((r) => r.status)).toEqual([200, 200]);
    const outcome = (i: { child: Child }) => i.child.waitFor((l) => l.msg === 'shared a paper' || /same click again/.test(l.msg ?? ''), 'the click handled');
    const lines = await Promise.all([outcome(a), outcome(b)]);
    expect(lines.map((l) => l.msg === 'shared a paper').sort()).toEqual([false, true]);
    const cards = fake.api('chat.postMessage').filter((c) => c.params.channel === 'C0SHARE01' && !c.params.thread_ts);
    expect(cards).toHaveLength(1);
  });

  it('makes a paper stored by another process searchable on both', async () => {
    const library = await openLibrary({ databaseUrl: database.url, dataDir: DEFAULT_DATA_DIR, logger });
    await library.add([sourced('2612.00002', { title: 'Wombat cubic scat formation' })]);
    await library.store.close();
    for (const instance of [a, b]) {
      // The follower polls the change number every second; the log line says it took the paper in.
      await instance.child.waitFor((l) => l.msg === 'search index took in stored changes' && l.seq >= 2, 'took the new paper in');
      const res = await send(instance.port, slashCommand({ text: 'wombat cubic scat', responseUrl: fake.responseUrl() }));
      expect(JSON.stringify(await res.json())).toContain('2612.00002');
    }
  });

  it('answers /readyz on both, and when the leader stops the other takes over', async () => {
    for (const { port } of [a, b]) {
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: 'ready' });
    }
    const leader = leaderOf([a, b])!;
    const other = leader === a ? b : a;
    leader.child.process.kill('SIGTERM');
    expect(await leader.child.exited).toBe(0);
    await other.child.waitFor((l) => l.msg?.startsWith('leading:'), 'took over');
    await other.child.waitFor((l) => l.msg === 'digest run done', 'its digest look');
    // The period was posted already: the new leader posts nothing again.
    expect(fake.api('chat.postMessage').filter((c) => c.params.channel === 'C0INSTANCES')).toHaveLength(1);
  });

  it('when the leader dies (SIGKILL, no goodbye), another instance leads within a minute', async () => {
    const leader = leaderOf([a, b].filter((i) => i.child.process.exitCode === null && i.child.process.signalCode === null))!;
    const joined = await startInstance(app);
    leader.child.process.kill('SIGKILL');
    const killedAt = Date.now();
    await joined.child.waitFor((l) => l.msg?.startsWith('leading:'), 'took over after the lease ran out');
    // The lease lasts 30 s and is tried every 5 s (LIBRARY in src/config.ts).
    expect(Date.now() - killedAt).toBeLessThan(60_000);
  }, 90_000);
});
