import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { slashCommand, urlVerification } from '../../helpers/payloads.js';
import { readFixture } from '../../helpers/shared-dir.js';
import { startPaperbot, type Paperbot } from '../../helpers/paperbot.js';

let bot: Paperbot;
beforeAll(async () => {
  bot = await startPaperbot();
});
afterAll(() => bot.close());
afterEach(() => expect(bot.fake.drain()).toEqual([]));

describe('the HTTP receiver', () => {
  it('answers url_verification with the challenge', async () => {
    const { challenge } = JSON.parse(readFixture('url-verification.json'));
    const res = await bot.send(urlVerification());
    expect(res.status).toBe(200);
    expect(res.json?.challenge ?? res.text).toBe(challenge);
  });

  it('rejects a bad signature with 401 and runs nothing', async () => {
    const res = await bot.send(slashCommand({ text: 'diffusion', responseUrl: bot.fake.responseUrl() }), { signature: `v0=${'0'.repeat(64)}` });
    expect(res.status).toBe(401);
    expect(res.text).toBe('');
    expect(bot.fake.calls).toEqual([]);
  });

  it('rejects a body signed with another secret', async () => {
    const res = await bot.send(slashCommand({ text: 'diffusion', responseUrl: bot.fake.responseUrl() }), { secret: 'not-our-secret-at-all' });
    expect(res.status).toBe(401);
  });

  it('rejects a correctly signed but stale request (over 5 minutes old) with 401', async () => {
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
    const res = await bot.send(slashCommand({ text: 'diffusion', responseUrl: bot.fake.responseUrl() }), { timestamp: sixMinutesAgo });
    expect(res.status).toBe(401);
  });

  it('accepts a correctly signed request from four minutes ago', async () => {
    const fourMinutesAgo = Math.floor(Date.now() / 1000) - 4 * 60;
    const res = await bot.send(slashCommand({ text: 'diffusion', responseUrl: bot.fake.responseUrl() }), { timestamp: fourMinutesAgo });
    expect(res.status).toBe(200);
  });

  it('serves GET /healthz with the corpus size', async () => {
    const res = await fetch(`${bot.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', papers: bot.deps.search.size });
  });

  it('logs each request with what it was, and never the token', async () => {
    bot.logs.length = 0;
    await bot.send(slashCommand({ text: 'diffusion', responseUrl: bot.fake.responseUrl() }));
    const answered = bot.logs.find((l) => l.msg === 'answered');
    expect(answered).toMatchObject({ command: '/paper', user: 'U2147483697', channel: 'C2147483705' });
    expect(JSON.stringify(bot.logs)).not.toContain('xoxb-1234');
  });
});
