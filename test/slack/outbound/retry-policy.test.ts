import { describe, expect, it } from 'vitest';
import { registerListeners } from '../../../handlers/index.js';
import { createApp } from '../../../src/slack/create-app.js';
import { mayRetry, retryDelayMs } from '../../../src/slack/outbound/retry-delay.js';
import { SLACK_WEB_API } from '../../../src/config.js';
import { readConfig, type HttpConfig } from '../../../src/env-config.js';
import { createLogger } from '../../../src/logger.js';
import { BOT } from '../../helpers/fake-slack.js';
import { corpusDeps } from '../../helpers/deps.js';

const policy = SLACK_WEB_API.retryConfig;

describe('the retry policy for posting to Slack', () => {
  it('is bounded: every try and every wait fit in about 10 seconds, not the client’s 30 minutes', () => {
    const longestWaits = Array.from({ length: policy.retries }, (_, attempt) => retryDelayMs(policy, attempt, () => 1));
    expect(longestWaits).toEqual([1000, 2000, 4000]);
    expect(longestWaits.reduce((a, b) => a + b, 0)).toBeLessThan(policy.maxRetryTime);
    expect(policy.maxRetryTime).toBeLessThanOrEqual(10_000);
    expect(SLACK_WEB_API.timeoutMs * 2).toBeLessThanOrEqual(policy.maxRetryTime);
  });

  it('stops when the tries or the time run out', () => {
    expect(mayRetry(policy, 0, 0, 500)).toBe(true);
    expect(mayRetry(policy, policy.retries, 0, 500)).toBe(false);
    expect(mayRetry(policy, 1, 9_800, 500)).toBe(false);
  });

  it('is what the app’s Web API client gets when nothing overrides it', () => {
    const config = readConfig({ SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_SIGNING_SECRET: '8f742231b10e8888abcd99yyyzzz85a5', PORT: '0' }) as HttpConfig;
    const deps = corpusDeps();
    const app = createApp({
      config,
      deps,
      logger: createLogger({ level: 'silent' }),
      identity: { botId: BOT.botId, botUserId: BOT.userId },
      listeners: registerListeners,
    });
    // NOTE: private fields of WebClient, read to check the wiring; the behaviour is tested in slack-faults.test.ts.
    const client = app.client as unknown as { retryConfig: unknown; timeout: number; rejectRateLimitedCalls: boolean };
    expect(client.retryConfig).toEqual(policy);
    expect(client.timeout).toBe(SLACK_WEB_API.timeoutMs);
    expect(client.rejectRateLimitedCalls).toBe(false);
  });
});
