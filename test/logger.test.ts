import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, toBoltLogger } from '../src/logger.js';
import { appMention, blockAction, messageShortcut, slashCommand } from './helpers/payloads.js';
import { BOT_TOKEN, FAST_RETRIES, SIGNING_SECRET, startPaperbot, type Paperbot } from './helpers/paperbot.js';
import { signedHeaders } from '../src/slack-stand-in/sign.js';

let bot: Paperbot;
beforeAll(async () => {
  bot = await startPaperbot({ retryConfig: FAST_RETRIES });
});
afterAll(() => bot.close());

describe('secrets never reach the logs', () => {
  it('through a busy session with faults, refusals and retries, at debug level', async () => {
    const sent: string[] = [];
    const responseUrls: string[] = [];
    const timestamp = Math.floor(Date.now() / 1000);
    // Signed exactly as bot.send signs them, so these are the signatures that went over the wire.
    const send = async (body: Parameters<Paperbot['send']>[0]) => {
      sent.push(signedHeaders(SIGNING_SECRET, body.body, body.contentType, timestamp)['x-slack-signature']!);
      return bot.send(body, { timestamp });
    };
    const url = (id: string) => {
      const u = bot.fake.responseUrl(id);
      responseUrls.push(u);
      return u;
    };

    await send(slashCommand({ text: 'diffusion', responseUrl: url('c1') }));
    bot.fake.inject('chat.postMessage', { status: 500 }, { drop: true }, { status: 429, retryAfterSec: 0 });
    await send(appMention({ words: 'speech' }));
    bot.fake.inject('chat.postMessage', ...Array(4).fill({ status: 503 }));
    await send(messageShortcut({ text: 'diffusion', responseUrl: url('sc') }));
    bot.fake.inject('response_url', { status: 404 });
    await send(
      blockAction({
        actionId: 'paper_abstract',
        value: bot.deps.search.all()[0]!.id,
        container: { type: 'ephemeral', channel: 'C1' },
        responseUrl: url('gone'),
      }),
    );
    bot.fake.failNext('chat.postMessage', 'invalid_auth');
    await send(appMention({ words: 'model' }));
    await bot.send(slashCommand({ text: 'x', responseUrl: url('bad') }), { secret: 'wrong-secret-value' });
    await bot.send(slashCommand({ text: 'x', responseUrl: url('stale') }), { timestamp: 1 });

    const everything = bot.rawLogs.join('\n');
    expect(bot.logs.filter((l) => l.level >= 40).length).toBeGreaterThan(3);
    expect(everything).not.toContain(BOT_TOKEN);
    expect(everything).not.toContain(BOT_TOKEN.slice(5));
    expect(everything).not.toContain(SIGNING_SECRET);
    for (const signature of sent) expect(everything).not.toContain(signature.slice(3));
    for (const responseUrl of responseUrls) expect(everything).not.toContain(responseUrl);
  });

  it('a token, signing secret or response_url in a logged object or in Bolt’s free text is redacted', () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'debug', destination: { write: (line: string) => void lines.push(line) } });
    logger.info(
      {
        response_url: 'https://hooks.slack.com/actions/T1/123/abc',
        body: { response_url: 'https://hooks.slack.com/actions/T1/456/def' },
        signingSecret: SIGNING_SECRET,
      },
      'x',
    );
    toBoltLogger(logger).warn(`failed posting to https://hooks.slack.com/actions/T1/789/ghi with ${BOT_TOKEN}`);
    const all = lines.join('\n');
    expect(all).not.toMatch(/abc|def|ghi|paperbottesttoken/);
    expect(all).not.toContain(SIGNING_SECRET);
  });
});
