import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/paths.js';
import { ensureBuilt } from '../helpers/build.js';
import { startChild, type Child } from '../helpers/child.js';
import { FakeSlack } from '../helpers/fake-slack.js';
import { slashCommand } from '../helpers/payloads.js';
import { BOT_TOKEN, SIGNING_SECRET } from '../helpers/paperbot.js';
import { signedHeaders } from '../../src/slack-stand-in/sign.js';

// Where `node dist/src/main.js` takes its settings from: the environment and a .env file, in the
// shapes a server produces (blank pass-throughs). Each process reads a .env of the test's own
// (PAPERBOT_ENV_FILE), never the project's, and gets a store of its own and no live sources.
const APP_TOKEN = 'xapp-1-A0PAPERBOT-abc';
const example = readFileSync(join(PROJECT_ROOT, '.env.example'), 'utf8');
const fake = new FakeSlack();
let main: string;
let dir: string;
beforeAll(async () => {
  main = ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'paperbot-settings-'));
  await fake.start();
}, 180_000);
afterAll(async () => {
  await fake.stop();
  rmSync(dir, { recursive: true, force: true });
});

let files = 0;
/** `.env.example` copied to a .env of its own, with `fill` written into its empty lines. */
function envFile(fill: Record<string, string> = {}): string {
  let text = example;
  for (const [name, value] of Object.entries(fill)) {
    const line = new RegExp(`^${name}=.*$`, 'm');
    expect(text).toMatch(line);
    text = text.replace(line, `${name}=${value}`);
  }
  const path = join(dir, `${++files}.env`);
  writeFileSync(path, text);
  return path;
}
const env = (file: string, more: Record<string, string> = {}) => ({
  PAPERBOT_ENV_FILE: file,
  LOG_LEVEL: 'info',
  DATABASE_URL: `sqlite:${join(dir, `db-${++files}.sqlite`)}`,
  PAPERBOT_SOURCES: 'none',
  ...more,
});

/** Resolves with the first line the process wrote that is not JSON and matches (a banner, an error). */
async function printed(child: Child, match: RegExp): Promise<string> {
  for (let waited = 0; waited < 15_000; waited += 50) {
    const line = child.other.find((l) => match.test(l));
    if (line) return line;
    if (child.process.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`never printed ${match}; it printed:\n${child.other.join('\n')}`);
}

describe('blank Slack variables in the environment', () => {
  it('do not hide the tokens in .env (the issue: SLACK_BOT_TOKEN= SLACK_APP_TOKEN= with a Socket Mode .env)', async () => {
    fake.reset();
    // Slack turns the token down, so the process stops before it would open a Socket Mode connection.
    fake.inject('auth.test', { error: 'invalid_auth' });
    const file = envFile({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: fake.apiUrl, PORT: '0' });
    const child = startChild(main, env(file, { SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '' }));
    try {
      expect(await child.exited).toBe(1);
      // It asked Slack about .env's token: the blank variable did not hide it, and no playground started.
      expect(fake.api('auth.test').map((call) => call.authorization)).toEqual([`Bearer ${BOT_TOKEN}`]);
      expect(child.other.join('\n')).toMatch(/Slack rejected SLACK_BOT_TOKEN \(invalid_auth\)/);
      expect(child.other.join('\n')).not.toMatch(/playground/i);
      expect(child.logs.find((l) => /playground/i.test(l.msg))).toBeUndefined();
      expect(child.logs.find((l) => /^blank in the environment/.test(l.msg))).toMatchObject({
        level: 40,
        envFile: file,
        variables: ['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN'],
      });
      expect(child.logs.find((l) => /^settings read from the environment and \.env/.test(l.msg))?.fromFile).toEqual(
        expect.arrayContaining(['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_API_URL', 'PORT']),
      );
    } finally {
      child.process.kill('SIGKILL');
    }
  });

  it('do not hide .env in HTTP mode either: the app starts from .env and answers Slack', async () => {
    fake.reset();
    const file = envFile({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl, PORT: '0' });
    // PORT is blank too: .env's 0 (any free port) wins over the default 3000.
    const child = startChild(main, env(file, { SLACK_BOT_TOKEN: '', SLACK_SIGNING_SECRET: ' ', PORT: '' }));
    try {
      const started = await child.waitFor((l) => /^Paperbot is running/.test(l.msg), 'started');
      expect(started).toMatchObject({ mode: 'http' });
      expect(started.port).not.toBe(3000);
      const { body, contentType } = slashCommand({ text: 'diffusion', responseUrl: fake.responseUrl() });
      const answer = await fetch(`http://127.0.0.1:${started.port}/slack/events`, {
        method: 'POST',
        headers: signedHeaders(SIGNING_SECRET, body, contentType),
        body,
      });
      expect(answer.status).toBe(200);
      child.process.kill('SIGTERM');
      expect(await child.exited).toBe(0);
      expect(child.logs.find((l) => /^blank in the environment/.test(l.msg))?.variables).toEqual(['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'PORT']);
    } finally {
      child.process.kill('SIGKILL');
    }
  });

  it('with no value in .env either, are an error naming each one, never the playground', async () => {
    const child = startChild(main, env(envFile(), { SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '' }));
    try {
      expect(await child.exited).toBe(1);
      const said = child.other.join('\n');
      expect(said).toMatch(/^Paperbot's settings are incomplete or invalid:/);
      expect(said).toMatch(/- SLACK_BOT_TOKEN is set but empty in the environment, and \.env has no value for it/);
      expect(said).toMatch(/- SLACK_APP_TOKEN is set but empty in the environment/);
      expect(said).not.toMatch(/playground/i);
      expect(child.logs).toEqual([]);
    } finally {
      child.process.kill('SIGKILL');
    }
  });
});

describe('no Slack settings anywhere', () => {
  it('starts the playground, and says so loudly, naming the .env it read', async () => {
    // .env.example copied as it is: every Slack line empty, which means "not set".
    const file = envFile();
    const child = startChild(main, env(file, { PORT: '0' }));
    try {
      const warning = await child.waitFor((l) => /^No Slack settings/.test(l.msg), 'the warning');
      expect(warning.level).toBe(40);
      expect(warning.msg).toContain(`No Slack settings in the environment or in ${file}: starting the local playground, NOT connecting to Slack`);
      const banner = await printed(child, /Paperbot playground: http:\/\/localhost:\d+\//);
      const url = /http:\/\/localhost:\d+\//.exec(banner)![0];
      expect((await fetch(url.replace('localhost', '127.0.0.1'))).status).toBe(200);
      child.process.kill('SIGTERM');
      expect(await child.exited).toBe(0);
    } finally {
      child.process.kill('SIGKILL');
    }
  });
});

describe('the .env file', () => {
  it('is never skipped silently on a Node without util.parseEnv (before 20.12)', async () => {
    const file = envFile({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN });
    const withoutParseEnv = join(PROJECT_ROOT, 'test/process/fixtures/without-parse-env.cjs');
    const child = startChild(main, env(file, { NODE_OPTIONS: `--require ${withoutParseEnv}` }));
    expect(await child.exited).toBe(1);
    expect(child.other.join('\n')).toBe(
      `Cannot read ${file}: reading a .env file needs Node 20.12 or newer, and this is Node ${process.versions.node}. ` +
        'Upgrade Node, or set the settings in the environment and remove the file.',
    );
  });

  it('named by PAPERBOT_ENV_FILE must exist', async () => {
    const missing = join(dir, 'missing.env');
    const child = startChild(main, env(missing));
    expect(await child.exited).toBe(1);
    expect(child.other).toEqual([`PAPERBOT_ENV_FILE names ${missing}, which does not exist.`]);
  });

  it('engines in package.json asks for the Node that can read it', () => {
    const { engines } = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
    expect(engines.node).toBe('>=20.12');
  });
});
