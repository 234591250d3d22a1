import { request } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SLACK_HTTP } from '../../../src/config.js';
import { textOf } from '../../helpers/blocks.js';
import { appMention, blockAction, directMessage, messageShortcut, slashCommand, type SlackBody } from '../../helpers/payloads.js';
import { SIGNING_SECRET, startPaperbot, type Paperbot } from '../../helpers/paperbot.js';
import { signedHeaders } from '../../../src/slack-stand-in/sign.js';

let bot: Paperbot;
beforeAll(async () => {
  bot = await startPaperbot();
});
afterAll(() => bot.close());
afterEach(() => expect(bot.fake.drain()).toEqual([]));

const CHANNEL = 'C2147483705';
const form = (fields: Record<string, string>): SlackBody => ({
  body: new URLSearchParams(fields).toString(),
  contentType: 'application/x-www-form-urlencoded',
});
const json = (text: string): SlackBody => ({ body: text, contentType: 'application/json' });
const payload = (value: unknown) => form({ payload: typeof value === 'string' ? value : JSON.stringify(value) });
const serverErrors = () => bot.logs.filter((l) => l.level >= 50);

describe('malformed bodies: a 4xx, never a 5xx or a hang', () => {
  const cases: [string, () => SlackBody][] = [
    ['payload= that is not JSON', () => payload('{"type":"block_actions",')],
    ['JSON cut short', () => json('{"type":"event_callback","event":{"type":"app_m')],
    ['JSON null', () => json('null')],
    ['a form payload of null', () => payload('null')],
    ['a JSON array', () => json('[1,2,3]')],
    ['a JSON string', () => json('"hello"')],
    ['an empty object', () => json('{}')],
    ['an empty body', () => json('')],
    ['an event with no event', () => json(JSON.stringify({ type: 'event_callback', event_id: 'Ev1' }))],
    ['an event that is a string', () => json(JSON.stringify({ type: 'event_callback', event_id: 'Ev1', event: 'app_mention' }))],
    ['an event with no event_id', () => json(JSON.stringify({ type: 'event_callback', event: { type: 'app_mention' } }))],
    ['actions that are not a list', () => payload({ type: 'block_actions', user: { id: 'U1' }, actions: 'paper_share' })],
    ['actions that are empty', () => payload({ type: 'block_actions', user: { id: 'U1' }, actions: [] })],
    ['an action with no user', () => payload({ type: 'block_actions', actions: [{ action_id: 'paper_share', value: 'x' }] })],
    ['a user id that is a number', () => payload({ type: 'block_actions', user: { id: 42 }, actions: [{ action_id: 'paper_share' }] })],
    [
      'authorizations that are not a list',
      () => json(JSON.stringify({ type: 'event_callback', event_id: 'Ev1', event: { type: 'app_mention' }, authorizations: 'x' })),
    ],
    ['a command with no user', () => form({ command: '/paper', text: 'x', channel_id: 'C1' })],
    ['a command given twice', () => ({ body: 'command=%2Fpaper&command=%2Fpaper&user_id=U1&channel_id=C1', contentType: 'application/x-www-form-urlencoded' })],
    ['a view submission (we have no modals)', () => payload({ type: 'view_submission', user: { id: 'U1' }, view: { callback_id: 'x' } })],
    ['a type we have never heard of', () => json(JSON.stringify({ type: 'something_new', x: 1 }))],
  ];
  for (const [what, body] of cases) {
    it(`${what}: 400`, async () => {
      const res = await bot.send(body());
      expect(res.status).toBe(400);
      expect(bot.fake.calls).toEqual([]);
    });
  }

  it('the refusal is logged with the reason, and nothing is logged as an error', async () => {
    bot.logs.length = 0;
    await bot.send(json('null'));
    expect(bot.logs).toEqual([expect.objectContaining({ level: 40, msg: 'request refused', status: 400 })]);
  });
});

describe('payloads with the right envelope and the wrong insides: a polite reply', () => {
  it('a /paper whose text is missing is answered with help', async () => {
    const res = await bot.send(form({ command: '/paper', user_id: 'U1', channel_id: CHANNEL, response_url: bot.fake.responseUrl() }));
    expect(res.status).toBe(200);
    expect(textOf(res.json)).toContain('/paper');
  });

  it('a mention whose text is a number is dropped, logged as unreadable', async () => {
    bot.logs.length = 0;
    const body = JSON.parse(appMention({ words: 'x' }).body);
    body.event.text = 42;
    expect((await bot.send(json(JSON.stringify(body)))).status).toBe(200);
    expect(bot.fake.calls).toEqual([]);
    expect(bot.logs.find((l) => l.msg === 'mention: payload not as expected')).toMatchObject({
      level: 40,
      problems: ['text: Invalid input: expected string, received number'],
    });
  });

  it('an unknown command gets a pointer to /paper', async () => {
    const res = await bot.send(slashCommand({ text: 'x', responseUrl: bot.fake.responseUrl(), command: '/papers' }));
    expect(res.status).toBe(200);
    expect(res.json.text).toContain('I only answer /paper');
  });

  it('an unknown action id is acked at once and the clicker told it expired; nothing is posted', async () => {
    const res = await bot.send(
      blockAction({ actionId: 'old_button_v0', value: 'x', container: { type: 'ephemeral', channel: CHANNEL }, responseUrl: bot.fake.responseUrl('old') }),
    );
    expect(res.status).toBe(200);
    expect(bot.fake.api('chat.postMessage')).toEqual([]);
    expect(bot.fake.responses('old')[0]!.params.text).toContain('expired');
  });

  it('an unknown shortcut callback id is acked at once, and the user told', async () => {
    const res = await bot.send(messageShortcut({ text: 'diffusion', responseUrl: bot.fake.responseUrl('sc'), callbackId: 'old_shortcut' }));
    expect(res.status).toBe(200);
    expect(bot.fake.api('chat.postMessage')).toEqual([]);
    expect(bot.fake.responses('sc')[0]!.params.text).toContain('couldn’t read');
  });

  it('a global shortcut (we have none) is acked at once', async () => {
    const res = await bot.send(payload({ type: 'shortcut', callback_id: 'whatever', user: { id: 'U1' }, trigger_id: '1.2.3' }));
    expect(res.status).toBe(200);
  });

  it('Slack saying it is holding our events back (app_rate_limited) is acked and logged', async () => {
    bot.logs.length = 0;
    const res = await bot.send(json(JSON.stringify({ type: 'app_rate_limited', team_id: 'T1', minute_rate_limited: 1518467820, api_app_id: 'A1' })));
    expect(res.status).toBe(200);
    expect(bot.logs.find((l) => /app_rate_limited/.test(l.msg))).toBeDefined();
  });
});

/** Every way to break one field: each leaf of the payload dropped, or replaced by a value of the wrong type. */
function* mutations(value: unknown, path: string[] = []): Generator<[string, (root: any) => void]> {
  if (value === null || typeof value !== 'object') {
    const at = path.join('.');
    const set = (v: unknown) => (root: any) => {
      const parent = path.slice(0, -1).reduce((o, k) => o[k], root);
      if (v === undefined) delete parent[path.at(-1)!];
      else parent[path.at(-1)!] = v;
    };
    for (const [name, wrong] of [
      ['dropped', undefined],
      ['null', null],
      ['number', 7],
      ['list', []],
      ['object', {}],
      ['long', 'x'.repeat(300)],
    ] as const) {
      yield [`${at}: ${name}`, set(wrong)];
    }
    return;
  }
  for (const [key, child] of Object.entries(value)) yield* mutations(child, [...path, key]);
}

describe('every field of every payload broken in every way', () => {
  const bodies: [string, () => SlackBody][] = [
    ['mention', () => appMention({ words: 'diffusion', channel: CHANNEL })],
    ['direct message', () => directMessage({ text: 'diffusion' })],
    [
      'button',
      () =>
        blockAction({
          actionId: 'paper_abstract',
          value: bot.deps.search.all()[0]!.id,
          container: { type: 'thread', channel: CHANNEL, ts: '1700000000.000001' },
          responseUrl: bot.fake.responseUrl(),
        }),
    ],
    ['message shortcut', () => messageShortcut({ text: 'diffusion', responseUrl: bot.fake.responseUrl() })],
  ];
  for (const [what, build] of bodies) {
    it(`${what}: answered (200) or refused (400), never a 5xx, a hang or an error`, async () => {
      const original = build();
      const isForm = original.contentType !== 'application/json';
      const parsed = isForm ? JSON.parse(new URLSearchParams(original.body).get('payload')!) : JSON.parse(original.body);
      const seen: string[] = [];
      for (const [name, mutate] of mutations(parsed)) {
        const copy = structuredClone(parsed);
        mutate(copy);
        const res = await bot.send(isForm ? payload(copy) : json(JSON.stringify(copy)));
        seen.push(`${name} ${res.status}`);
        if (![200, 400].includes(res.status)) expect.fail(`${name}: status ${res.status}`);
      }
      expect(seen.length).toBeGreaterThan(20);
      expect(serverErrors()).toEqual([]);
      bot.fake.drain();
    });
  }

  it('a slash command: every field dropped or made huge', async () => {
    const fields = new URLSearchParams(slashCommand({ text: 'diffusion', responseUrl: bot.fake.responseUrl() }).body);
    for (const key of [...fields.keys()]) {
      for (const value of [undefined, '', 'x'.repeat(5000)]) {
        const copy = new URLSearchParams(fields);
        if (value === undefined) copy.delete(key);
        else copy.set(key, value);
        const res = await bot.send(form(Object.fromEntries(copy)));
        if (![200, 400].includes(res.status)) expect.fail(`${key}=${value?.slice(0, 5)}: status ${res.status}`);
      }
    }
    expect(serverErrors()).toEqual([]);
  });
});

describe('hostile text', () => {
  const huge = 'diffusion '.repeat(10_000);

  it('a 100,000-character query is answered inside the ack (Slack’s 3 s) with valid blocks', async () => {
    expect(huge.length).toBe(100_000);
    const res = await bot.send(slashCommand({ text: huge, responseUrl: bot.fake.responseUrl(), channel: CHANNEL }));
    // Bolt answers 404 when nothing acks within 3 s: a 200 with a body is an answer in time.
    expect(res.status).toBe(200);
    expect(res.json.blocks.length).toBeGreaterThan(0);
  });

  it('so are a 100,000-character mention, DM and message shortcut', async () => {
    await bot.send(appMention({ words: huge, channel: 'C0LAN2Q65' }));
    await bot.send(directMessage({ text: huge }));
    await bot.send(messageShortcut({ text: huge, responseUrl: bot.fake.responseUrl() }));
    expect(bot.fake.delivered('chat.postMessage')).toHaveLength(3);
  });

  it('control characters, lone surrogates and right-to-left overrides never reach what we post', async () => {
    const nasty = 'zzqxv\u0000\u0007\u001b[31m \ud800 \udfff \u202eevil\u202c \u2066x\u2069 \u200f';
    const res = await bot.send(slashCommand({ text: nasty, responseUrl: bot.fake.responseUrl(), channel: CHANNEL }));
    expect(res.status).toBe(200);
    const shown = `${res.json.text}\n${textOf(res.json)}`;
    expect(shown).toContain('No papers match');
    expect(shown).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(shown).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200e\u200f]/);
    expect(shown.isWellFormed()).toBe(true);
    expect(res.text).not.toMatch(/\\ud[89a-f]/i);

    await bot.send(appMention({ words: nasty, channel: 'C0LAN2Q65' }));
    const [post] = bot.fake.delivered('chat.postMessage');
    expect(JSON.stringify(post!.params).isWellFormed()).toBe(true);
    expect(JSON.stringify(post!.params)).not.toMatch(/\u202e|\\u202e/);
  });
});

/** Sends a body with a raw client, since fetch hides what happens when the server refuses early. */
function rawPost(url: string, headers: Record<string, string>, chunks: Buffer[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/slack/events`, { method: 'POST', headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

describe('bodies over the size limit', () => {
  const oversized = () => {
    const text = 'a'.repeat(SLACK_HTTP.maxBodyBytes + 10);
    return slashCommand({ text, responseUrl: bot.fake.responseUrl() });
  };

  it('are refused with 413 from their declared size, before being read', async () => {
    bot.logs.length = 0;
    const { body, contentType } = oversized();
    const res = await fetch(`${bot.url}/slack/events`, { method: 'POST', headers: signedHeaders(SIGNING_SECRET, body, contentType), body });
    expect(res.status).toBe(413);
    expect(bot.logs.find((l) => l.msg === 'request refused')!.reason).toMatch(/declared/);
    expect(bot.logs.find((l) => l.msg === 'answered')).toBeUndefined();
  });

  it('and when they come without a size (chunked), once the limit is passed', async () => {
    const { body, contentType } = oversized();
    const headers = signedHeaders(SIGNING_SECRET, body, contentType);
    const data = Buffer.from(body);
    const chunks = Array.from({ length: Math.ceil(data.length / 65536) }, (_, i) => data.subarray(i * 65536, (i + 1) * 65536));
    expect(await rawPost(bot.url, { ...headers, 'transfer-encoding': 'chunked' }, chunks)).toBe(413);
  });

  it('a body just under the limit is read and judged on its signature', async () => {
    const text = 'a'.repeat(SLACK_HTTP.maxBodyBytes - 2000);
    const { body, contentType } = slashCommand({ text, responseUrl: bot.fake.responseUrl() });
    const res = await fetch(`${bot.url}/slack/events`, { method: 'POST', headers: signedHeaders('not-the-secret-at-all', body, contentType), body });
    expect(res.status).toBe(401);
  });
});
