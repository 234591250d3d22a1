import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cardsIn } from '../../helpers/blocks.js';
import { appHomeOpened, appMention, blockAction, messageShortcut, slashCommand } from '../../helpers/payloads.js';
import { FAST_RETRIES, startPaperbot, type Paperbot } from '../../helpers/paperbot.js';

let bot: Paperbot;
beforeAll(async () => {
  bot = await startPaperbot({ retryConfig: FAST_RETRIES });
});
afterAll(() => bot.close());
afterEach(() => expect(bot.fake.drain()).toEqual([]));

const CHANNEL = 'C0LAN2Q65';
const EPHEMERAL = { type: 'ephemeral', channel: CHANNEL } as const;
const THREAD = { type: 'thread', channel: CHANNEL, ts: '1700000000.000042', threadTs: '1515449483.000108' } as const;
const TRIES = FAST_RETRIES.retries! + 1;
const mention = (words = 'diffusion') => appMention({ words, channel: CHANNEL, ts: '1515449483.000900', user: 'U0ASKER' });
const paperId = () => bot.deps.search.all()[4]!.id;
const levels = (level: number) => bot.logs.filter((l) => l.level === level);

describe('the Web API rate-limiting us (429 + Retry-After)', () => {
  it('waits as long as Slack says, then the reply arrives, once', async () => {
    bot.fake.inject('chat.postMessage', { status: 429, retryAfterSec: 1 });
    await bot.send(mention());
    const [limited, retried] = bot.fake.api('chat.postMessage');
    expect(limited!.fault).toEqual({ status: 429, retryAfterSec: 1 });
    expect(bot.fake.delivered('chat.postMessage')).toEqual([retried]);
    // A lower bound only: the retry cannot have come sooner than Retry-After.
    expect(retried!.at - limited!.at).toBeGreaterThanOrEqual(1_000);
  });

  it('on a response_url too', async () => {
    bot.fake.inject('response_url:rl', { status: 429, retryAfterSec: 1 });
    await bot.send(blockAction({ actionId: 'paper_abstract', value: paperId(), container: EPHEMERAL, responseUrl: bot.fake.responseUrl('rl') }));
    const [limited, retried] = bot.fake.responses('rl');
    expect(bot.fake.deliveredResponses('rl')).toEqual([retried]);
    expect(retried!.at - limited!.at).toBeGreaterThanOrEqual(1_000);
  });
});

describe('5xx and network errors on posting: never retried, so never posted twice', () => {
  // Slack may have carried out a post it answered with a 5xx, a timeout or a cut connection.
  it('a 5xx is not retried: logged, and the user is told privately it may not have been posted', async () => {
    bot.logs.length = 0;
    bot.fake.inject('chat.postMessage', { status: 500 });
    await bot.send(mention());
    expect(bot.fake.api('chat.postMessage')).toHaveLength(1);
    const [note] = bot.fake.delivered('chat.postEphemeral');
    expect(note!.params).toMatchObject({ channel: CHANNEL, user: 'U0ASKER', thread_ts: '1515449483.000900' });
    expect(note!.params.text).toContain('may not have been posted');
    expect(levels(40).find((l) => /post unconfirmed/.test(l.msg))).toMatchObject({ method: 'chat.postMessage', status: 500 });
    expect(levels(50).find((l) => l.msg === 'listener failed')).toMatchObject({ event: 'app_mention', channel: CHANNEL });
  });

  it('a connection cut after sending is not retried either', async () => {
    bot.fake.inject('chat.postMessage', { drop: true });
    await bot.send(mention());
    expect(bot.fake.api('chat.postMessage')).toHaveLength(1);
    expect(bot.fake.delivered('chat.postEphemeral')[0]!.params.text).toContain('may not have been posted');
  });

  it('a late answer that outlasts the timeout is not retried', async () => {
    const slow = await startPaperbot({ retryConfig: FAST_RETRIES, timeoutMs: 200 });
    try {
      slow.fake.inject('chat.postMessage', { delayMs: 400 });
      await slow.send(mention());
      expect(slow.fake.api('chat.postMessage')).toHaveLength(1);
      expect(slow.fake.delivered('chat.postEphemeral')[0]!.params.text).toContain('may not have been posted');
    } finally {
      await slow.close();
    }
  });

  it('reads and idempotent calls keep the bounded retry (views.publish after a 5xx)', async () => {
    bot.fake.inject('views.publish', { status: 500 }, { drop: true });
    await bot.send(appHomeOpened());
    expect(bot.fake.api('views.publish')).toHaveLength(3);
    expect(bot.fake.delivered('views.publish')).toHaveLength(1);
  });

  it('a button whose post fails tells the clicker through its response_url', async () => {
    bot.fake.inject('chat.postMessage', { drop: true });
    await bot.send(blockAction({ actionId: 'paper_abstract', value: paperId(), container: THREAD, responseUrl: bot.fake.responseUrl('fail') }));
    expect(bot.fake.api('chat.postMessage')).toHaveLength(1);
    expect(bot.fake.delivered('chat.postMessage')).toEqual([]);
    const [note] = bot.fake.deliveredResponses('fail');
    expect(note!.params).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(note!.params.text).toContain('may not have been posted');
  });

  it('respond() that adds a message is not retried after a 5xx or a cut connection', async () => {
    bot.fake.inject('response_url:resp', { status: 500 });
    await bot.send(blockAction({ actionId: 'paper_abstract', value: paperId(), container: EPHEMERAL, responseUrl: bot.fake.responseUrl('resp') }));
    // The answer once, then the failure notice once: never the answer twice.
    const posts = bot.fake.responses('resp');
    expect(posts).toHaveLength(2);
    expect(posts[1]!.params.text).toContain('try again');
    bot.fake.inject('response_url:cut', { drop: true }, { drop: true });
    await bot.send(blockAction({ actionId: 'paper_abstract', value: paperId(), container: EPHEMERAL, responseUrl: bot.fake.responseUrl('cut') }));
    expect(bot.fake.responses('cut')).toHaveLength(2);
  });

  it('respond() that replaces the original is retried on 5xx and network errors, and arrives once', async () => {
    const more = `s:5:diffusion`;
    bot.fake.inject('response_url:again', { status: 500 }, { drop: true });
    await bot.send(blockAction({ actionId: 'results_more', value: more, container: EPHEMERAL, responseUrl: bot.fake.responseUrl('again') }));
    expect(bot.fake.responses('again')).toHaveLength(3);
    const delivered = bot.fake.deliveredResponses('again');
    expect(delivered).toHaveLength(1);
    expect(delivered[0]!.params.replace_original).toBe(true);
  });

  it('a replacing respond() gives up after the bounded number of tries', async () => {
    bot.fake.inject('response_url', ...Array(TRIES * 2).fill({ status: 500 }));
    await bot.send(blockAction({ actionId: 'results_more', value: 's:5:diffusion', container: EPHEMERAL, responseUrl: bot.fake.responseUrl('never') }));
    // The answer's tries, then the failure notice once (it adds a message), to the same dead response_url.
    expect(bot.fake.responses('never')).toHaveLength(TRIES + 1);
    expect(levels(40).find((l) => l.msg === 'could not tell the user it failed either')).toBeDefined();
  });
});

describe('ok:false from Slack when sharing', () => {
  for (const error of ['not_in_channel', 'channel_not_found']) {
    it(`${error}: tells the user, ephemerally, to invite the bot, and does not retry`, async () => {
      const results = (await bot.send(slashCommand({ text: 'diffusion', responseUrl: bot.fake.responseUrl(), channel: 'C0PRIVATE' }))).json;
      const card = cardsIn(results)[0]!;
      bot.fake.failNext('chat.postMessage', error);
      await bot.send(
        blockAction({
          actionId: 'paper_share',
          value: card.id,
          blockId: card.blockId,
          container: { type: 'ephemeral', channel: 'C0PRIVATE' },
          responseUrl: bot.fake.responseUrl(error),
        }),
      );
      expect(bot.fake.api('chat.postMessage')).toHaveLength(1);
      const [note] = bot.fake.deliveredResponses(error);
      expect(note!.params.response_type).toBe('ephemeral');
      expect(note!.params.text).toContain('/invite @Paperbot');
    });
  }

  it('a mention in a conversation we may not post in: told how to fix it', async () => {
    bot.fake.failNext('chat.postMessage', 'not_in_channel');
    await bot.send(mention());
    expect(bot.fake.delivered('chat.postEphemeral')[0]!.params.text).toContain('/invite @Paperbot');
  });
});

describe('an expired response_url (404)', () => {
  it('is logged, not retried, and never fatal: the next request is answered', async () => {
    bot.logs.length = 0;
    bot.fake.inject('response_url:old', { status: 404 });
    const res = await bot.send(blockAction({ actionId: 'paper_similar', value: paperId(), container: EPHEMERAL, responseUrl: bot.fake.responseUrl('old') }));
    expect(res.status).toBe(200);
    expect(bot.fake.responses('old')).toHaveLength(1);
    expect(bot.logs.find((l) => l.level === 40 && /response_url expired/.test(l.msg))).toMatchObject({ action: 'paper_similar' });
    expect(levels(50)).toEqual([]);
    await bot.send(messageShortcut({ text: 'diffusion', responseUrl: bot.fake.responseUrl(), channel: CHANNEL }));
    expect(bot.fake.delivered('chat.postMessage')).toHaveLength(1);
  });
});
