import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR } from '../src/config.js';
import { ConfigError, ENV_VARS, readConfig } from '../src/env-config.js';
import { PROJECT_ROOT } from '../src/paths.js';

const BOT = 'xoxb-1-2-abc';
const APP = 'xapp-1-A1-abc';
const SECRET = '8f742231b10e8888abcd99yyyzzz85a5';

function problems(env: NodeJS.ProcessEnv): string[] {
  try {
    readConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected readConfig to throw');
}

describe('readConfig', () => {
  it('with no Slack settings at all runs locally, with defaults', () => {
    expect(readConfig({})).toEqual({ mode: 'local', port: 3000, logLevel: 'info', dataDir: DEFAULT_DATA_DIR, slackApiUrl: undefined });
  });

  it('treats empty lines copied from .env.example as unset', () => {
    expect(readConfig({ SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: ' ', SLACK_SIGNING_SECRET: '', PORT: '', LOG_LEVEL: '', SLACK_API_URL: '' }).mode).toBe('local');
  });

  it('with an app token runs Socket Mode', () => {
    expect(readConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP })).toMatchObject({ mode: 'socket', botToken: BOT, appToken: APP });
  });

  it('with a bot token and signing secret serves HTTP on PORT, with the other settings coerced', () => {
    expect(readConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, PORT: '8080', LOG_LEVEL: 'debug', SLACK_API_URL: 'http://127.0.0.1:9/api/', PAPERBOT_DATA_DIR: '/tmp/papers' })).toEqual({
      mode: 'http',
      botToken: BOT,
      signingSecret: SECRET,
      port: 8080,
      logLevel: 'debug',
      slackApiUrl: 'http://127.0.0.1:9/api/',
      dataDir: '/tmp/papers',
    });
  });

  it('names what is missing when settings are half given', () => {
    expect(problems({ SLACK_BOT_TOKEN: BOT }).join('\n')).toMatch(/SLACK_SIGNING_SECRET is missing/);
    expect(problems({ SLACK_SIGNING_SECRET: SECRET }).join('\n')).toMatch(/SLACK_BOT_TOKEN is missing/);
    expect(problems({ SLACK_APP_TOKEN: APP }).join('\n')).toMatch(/SLACK_BOT_TOKEN is missing.*Socket Mode/);
  });

  it('names every invalid setting at once', () => {
    const found = problems({ SLACK_BOT_TOKEN: APP, SLACK_APP_TOKEN: BOT, PORT: 'eighty', LOG_LEVEL: 'loud', SLACK_API_URL: 'ftp://x', SLACK_SIGNING_SECRET: 'xoxb-oops-a-token' });
    expect(found.map((p) => p.split(' ')[0])).toEqual(['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'PORT', 'SLACK_API_URL', 'LOG_LEVEL']);
    expect(found.join('\n')).toMatch(/xoxb-/);
  });

  it('has one message an operator can act on', () => {
    expect(() => readConfig({ SLACK_BOT_TOKEN: BOT })).toThrowError(/^Paperbot's settings are incomplete or invalid:\n {2}- SLACK_SIGNING_SECRET is missing[\s\S]*\.env\.example/);
  });

  it('rejects a port out of range', () => {
    expect(problems({ PORT: '70000' })[0]).toMatch(/^PORT/);
  });
});

describe('.env.example', () => {
  it('lists every setting readConfig reads, and nothing else', () => {
    const text = readFileSync(join(PROJECT_ROOT, '.env.example'), 'utf8');
    const listed = [...text.matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]);
    expect(listed.sort()).toEqual([...ENV_VARS].sort());
  });

  it('as copied, runs locally', () => {
    const text = readFileSync(join(PROJECT_ROOT, '.env.example'), 'utf8');
    const env = Object.fromEntries([...text.matchAll(/^([A-Z_]+)=(.*)$/gm)].map((m) => [m[1], m[2]]));
    expect(readConfig(env).mode).toBe('local');
  });
});
