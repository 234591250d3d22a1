import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { appMention, slashCommand, urlVerification } from '../../helpers/payloads.js';
import { SIGNING_SECRET, startPaperbot, type Paperbot } from '../../helpers/paperbot.js';
import { signedHeaders } from '../../../src/slack-stand-in/sign.js';

let bot: Paperbot;
beforeAll(async () => {
  bot = await startPaperbot();
});
afterAll(() => bot.close());
afterEach(() => expect(bot.fake.drain()).toEqual([]));

const now = () => Math.floor(Date.now() / 1000);
const command = () => slashCommand({ text: 'diffusion', responseUrl: bot.fake.responseUrl() });
const answered = () => bot.logs.filter((l) => l.msg === 'answered').length;

describe('signatures: every route but /healthz needs one', () => {
  it('GET /healthz is open', async () => {
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
  });

  it('unsigned requests are refused with 401, whatever the route or method, and run nothing', async () => {
    const before = answered();
    const { body, contentType } = command();
    for (const [method, path] of [
      ['POST', '/slack/events'],
      ['GET', '/slack/events'],
      ['POST', '/healthz'],
      ['POST', '/slack/install'],
      ['GET', '/anything'],
    ] as const) {
      const res = await fetch(`${bot.url}${path}`, { method, headers: { 'content-type': contentType }, body: method === 'POST' ? body : undefined });
      expect([method, path, res.status]).toEqual([method, path, 401]);
    }
    expect(answered()).toBe(before);
  });

  it('a signed request to a route that does not exist is a 404', async () => {
    const { body, contentType } = command();
    const res = await fetch(`${bot.url}/slack/other`, { method: 'POST', headers: signedHeaders(SIGNING_SECRET, body, contentType), body });
    expect(res.status).toBe(404);
  });

  it('url_verification must be signed too', async () => {
    expect((await bot.send(urlVerification(), { signature: `v0=${'a'.repeat(64)}` })).status).toBe(401);
    expect((await bot.send(urlVerification())).status).toBe(200);
  });

  it('a signature over a different body (a tampered request) is refused', async () => {
    const { body, contentType } = command();
    const headers = signedHeaders(SIGNING_SECRET, body, contentType);
    const res = await fetch(`${bot.url}/slack/events`, { method: 'POST', headers, body: body.replace('diffusion', 'diffusiom') });
    expect(res.status).toBe(401);
  });

  it('an ssl_check is answered only when signed, and runs nothing', async () => {
    const check = { body: 'ssl_check=1&token=x', contentType: 'application/x-www-form-urlencoded' as const };
    expect((await bot.send(check, { secret: 'another-secret-entirely' })).status).toBe(401);
    const res = await bot.send(check);
    expect([res.status, res.text]).toEqual([200, '']);
  });
});

describe('timestamps: within 5 minutes of our clock, either way', () => {
  const cases: [string, number, number][] = [
    ['six minutes old', -6 * 60, 401],
    ['six minutes in the future', 6 * 60, 401],
    ['a day in the future', 86_400, 401],
    ['four minutes old', -4 * 60, 200],
    ['four minutes in the future', 4 * 60, 200],
  ];
  for (const [what, offset, status] of cases) {
    it(`${what}: ${status}`, async () => {
      expect((await bot.send(command(), { timestamp: now() + offset })).status).toBe(status);
    });
  }

  it('a future-dated event is refused before anything runs', async () => {
    const res = await bot.send(appMention({ words: 'diffusion' }), { timestamp: now() + 10 * 60 });
    expect(res.status).toBe(401);
    expect(bot.fake.calls).toEqual([]);
    expect(bot.logs.at(-1)).toMatchObject({ msg: 'request refused', status: 401, reason: expect.stringContaining('in the future') });
  });

  it('a missing or malformed timestamp is refused', async () => {
    const { body, contentType } = command();
    for (const timestamp of [undefined, 'soon', '-5', '1e10', '']) {
      const headers = signedHeaders(SIGNING_SECRET, body, contentType);
      if (timestamp === undefined) delete headers['x-slack-request-timestamp'];
      else headers['x-slack-request-timestamp'] = timestamp;
      expect((await fetch(`${bot.url}/slack/events`, { method: 'POST', headers, body })).status).toBe(401);
    }
  });
});
