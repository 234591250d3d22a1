import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MemorySeenEvents, type SeenEvents } from '../../../src/slack/middleware/event-dedupe.js';
import { appMention } from '../../helpers/payloads.js';
import { FAST_RETRIES, startPaperbot, type Paperbot } from '../../helpers/paperbot.js';

const CHANNEL = 'C0LAN2Q65';
const retry = (n: number) => ({ headers: { 'x-slack-retry-num': String(n), 'x-slack-retry-reason': 'http_timeout' } });

describe('Slack redelivering an event (same event_id)', () => {
  let bot: Paperbot;
  beforeAll(async () => {
    bot = await startPaperbot({ retryConfig: FAST_RETRIES });
  });
  afterAll(() => bot.close());
  afterEach(() => expect(bot.fake.drain()).toEqual([]));

  it('answers the first delivery and skips the retries, logging them', async () => {
    const mention = appMention({ words: 'diffusion', channel: CHANNEL });
    await bot.send(mention);
    const eventId = JSON.parse(mention.body).event_id;
    for (const n of [1, 2, 3]) expect((await bot.send(mention, retry(n))).status).toBe(200);
    expect(bot.fake.delivered('chat.postMessage')).toHaveLength(1);
    const skipped = bot.logs.filter((l) => l.msg.includes('skipped') && l.eventId === eventId);
    expect(skipped.map((l) => l.retryNum)).toEqual([1, 2, 3]);
  });

  it('answers once when two deliveries race each other', async () => {
    const mention = appMention({ words: 'speech recognition', channel: CHANNEL });
    const results = await Promise.all([bot.send(mention), bot.send(mention, retry(1)), bot.send(mention, retry(2))]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(bot.fake.delivered('chat.postMessage')).toHaveLength(1);
  });

  it('answers a retry when the first delivery failed, and still only once in the end', async () => {
    const mention = appMention({ words: 'diffusion', channel: CHANNEL });
    // The first delivery's post fails (a 5xx: not retried, posts never are); Slack's retry goes through.
    bot.fake.inject('chat.postMessage', { status: 503 });
    await bot.send(mention);
    expect(bot.fake.delivered('chat.postMessage')).toEqual([]);
    await bot.send(mention, retry(1));
    expect(bot.fake.delivered('chat.postMessage')).toHaveLength(1);
    await bot.send(mention, retry(2));
    expect(bot.fake.delivered('chat.postMessage')).toHaveLength(1);
  });

  it('tells apart different events with the same text', async () => {
    await bot.send(appMention({ words: 'diffusion', channel: CHANNEL, ts: '1515449483.000700' }));
    await bot.send(appMention({ words: 'diffusion', channel: CHANNEL, ts: '1515449483.000700' }));
    expect(bot.fake.delivered('chat.postMessage')).toHaveLength(2);
  });
});

describe('the seen-events store', () => {
  it('is bounded: past its size the oldest ids are forgotten first', async () => {
    const seen = new MemorySeenEvents({ maxIds: 3 });
    for (const id of ['a', 'b', 'c', 'd']) expect(await seen.claim(id)).toBe(true);
    expect(seen.size).toBe(3);
    expect(await seen.claim('a')).toBe(true);
    expect(await seen.claim('d')).toBe(false);
  });

  it('forgets ids after their time to live', async () => {
    let now = 1_000;
    const seen = new MemorySeenEvents({ ttlMs: 60_000, now: () => now });
    await seen.claim('Ev1');
    now += 59_999;
    expect(await seen.claim('Ev1')).toBe(false);
    now += 2;
    expect(await seen.claim('Ev1')).toBe(true);
    await seen.claim('Ev2');
    now += 60_001;
    await seen.claim('Ev3');
    expect(seen.size).toBe(1);
  });

  it('can be shared: two instances behind one store answer an event and its retry once between them', async () => {
    const shared = new MemorySeenEvents();
    const [one, two] = await Promise.all([startPaperbot({ seenEvents: shared }), startPaperbot({ seenEvents: shared })]);
    try {
      const mention = appMention({ words: 'diffusion', channel: CHANNEL });
      await one.send(mention);
      await two.send(mention, retry(1));
      expect(one.fake.delivered('chat.postMessage').length + two.fake.delivered('chat.postMessage').length).toBe(1);
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });

  it('when the store itself fails, the event is answered anyway (a duplicate beats a lost question)', async () => {
    const broken: SeenEvents = {
      claim: async () => {
        throw new Error('store unreachable');
      },
      release: async () => {},
    };
    const bot = await startPaperbot({ seenEvents: broken });
    try {
      await bot.send(appMention({ words: 'diffusion', channel: CHANNEL }));
      expect(bot.fake.delivered('chat.postMessage')).toHaveLength(1);
      expect(bot.logs.find((l) => l.level === 40 && l.err?.message === 'store unreachable')).toBeDefined();
    } finally {
      await bot.close();
    }
  });
});
