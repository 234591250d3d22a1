import { PassThrough, Readable } from 'node:stream';
import { webApi } from '@slack/bolt';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { DEFAULT_DATA_DIR } from '../../src/config.js';
import { DigestRunner } from '../../src/digests/digest-runner.js';
import { readBaseConfig } from '../../src/env-config.js';
import { openLibrary } from '../../src/library/open-library.js';
import type { PaperLibrary } from '../../src/library/paper-library.js';
import { storeWatches } from '../../src/library/watches.js';
import { createLogger } from '../../src/logger.js';
import { webApiDigestPoster } from '../../src/slack/outbound/post-digest.js';
import { EXAMPLE_TEAM } from '../../src/slack-stand-in/payloads.js';
import { ensureBuilt } from '../helpers/build.js';
import { startChild } from '../helpers/child.js';
import { type FreshDatabase, testEngines } from '../helpers/databases.js';
import { FakeSlack } from '../helpers/fake-slack.js';
import { BOT_TOKEN } from '../helpers/paperbot.js';
import { ids, sourced } from '../store/fixtures.js';

/**
 * Each (watch, period) is posted at most once, whatever happens: two schedulers at once, the same
 * command run twice, a process killed while Slack has its post. Real processes and a real store
 * on each engine; Slack is the stand-in.
 */

const WS = { teamId: EXAMPLE_TEAM.teamId, enterpriseId: null };
const SCHEDULE = { hour: 9, timeZone: 'UTC' };
const logger = createLogger({ level: 'silent' });
// The command line runs built, in a process of its own: build it first if the sources changed.
let cliMain: string;
beforeAll(() => {
  cliMain = ensureBuilt('dist/src/cli/main.js');
}, 180_000);

describe.each(testEngines('digests exactly once'))('digests exactly once on $name', ({ skip, fresh }) => {
  let database: FreshDatabase | undefined;
  const opened: PaperLibrary[] = [];
  let fake: FakeSlack | undefined;
  afterEach(async () => {
    for (const library of opened.splice(0)) await library.store.close();
    await fake?.stop();
    fake = undefined;
    await database?.remove();
    database = undefined;
  });

  const open = async () => {
    database ??= await fresh();
    const library = await openLibrary({ databaseUrl: database.url, dataDir: DEFAULT_DATA_DIR, logger });
    opened.push(library);
    return library;
  };
  const runnerOn = (library: PaperLibrary, slack: FakeSlack, now?: () => Date) => {
    const client = new webApi.WebClient(BOT_TOKEN, { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
    return new DigestRunner({ library, poster: webApiDigestPoster(() => client), schedule: SCHEDULE, logger, ...(now ? { now } : {}) });
  };
  /** A watch in the channel, and two new papers for it, stored now. */
  async function watchWithNews(library: PaperLibrary, channel: string) {
    const set = await storeWatches(library.store, SCHEDULE).set(WS, { channel, query: 'wallaby hopping', cadence: 'daily', userId: 'U0ALICE' });
    const [x, y] = ids(2, 60_000);
    await library.add([sourced(x, { title: 'Wallaby hopping mechanics' }), sourced(y, { title: 'Energy of wallaby hopping' })], new Date());
    return set;
  }

  it.skipIf(skip)('two schedulers at once, each with its own connection, post one digest', async () => {
    fake = await new FakeSlack().start();
    const a = await open();
    const b = await open();
    await watchWithNews(a, 'C0TWOSCHED');
    const at = new Date(Date.now() + 60_000);
    const reports = await Promise.all([runnerOn(a, fake).runNow(at), runnerOn(b, fake).runNow(at), runnerOn(a, fake).runNow(at), runnerOn(b, fake).runNow(at)]);
    expect(reports.reduce((n, r) => n + r.posted, 0)).toBe(1);
    expect(reports.reduce((n, r) => n + r.skipped, 0)).toBe(3);
    expect(fake.api('chat.postMessage')).toHaveLength(1);
  });

  it.skipIf(skip)('`paperbot digest --now` run twice posts once', async () => {
    fake = await new FakeSlack().start();
    const library = await open();
    await watchWithNews(library, 'C0CLITWICE');
    const cli = async () => {
      const stdout = new PassThrough();
      const stderr = new PassThrough();
      let out = '';
      stdout.on('data', (chunk) => (out += chunk));
      const config = { ...readBaseConfig({ DATABASE_URL: database!.url, SLACK_API_URL: fake!.apiUrl }), botToken: BOT_TOKEN };
      const code = await runCli(['digest', '--now'], { stdin: Readable.from(['']), stdout, stderr }, config);
      return { code, out };
    };
    expect(await cli()).toEqual({
      code: 0,
      out: 'Digests: 1 posted, 0 with nothing new, 0 posted already this period, 0 paused (cannot post in the channel), 0 failed.\n',
    });
    expect((await cli()).out).toContain('0 posted, 0 with nothing new, 1 posted already this period');
    expect(fake.api('chat.postMessage')).toHaveLength(1);
  });

  it.skipIf(skip)('a process killed while Slack holds its post never posts that period again; the papers go into the next digest', async () => {
    fake = await new FakeSlack().start();
    const library = await open();
    await watchWithNews(library, 'C0KILLED1');
    // Slack takes the post and does not answer: the process is killed in between.
    fake.inject('chat.postMessage', { delayMs: 60_000 });
    const env = { DATABASE_URL: database!.url, SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_API_URL: fake.apiUrl, PAPERBOT_ENV_FILE: '/dev/null' };
    const child = startChild(cliMain, env, ['digest', '--now']);
    await fake.waitFor((call) => call.method === 'chat.postMessage');
    child.process.kill('SIGKILL');
    expect(await child.exited).toBe('SIGKILL');

    // Restarted: the period was claimed, so nothing is posted again.
    const again = startChild(cliMain, env, ['digest', '--now']);
    expect(await again.exited).toBe(0);
    expect(again.other.join('\n')).toContain('0 posted, 0 with nothing new, 1 posted already this period');
    expect(fake.api('chat.postMessage')).toHaveLength(1);

    // The next day's digest has the papers that were never confirmed.
    const tomorrow = new Date(Date.now() + 86_400_000);
    const next = await runnerOn(library, fake, () => tomorrow).runNow(tomorrow);
    expect(next.posted).toBe(1);
    expect(fake.api('chat.postMessage')).toHaveLength(2);
    expect(fake.api('chat.postMessage')[1]!.params.text).toMatch(/: 2 new papers:/);
  });
});
