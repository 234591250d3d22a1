import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerListeners } from '../../handlers/index.js';
import { BotTokenError, fetchBotIdentity } from '../../src/slack/bot-identity.js';
import { createApp } from '../../src/slack/create-app.js';
import type { Deps } from '../../src/slack/deps.js';
import { readConfig, type SlackConfig } from '../../src/env-config.js';
import { createLogger, toBoltLogger } from '../../src/logger.js';
import { BOT, FakeSlack } from '../helpers/fake-slack.js';
import { corpusDeps } from '../helpers/deps.js';

const captured = () => {
  const lines: Record<string, any>[] = [];
  return { lines, logger: createLogger({ level: 'debug', destination: { write: (l: string) => void lines.push(JSON.parse(l)) } }) };
};

describe('logging', () => {
  it('redacts tokens and secrets in structured fields', () => {
    const { lines, logger } = captured();
    logger.info(
      { botToken: 'xoxb-secret-1', config: { signingSecret: 's3cret', appToken: 'xapp-1-x' }, headers: { authorization: 'Bearer xoxb-secret-2' } },
      'starting',
    );
    const line = JSON.stringify(lines[0]);
    expect(line).not.toMatch(/xoxb-secret|s3cret|xapp-1-x/);
    expect(lines[0]).toMatchObject({ botToken: '[redacted]', config: { signingSecret: '[redacted]' }, headers: { authorization: '[redacted]' } });
  });

  it("bridges Bolt's logger to pino: levels, errors, and tokens scrubbed from free text", () => {
    const { lines, logger } = captured();
    const bolt = toBoltLogger(logger);
    bolt.debug('calling auth.test with xoxb-1234-abcd and', { a: 1 });
    bolt.error('listener failed', new Error('boom'));
    bolt.setLevel('error' as never);
    bolt.info('still logged: setLevel belongs to LOG_LEVEL');
    expect(lines.map((l) => [l.level, l.lib, l.msg])).toEqual([
      [20, 'bolt', 'calling auth.test with xoxb-[redacted] and {"a":1}'],
      [50, 'bolt', 'listener failed'],
      [30, 'bolt', 'still logged: setLevel belongs to LOG_LEVEL'],
    ]);
    expect(lines[1]!.err.message).toBe('boom');
    expect(bolt.getLevel()).toBe('debug');
  });
});

describe('start-up against Slack', () => {
  const fake = new FakeSlack();
  let config: SlackConfig;
  beforeAll(async () => {
    await fake.start();
    config = readConfig({ SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_APP_TOKEN: 'xapp-1-A1-abc', SLACK_API_URL: fake.apiUrl }) as SlackConfig;
  });
  afterAll(() => fake.stop());

  it("learns the bot's ids from auth.test, once, with the bot token", async () => {
    fake.reset();
    expect(await fetchBotIdentity(config, { retryConfig: { retries: 0 } })).toEqual({ botId: BOT.botId, botUserId: BOT.userId });
    expect(fake.api('auth.test')).toHaveLength(1);
    expect(fake.api('auth.test')[0]!.authorization).toBe('Bearer xoxb-1-2-abc');
  });

  it('fails clearly on a rejected token', async () => {
    fake.failNext('auth.test', 'invalid_auth');
    await expect(fetchBotIdentity(config, { retryConfig: { retries: 0 } })).rejects.toBeInstanceOf(BotTokenError);
    fake.failNext('auth.test', 'invalid_auth');
    await expect(fetchBotIdentity(config, { retryConfig: { retries: 0 } })).rejects.toThrow(/Slack rejected SLACK_BOT_TOKEN \(invalid_auth\)/);
  });

  it('builds a Socket Mode app without touching Slack until started', () => {
    fake.reset();
    const deps: Deps = corpusDeps();
    const app = createApp({ config, deps, logger: captured().logger, identity: { botId: BOT.botId, botUserId: BOT.userId }, listeners: registerListeners });
    expect(app).toBeDefined();
    expect(fake.calls).toEqual([]);
  });
});
