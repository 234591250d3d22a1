import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR } from '../src/config.js';
import { ConfigError, combineSettings, ENV_VARS, readBaseConfig, readConfig, sourcesFor } from '../src/env-config.js';
import { PROJECT_ROOT } from '../src/paths.js';

const BOT = 'xoxb-1-2-abc';
const APP = 'xapp-1-A1-abc';
const SECRET = '8f742231b10e8888abcd99yyyzzz85a5';

function problems(env: NodeJS.ProcessEnv, envFile: NodeJS.Dict<string> = {}): string[] {
  try {
    readConfig(env, envFile);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected readConfig to throw');
}

/** The store and source settings when none is given. */
const LIBRARY_DEFAULTS = {
  databaseUrl: undefined,
  sources: undefined,
  fetchIntervalMinutes: 60,
  hfApiUrl: undefined,
  arxivApiUrl: undefined,
  arxivMinIntervalMs: undefined,
  digest: { hour: 9, timeZone: 'UTC' },
};

describe('readConfig', () => {
  it('with no Slack settings at all runs locally, with defaults', () => {
    expect(readConfig({})).toEqual({ mode: 'local', port: 3000, logLevel: 'info', dataDir: DEFAULT_DATA_DIR, slackApiUrl: undefined, ...LIBRARY_DEFAULTS });
  });

  it('treats empty lines in .env (as .env.example is copied) as unset', () => {
    const envFile = { SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: ' ', SLACK_SIGNING_SECRET: '', PORT: '', LOG_LEVEL: '', SLACK_API_URL: '' };
    expect(readConfig({}, envFile)).toMatchObject({ mode: 'local', port: 3000, logLevel: 'info', slackApiUrl: undefined });
  });

  it('with an app token runs Socket Mode', () => {
    expect(readConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP })).toMatchObject({ mode: 'socket', botToken: BOT, appToken: APP });
  });

  it('with a bot token and signing secret serves HTTP on PORT, with the other settings coerced', () => {
    expect(
      readConfig({
        SLACK_BOT_TOKEN: BOT,
        SLACK_SIGNING_SECRET: SECRET,
        PORT: '8080',
        LOG_LEVEL: 'debug',
        SLACK_API_URL: 'http://127.0.0.1:9/api/',
        PAPERBOT_DATA_DIR: '/tmp/papers',
      }),
    ).toEqual({
      mode: 'http',
      botToken: BOT,
      signingSecret: SECRET,
      port: 8080,
      logLevel: 'debug',
      slackApiUrl: 'http://127.0.0.1:9/api/',
      dataDir: '/tmp/papers',
      ...LIBRARY_DEFAULTS,
    });
  });

  it('reads the store and source settings, and names the variable when one is wrong', () => {
    const config = readConfig({
      DATABASE_URL: 'postgres://paperbot@db:5432/paperbot',
      PAPERBOT_SOURCES: 'hf-daily, arxiv:cs.CL',
      PAPERBOT_FETCH_INTERVAL_MINUTES: '30',
      ARXIV_MIN_INTERVAL_MS: '5000',
    });
    expect(config).toMatchObject({
      databaseUrl: 'postgres://paperbot@db:5432/paperbot',
      sources: ['hf-daily', 'arxiv:cs.CL'],
      fetchIntervalMinutes: 30,
      arxivMinIntervalMs: 5000,
    });
    expect(readConfig({ PAPERBOT_SOURCES: 'none' }).sources).toEqual([]);
    expect(problems({ DATABASE_URL: 'mysql://root@localhost/x' }).join('\n')).toMatch(/^DATABASE_URL is invalid: the scheme "mysql:"/);
    expect(problems({ PAPERBOT_SOURCES: 'hf-daily,twitter' }).join('\n')).toMatch(/^PAPERBOT_SOURCES is not a source list: .*"twitter" is not a source/);
    expect(problems({ PAPERBOT_FETCH_INTERVAL_MINUTES: '0' }).join('\n')).toMatch(/^PAPERBOT_FETCH_INTERVAL_MINUTES must be at least 1/);
    expect(problems({ HF_API_URL: 'ftp://x' }).join('\n')).toMatch(/^HF_API_URL must be an http\(s\) URL/);
  });

  it('reads when digests go out: an hour 0–23 in an IANA time zone', () => {
    expect(readConfig({ PAPERBOT_DIGEST_HOUR: '7', PAPERBOT_DIGEST_TZ: ' Europe/Berlin ' }).digest).toEqual({ hour: 7, timeZone: 'Europe/Berlin' });
    expect(problems({ PAPERBOT_DIGEST_HOUR: '24' }).join('\n')).toMatch(/^PAPERBOT_DIGEST_HOUR must be 0–23/);
    expect(problems({ PAPERBOT_DIGEST_HOUR: '9am' }).join('\n')).toMatch(/^PAPERBOT_DIGEST_HOUR must be an hour, 0–23/);
    expect(problems({ PAPERBOT_DIGEST_TZ: 'Mars/Olympus_Mons' }).join('\n')).toMatch(/^PAPERBOT_DIGEST_TZ must be an IANA time zone/);
  });

  it('fetches Hugging Face daily papers by default when Slack is connected, nothing in the playground', () => {
    expect(sourcesFor(readConfig({}))).toEqual([]);
    expect(sourcesFor(readConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP }))).toEqual(['hf-daily']);
    expect(sourcesFor(readConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, PAPERBOT_SOURCES: 'none' }))).toEqual([]);
  });

  it('names what is missing when settings are half given', () => {
    expect(problems({ SLACK_BOT_TOKEN: BOT }).join('\n')).toMatch(/SLACK_SIGNING_SECRET is missing/);
    expect(problems({ SLACK_SIGNING_SECRET: SECRET }).join('\n')).toMatch(/SLACK_BOT_TOKEN is missing/);
    expect(problems({ SLACK_APP_TOKEN: APP }).join('\n')).toMatch(/SLACK_BOT_TOKEN is missing.*Socket Mode/);
  });

  it('names every invalid setting at once', () => {
    const found = problems({
      SLACK_BOT_TOKEN: APP,
      SLACK_APP_TOKEN: BOT,
      PORT: 'eighty',
      LOG_LEVEL: 'loud',
      SLACK_API_URL: 'ftp://x',
      SLACK_SIGNING_SECRET: 'xoxb-oops-a-token',
    });
    expect(found.map((p) => p.split(' ')[0])).toEqual(['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'PORT', 'SLACK_API_URL', 'LOG_LEVEL']);
    expect(found.join('\n')).toMatch(/xoxb-/);
  });

  it('has one message an operator can act on', () => {
    expect(() => readConfig({ SLACK_BOT_TOKEN: BOT })).toThrowError(
      /^Paperbot's settings are incomplete or invalid:\n {2}- SLACK_SIGNING_SECRET is missing[\s\S]*\.env\.example/,
    );
  });

  it('rejects a port out of range', () => {
    expect(problems({ PORT: '70000' })[0]).toMatch(/^PORT/);
  });
});

describe('OAuth mode (installs into any workspace)', () => {
  const KEY = Buffer.from(Array.from({ length: 32 }, (_, i) => i * 7 + 1));
  const OAUTH = {
    SLACK_CLIENT_ID: '4471528011.8235601987423',
    SLACK_CLIENT_SECRET: '3b1e2f9c0d7a4e6b8c5f1a2d9e0b7c64',
    SLACK_STATE_SECRET: 'a-long-random-state-secret-0123',
    SLACK_SIGNING_SECRET: SECRET,
    PAPERBOT_ENCRYPTION_KEY: KEY.toString('base64'),
  };

  it('with the client id, client secret and state secret serves HTTP with no bot token, the key read as 32 bytes', () => {
    const config = readConfig({ ...OAUTH, PORT: '8080' });
    expect(config).toEqual({
      mode: 'oauth',
      signingSecret: SECRET,
      oauth: { clientId: OAUTH.SLACK_CLIENT_ID, clientSecret: OAUTH.SLACK_CLIENT_SECRET, stateSecret: OAUTH.SLACK_STATE_SECRET, encryptionKey: KEY },
      port: 8080,
      logLevel: 'info',
      dataDir: DEFAULT_DATA_DIR,
      slackApiUrl: undefined,
      ...LIBRARY_DEFAULTS,
    });
    expect(readConfig({ ...OAUTH, PAPERBOT_ENCRYPTION_KEY: KEY.toString('hex') })).toMatchObject({ oauth: { encryptionKey: KEY } });
    expect(sourcesFor(config)).toEqual(['hf-daily']);
  });

  it('names each missing OAuth setting when only some are given', () => {
    const found = problems({ SLACK_CLIENT_ID: OAUTH.SLACK_CLIENT_ID, SLACK_SIGNING_SECRET: SECRET, PAPERBOT_ENCRYPTION_KEY: OAUTH.PAPERBOT_ENCRYPTION_KEY });
    expect(found).toEqual([
      expect.stringMatching(/^SLACK_CLIENT_SECRET is missing/),
      expect.stringMatching(/^SLACK_STATE_SECRET is missing: .*openssl rand/),
      expect.stringMatching(
        /needs all three of SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET; for one workspace, unset them and set SLACK_BOT_TOKEN/,
      ),
    ]);
    expect(problems({ SLACK_STATE_SECRET: OAUTH.SLACK_STATE_SECRET }).map((p) => p.split(' ')[0])).toEqual([
      'SLACK_CLIENT_ID',
      'SLACK_CLIENT_SECRET',
      'Installing',
      'SLACK_SIGNING_SECRET',
      'PAPERBOT_ENCRYPTION_KEY',
    ]);
  });

  it('refuses to start without a well-formed encryption key, and never echoes the value', () => {
    const { PAPERBOT_ENCRYPTION_KEY: _, ...noKey } = OAUTH;
    expect(() => readConfig(noKey)).toThrowError(
      /PAPERBOT_ENCRYPTION_KEY is missing: OAuth mode keeps each workspace's bot token in the database, encrypted with it\. Make one with openssl rand -base64 32/,
    );
    for (const bad of ['hunter2hunter2', KEY.subarray(0, 16).toString('base64'), `${KEY.toString('hex')}00`]) {
      const found = problems({ ...OAUTH, PAPERBOT_ENCRYPTION_KEY: bad });
      expect(found).toEqual([
        expect.stringMatching(/^PAPERBOT_ENCRYPTION_KEY must be 32 random bytes in base64 \(44 characters: openssl rand -base64 32\) or hex/),
      ]);
      expect(found.join('\n')).not.toContain(bad);
    }
  });

  it('needs the signing secret, and refuses a bot token or an app token beside the OAuth settings', () => {
    const { SLACK_SIGNING_SECRET: _, ...unsigned } = OAUTH;
    expect(problems(unsigned)).toEqual([expect.stringMatching(/^SLACK_SIGNING_SECRET is missing: OAuth mode serves HTTP/)]);
    expect(problems({ ...OAUTH, SLACK_BOT_TOKEN: BOT })).toEqual([
      expect.stringMatching(/^SLACK_BOT_TOKEN is set, but in OAuth mode .* comes from its installation/),
    ]);
    expect(problems({ ...OAUTH, SLACK_APP_TOKEN: APP })).toEqual([expect.stringMatching(/^SLACK_APP_TOKEN is set, but OAuth mode serves HTTP/)]);
  });

  it('checks the shape of each setting, and a blank one in the environment is an error, as for the other Slack settings', () => {
    expect(
      problems({ ...OAUTH, SLACK_CLIENT_ID: 'paperbot', SLACK_CLIENT_SECRET: 'xoxb-1-2-abc', SLACK_STATE_SECRET: 'short' }).map((p) => p.split(' ')[0]),
    ).toEqual(['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET']);
    expect(problems({ ...OAUTH, SLACK_CLIENT_SECRET: '' })).toEqual([expect.stringMatching(/^SLACK_CLIENT_SECRET is set but empty in the environment/)]);
    expect(readConfig({ SLACK_CLIENT_SECRET: '' }, OAUTH).mode).toBe('oauth');
  });

  it('leaves single-workspace mode and the command line as they were', () => {
    expect(readConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, PAPERBOT_ENCRYPTION_KEY: OAUTH.PAPERBOT_ENCRYPTION_KEY }).mode).toBe('http');
    // The command line reads no Slack setting: a broken OAuth one never stops a search.
    expect(readBaseConfig({ SLACK_CLIENT_ID: 'broken', PAPERBOT_ENCRYPTION_KEY: 'short' }).port).toBe(3000);
  });
});

describe('the environment and .env together', () => {
  it('takes the environment first, .env for what the environment does not set', () => {
    const config = readConfig(
      { SLACK_BOT_TOKEN: BOT, PORT: '8080' },
      { SLACK_BOT_TOKEN: 'xoxb-from-file', SLACK_APP_TOKEN: APP, PORT: '9090', LOG_LEVEL: 'debug' },
    );
    expect(config).toMatchObject({ mode: 'socket', botToken: BOT, appToken: APP, port: 8080, logLevel: 'debug' });
    expect(combineSettings({ SLACK_BOT_TOKEN: BOT }, { SLACK_BOT_TOKEN: 'xoxb-from-file', SLACK_APP_TOKEN: APP })).toMatchObject({
      fromFile: ['SLACK_APP_TOKEN'],
      fromFileOverBlank: [],
      blankCredentials: [],
    });
  });

  it('never lets a blank environment variable hide a value in .env', () => {
    // What docker-compose `${VAR}`, systemd `Environment=VAR=` and unset CI secrets produce.
    const env = { SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: ' ', PORT: '', LOG_LEVEL: '' };
    const envFile = { SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, PORT: '8080', LOG_LEVEL: 'warn' };
    expect(readConfig(env, envFile)).toMatchObject({ mode: 'socket', botToken: BOT, appToken: APP, port: 8080, logLevel: 'warn' });
    expect(combineSettings(env, envFile).fromFileOverBlank).toEqual(['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'PORT', 'LOG_LEVEL']);
  });

  it('names each Slack setting that is set but blank in the environment with no value in .env, rather than starting the playground', () => {
    const found = problems({ SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '' }, { SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '' });
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/^SLACK_BOT_TOKEN is set but empty in the environment, and \.env has no value for it: give it a value, or remove it/);
    expect(found[1]).toMatch(/^SLACK_APP_TOKEN is set but empty/);
    // Even when the others make a complete HTTP-mode configuration: a blank never picks the mode.
    expect(problems({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, SLACK_APP_TOKEN: '' })).toEqual([
      expect.stringMatching(/^SLACK_APP_TOKEN is set but empty/),
    ]);
    // Named together with every other problem.
    expect(problems({ SLACK_SIGNING_SECRET: ' ', PORT: 'eighty' }).map((p) => p.split(' ')[0])).toEqual(['SLACK_SIGNING_SECRET', 'PORT']);
  });

  it('treats blank non-Slack variables in the environment as unset: they have safe defaults', () => {
    expect(readConfig({ PORT: '', LOG_LEVEL: ' ', DATABASE_URL: '', PAPERBOT_SOURCES: '', SLACK_API_URL: '' })).toMatchObject({
      mode: 'local',
      port: 3000,
      logLevel: 'info',
      ...LIBRARY_DEFAULTS,
    });
    expect(readBaseConfig({ PORT: '', DATABASE_URL: '' }, { DATABASE_URL: 'sqlite:/tmp/x.sqlite' }).databaseUrl).toBe('sqlite:/tmp/x.sqlite');
  });
});

describe('.env.example', () => {
  it('lists every setting readConfig reads, and nothing else', () => {
    const text = readFileSync(join(PROJECT_ROOT, '.env.example'), 'utf8');
    const listed = [...text.matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]);
    expect(listed.sort()).toEqual([...ENV_VARS].sort());
  });

  it('copied to .env as it is, runs locally', () => {
    const envFile = parseEnv(readFileSync(join(PROJECT_ROOT, '.env.example'), 'utf8'));
    expect(readConfig({}, envFile).mode).toBe('local');
  });

  it('copied to .env with the two tokens filled in, runs Socket Mode even when the environment has them blank', () => {
    const text = readFileSync(join(PROJECT_ROOT, '.env.example'), 'utf8')
      .replace(/^SLACK_BOT_TOKEN=$/m, `SLACK_BOT_TOKEN=${BOT}`)
      .replace(/^SLACK_APP_TOKEN=$/m, `SLACK_APP_TOKEN=${APP}`);
    expect(readConfig({ SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '' }, parseEnv(text))).toMatchObject({ mode: 'socket', botToken: BOT, appToken: APP });
  });
});
