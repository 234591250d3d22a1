import { request } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PLAYGROUND } from '../../src/config.js';
import { blockText, buttonIn, startTestPlayground, STUB_MODULE, type TestPlayground } from './harness.js';

/**
 * The playground end to end without a browser: the page's JSON API in front of the real app,
 * its handlers, search and corpus. Each test waits for state the way the page does (long poll).
 */

const W = PLAYGROUND.workspace;
const PAPERS = W.channels[0].id;
const GENERAL = W.channels[1].id;

let t: TestPlayground;
beforeAll(async () => {
  t = await startTestPlayground({ longPollMs: 400 });
});
afterAll(() => t.stop());
// Every request here is one the app should handle without a listener failing.
afterEach(() => expect(t.logs.filter((l) => l.level >= 50)).toEqual([]));

// fetch will not send another Host header; node:http will.
const statusWithHost = (host: string) =>
  new Promise<number | undefined>((resolve, reject) => {
    request({ host: '127.0.0.1', port: t.playground.port, path: '/api/state', headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode);
    })
      .on('error', reject)
      .end();
  });

const inChannel =
  (channel: string) =>
  <M extends { channel: string }>(s: { messages: M[] }): M[] =>
    s.messages.filter((m) => m.channel === channel);

describe('the page', () => {
  it('serves index.html, the styles, the demo state and the built modules', async () => {
    const page = await t.get('/');
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('id="composer-input"');
    expect((await t.get('/styles.css')).headers.get('content-type')).toMatch(/^text\/css/);
    expect(((await (await t.get('/demo-state.json')).json()) as { version: number }).version).toBeTypeOf('number');
    const module = await t.get('/app.js');
    expect(module.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await module.text()).toBe(STUB_MODULE);
  });

  it('says to build when a module is missing, and serves nothing outside its folders', async () => {
    const missing = await t.get('/shell-view.js');
    expect([missing.status, ((await missing.json()) as { error: string }).error]).toEqual([404, expect.stringMatching(/npm run build/)]);
    expect((await t.get('/package.json')).status).toBe(404);
    expect((await t.get('/..%2Fpackage.json')).status).toBe(404);
    expect((await t.get('/src/config.ts')).status).toBe(404);
  });

  it('answers only to localhost names (a page on another site cannot rebind to it)', async () => {
    expect(await statusWithHost('evil.example')).toBe(403);
    expect(await statusWithHost(`localhost:${t.playground.port}`)).toBe(200);
  });
});

describe('state and long polling', () => {
  it('describes the workspace the page draws: channels, the viewer, the bot from auth.test', async () => {
    const state = await t.state();
    expect(state.workspace).toMatchObject({
      teamName: W.teamName,
      botUserId: W.bot.userId,
      botName: W.bot.name,
      me: { id: W.me.id, name: W.me.name },
      channels: [
        { id: PAPERS, name: 'papers', kind: 'channel' },
        { id: GENERAL, name: 'general', kind: 'channel' },
        { id: W.dmId, name: W.bot.name, kind: 'im' },
      ],
    });
    expect(state.workspace.users[W.others[0].id]).toBe(W.others[0].name);
  });

  it('?after=<current version> waits for a change, then answers with the newer state', async () => {
    const { version } = await t.state();
    let answered = false;
    const waiting = t.nextLog((l) => l.msg === 'long poll waiting' && l.after === version);
    const polled = t.get(`/api/state?after=${version}`).then(async (r) => {
      answered = true;
      return (await r.json()) as { version: number };
    });
    await waiting;
    expect(answered).toBe(false);
    await t.post('/api/say', { channel: GENERAL, text: 'just saying' });
    expect((await polled).version).toBeGreaterThan(version);
  });

  it('with nothing new, answers the same version after the wait; an unknown future version answers at once', async () => {
    const { version } = await t.state();
    const started = Date.now();
    const same = (await (await t.get(`/api/state?after=${version}`)).json()) as { version: number };
    expect(same.version).toBe(version);
    expect(Date.now() - started).toBeGreaterThanOrEqual(350);
    const restarted = Date.now();
    await t.get(`/api/state?after=${version + 100}`);
    expect(Date.now() - restarted).toBeLessThan(300);
  });
});

describe('what the viewer does', () => {
  it('/paper: the ack becomes ephemeral results for the viewer; the command itself is not shown', async () => {
    const before = inChannel(PAPERS)(await t.state()).length;
    expect((await t.post('/api/say', { channel: PAPERS, text: '/paper long context' })).status).toBe(202);
    const state = await t.waitFor((s) => inChannel(PAPERS)(s).length > before);
    const results = inChannel(PAPERS)(state).at(-1)!;
    expect(results).toMatchObject({ bot: true, userId: W.bot.userId, ephemeral: true });
    expect(results.text.toLowerCase()).toContain('long context');
    expect(state.messages.some((m) => m.text.startsWith('/paper'))).toBe(false);
  });

  it('Share: the card in the channel, its abstract in the card’s thread, the results redrawn in place', async () => {
    const results = (await t.state()).messages.findLast((m) => m.ephemeral && m.channel === PAPERS)!;
    const share = buttonIn(results, 'paper_share');
    expect((await t.post('/api/click', share)).status).toBe(202);
    const state = await t.waitFor((s) => s.messages.some((m) => m.channel === PAPERS && !m.ephemeral && m.bot && m.threadTs !== undefined));
    const card = state.messages.find((m) => m.channel === PAPERS && m.bot && !m.ephemeral && m.threadTs === undefined)!;
    const abstract = state.messages.find((m) => m.threadTs === card.ts)!;
    expect(blockText(card)).toContain(`<@${W.me.id}>`);
    expect(blockText(card)).toContain(share.value);
    expect(abstract).toMatchObject({ channel: PAPERS, bot: true, ephemeral: false });
    expect(abstract.text.toLowerCase()).toContain('abstract');
    const redrawn = await t.waitFor((s) => blockText(s.messages.find((m) => m.id === results.id)).includes('Shared to the channel'));
    expect(redrawn.messages.find((m) => m.id === results.id)).toMatchObject({ ts: results.ts, ephemeral: true });
  });

  it('More results: the same ephemeral message (same id) now shows the next page', async () => {
    await t.post('/api/say', { channel: GENERAL, text: '/paper language models' });
    const first = (await t.waitFor((s) => s.messages.some((m) => m.channel === GENERAL && m.ephemeral && m.bot))).messages.findLast(
      (m) => m.channel === GENERAL && m.ephemeral,
    )!;
    const firstShare = buttonIn(first, 'paper_share').value;
    await t.post('/api/click', buttonIn(first, 'results_more'));
    const state = await t.waitFor(
      (s) =>
        buttonIn(
          s.messages.find((m) => m.id === first.id),
          'paper_share',
        ).value !== firstShare,
    );
    const next = state.messages.find((m) => m.id === first.id)!;
    expect(next).toMatchObject({ ts: first.ts, ephemeral: true, channel: GENERAL });
    expect(state.messages.filter((m) => m.channel === GENERAL && m.ephemeral && m.bot)).toHaveLength(1);
  });

  it('@Paperbot in a channel: the message mentions the bot as Slack writes it, and results come in its thread', async () => {
    await t.post('/api/say', { channel: PAPERS, text: '@Paperbot anything on quantization?' });
    const asked = (await t.waitFor((s) => s.messages.some((m) => m.text.includes('anything on quantization')))).messages.find((m) =>
      m.text.includes('anything on quantization'),
    )!;
    expect(asked).toMatchObject({ userId: W.me.id, bot: false, ephemeral: false, text: `<@${W.bot.userId}> anything on quantization?` });
    const state = await t.waitFor((s) => s.messages.some((m) => m.threadTs === asked.ts && m.bot));
    const reply = state.messages.find((m) => m.threadTs === asked.ts)!;
    expect(reply).toMatchObject({ channel: PAPERS, bot: true, ephemeral: false });
    expect(blockText(reply).toLowerCase()).toContain('quantiz');
  });

  it('a plain channel message reaches no one: the app only subscribes to mentions and its DMs', async () => {
    const delivered = () => t.logs.filter((l) => l.msg === 'delivering to the app').length;
    const before = delivered();
    await t.post('/api/say', { channel: GENERAL, text: 'lunch?' });
    const state = await t.waitFor((s) => s.messages.some((m) => m.text === 'lunch?'));
    // The page's POST is answered once the app has been handed what Slack would send it: here, nothing.
    expect(delivered()).toBe(before);
    const lunch = state.messages.find((m) => m.text === 'lunch?')!;
    expect((await t.state()).messages.filter((m) => m.threadTs === lunch.ts)).toEqual([]);
  });

  it('a DM to the app is answered in the conversation itself; a question asked in a thread there is answered in that thread', async () => {
    await t.post('/api/say', { channel: W.dmId, text: 'speech recognition' });
    const asked = (await t.waitFor((s) => s.messages.some((m) => m.text === 'speech recognition'))).messages.find((m) => m.text === 'speech recognition')!;
    const answered = await t.waitFor((s) => s.messages.some((m) => m.channel === W.dmId && m.bot && !m.threadTs && m.ts > asked.ts));
    expect(answered.messages.filter((m) => m.threadTs === asked.ts)).toEqual([]);
    await t.post('/api/say', { channel: W.dmId, text: 'help', threadTs: asked.ts });
    const state = await t.waitFor((s) => s.messages.some((m) => m.threadTs === asked.ts && m.bot));
    expect(state.messages.filter((m) => m.threadTs === asked.ts).map((m) => m.bot)).toEqual([false, true]);
  });

  it('opening Home publishes the view; an example search there answers in the DM', async () => {
    expect((await t.post('/api/home', {})).status).toBe(202);
    const { home } = await t.waitFor((s) => s.home !== null);
    const example = home!.blocks
      .flatMap((b) => (Array.isArray(b['elements']) ? (b['elements'] as Record<string, unknown>[]).map((e) => ({ b, e })) : []))
      .find(({ e }) => String(e['action_id']).startsWith('home_example'))!;
    const before = (await t.state()).messages.filter((m) => m.channel === W.dmId).length;
    await t.post('/api/click', { messageId: '', actionId: String(example.e['action_id']), blockId: example.b.block_id, value: String(example.e['value']) });
    const state = await t.waitFor((s) => s.messages.filter((m) => m.channel === W.dmId).length > before);
    expect(state.messages.filter((m) => m.channel === W.dmId).at(-1)).toMatchObject({ bot: true, ephemeral: false });
  });

  it('answers as Slack does a command it will not run: unknown, or inside a thread', async () => {
    await t.post('/api/say', { channel: GENERAL, text: '/weather 94070' });
    await t.waitFor((s) => s.messages.some((m) => m.userId === W.slackbot.id && m.text.startsWith('/weather is not a valid command')));
    const parent = (await t.state()).messages.find((m) => m.channel === PAPERS && !m.ephemeral && m.threadTs === undefined)!;
    await t.post('/api/say', { channel: PAPERS, text: '/paper x', threadTs: parent.ts });
    const state = await t.waitFor((s) => s.messages.some((m) => m.text === '/paper is not supported in threads. Sorry!'));
    expect(state.messages.find((m) => m.text.includes('not supported in threads'))).toMatchObject({
      ephemeral: true,
      threadTs: parent.ts,
      userId: W.slackbot.id,
    });
  });
});

describe('errors', () => {
  const error = async (res: Response) => [res.status, ((await res.json()) as { error: string }).error];

  it('names what is wrong with a request, as { error }', async () => {
    expect(await error(await t.post('/api/say', { channel: 'C0NOWHERE', text: 'hi' }))).toEqual([404, 'No channel C0NOWHERE']);
    expect(await error(await t.post('/api/say', { channel: PAPERS, text: '   ' }))).toEqual([400, 'Nothing to send']);
    expect(await error(await t.post('/api/say', { channel: PAPERS }))).toEqual([400, expect.stringMatching(/channel, text/)]);
    expect(await error(await t.post('/api/say', '{"channel":'))).toEqual([400, 'The body is not JSON']);
    expect(await error(await t.post('/api/click', { messageId: 'm999', actionId: 'a', blockId: 'b', value: '' }))).toEqual([404, 'No message m999']);
    expect(await error(await t.post('/api/say', { channel: PAPERS, text: 'x', threadTs: '1.000001' }))).toEqual([404, expect.stringMatching(/No thread/)]);
    expect(await error(await t.get('/api/state?after=soon'))).toEqual([400, expect.any(String)]);
    expect(await error(await t.get('/api/say'))).toEqual([405, expect.any(String)]);
    expect((await t.post('/api/nothing', {})).status).toBe(404);
  });

  it('takes JSON only, and not too much of it', async () => {
    expect((await t.post('/api/say', 'channel=C&text=x', { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect((await t.post('/api/say', { channel: PAPERS, text: 'x'.repeat(PLAYGROUND.maxBodyBytes) })).status).toBe(413);
  });
});
