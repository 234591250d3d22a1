import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PLAYGROUND } from '../../src/config.js';
import type { Message } from '../../src/playground/web/api-types.js';
import { blockText, buttonIn, startTestPlayground, type TestPlayground } from './harness.js';

/**
 * The playground as Slack: what you type arrives in the wire forms Slack sends, messages have
 * the app's "More actions" shortcuts, a conversation menu can be picked from, emoji come from
 * Slack's own names, and the server answers health checks and the browser's favicon.
 */

const W = PLAYGROUND.workspace;
const [PAPERS, GENERAL] = [W.channels[0], W.channels[1]];

let t: TestPlayground;
beforeAll(async () => {
  t = await startTestPlayground({ longPollMs: 400 });
});
afterAll(() => t.stop());
afterEach(() => expect(t.logs.filter((l) => l.level >= 50)).toEqual([]));

/** Says `text` in `channel` and returns the message as Slack keeps it. */
const said = async (text: string, channel: string = GENERAL.id): Promise<Message> => {
  const mine = (messages: Message[]) => messages.filter((m) => m.channel === channel && m.userId === W.me.id && !m.threadTs);
  const before = mine((await t.state()).messages).length;
  await t.post('/api/say', { channel, text });
  return mine((await t.waitFor((s) => mine(s.messages).length > before)).messages).at(-1)!;
};

describe('what you type, as Slack sends it', () => {
  it('links web addresses, makes @here a broadcast and #channel a channel reference', async () => {
    const message = await said('see https://arxiv.org/abs/1706.03762, and (https://example.org/a_(b)) @here #papers #nowhere x@here.org');
    expect(message.text).toBe(`see <https://arxiv.org/abs/1706.03762>, and (<https://example.org/a_(b)>) <!here> <#${PAPERS.id}|papers> #nowhere x@here.org`);
  });

  it('leaves what is inside a link alone, and escapes the rest', async () => {
    const message = await said('https://example.org/#papers/@channel?a=1&b=2 a<b @channel @everyone.');
    expect(message.text).toBe('<https://example.org/#papers/@channel?a=1&amp;b=2> a&lt;b <!channel> <!everyone>.');
  });

  it('hands the app a mention with a link as Slack would: the arXiv link still finds the paper', async () => {
    await t.post('/api/say', { channel: PAPERS.id, text: '@Paperbot https://arxiv.org/abs/2308.16582' });
    const state = await t.waitFor((s) => s.messages.some((m) => m.bot && m.channel === PAPERS.id && m.threadTs && blockText(m).includes('2308.16582')));
    const asked = state.messages.find((m) => m.text.includes('<https://arxiv.org/abs/2308.16582>'))!;
    expect(asked.text).toBe(`<@${W.bot.userId}> <https://arxiv.org/abs/2308.16582>`);
  });
});

describe('"More actions" on a message: the app’s message shortcuts', () => {
  it('the state lists them, as manifest.yml declares them', async () => {
    expect((await t.state()).workspace.shortcuts).toEqual([{ callbackId: 'find_papers', name: 'Find papers' }]);
  });

  it('Find papers on someone’s message answers in its thread, for everyone', async () => {
    const message = await said('Has anyone read about speech recognition lately?', PAPERS.id);
    expect((await t.post('/api/shortcut', { messageId: message.id, callbackId: 'find_papers' })).status).toBe(202);
    const state = await t.waitFor((s) => s.messages.some((m) => m.threadTs === message.ts && m.bot));
    const answer = state.messages.find((m) => m.threadTs === message.ts && m.bot)!;
    expect(answer).toMatchObject({ channel: PAPERS.id, ephemeral: false });
    expect(blockText(answer).toLowerCase()).toContain('speech');
  });

  it('is refused on an ephemeral message, for a shortcut the app does not have, and for no message', async () => {
    await t.post('/api/say', { channel: GENERAL.id, text: '/paper diffusion' });
    const ephemeral = (await t.waitFor((s) => s.messages.some((m) => m.ephemeral && m.channel === GENERAL.id))).messages.find((m) => m.ephemeral)!;
    const status = async (body: unknown) => (await t.post('/api/shortcut', body)).status;
    expect(await status({ messageId: ephemeral.id, callbackId: 'find_papers' })).toBe(400);
    const message = await said('plain words');
    expect(await status({ messageId: message.id, callbackId: 'summon_cat' })).toBe(404);
    expect(await status({ messageId: 'm999', callbackId: 'find_papers' })).toBe(404);
    expect(await status({ messageId: message.id })).toBe(400);
  });
});

describe('Share in the DM: the channel picker', () => {
  it('asks which channel; picking #papers posts the card there with its abstract, and the picker says so', async () => {
    await t.post('/api/say', { channel: W.dmId, text: 'speech recognition' });
    const answered = await t.waitFor((s) => s.messages.some((m) => m.channel === W.dmId && m.bot && !m.ephemeral && m.blocks?.length));
    const answer = answered.messages.findLast((m) => m.channel === W.dmId && m.bot && !m.ephemeral)!;
    const share = buttonIn(answer, 'paper_share');
    await t.post('/api/click', share);
    const asked = await t.waitFor((s) => s.messages.some((m) => m.channel === W.dmId && m.ephemeral && blockText(m).includes('conversations_select')));
    const picker = asked.messages.find((m) => m.channel === W.dmId && m.ephemeral && blockText(m).includes('conversations_select'))!;
    const block = picker.blocks!.find((b) => b['accessory'])!;
    const pick = { messageId: picker.id, actionId: 'paper_share_to', blockId: block.block_id!, value: '' };

    // Only what the menu offers: not the DM, not a channel that is not there.
    expect((await t.post('/api/click', { ...pick, selected: W.dmId })).status).toBe(400);
    expect((await t.post('/api/click', { ...pick, selected: 'C0NOWHERE1' })).status).toBe(400);
    expect((await t.post('/api/click', pick)).status).toBe(400);

    expect((await t.post('/api/click', { ...pick, selected: PAPERS.id })).status).toBe(202);
    const state = await t.waitFor((s) => blockText(s.messages.find((m) => m.id === picker.id)).includes('Shared'));
    const card = state.messages.findLast((m) => m.channel === PAPERS.id && m.bot && !m.ephemeral && !m.threadTs)!;
    expect(blockText(card)).toContain(`Shared by <@${W.me.id}>`);
    expect(blockText(card)).toContain(share.value);
    expect(state.messages.some((m) => m.threadTs === card.ts && m.text.startsWith('Abstract'))).toBe(true);
    expect(state.messages.filter((m) => m.channel === W.dmId && !m.ephemeral && blockText(m).includes('Shared by'))).toEqual([]);
  });
});

describe('what a browser and a health check ask for', () => {
  it('GET /healthz says the playground is up, with its papers, as the Slack modes do', async () => {
    const res = await t.get('/healthz');
    expect(res.status).toBe(200);
    const health = (await res.json()) as { status: string; papers: number };
    expect(health).toEqual({ status: 'ok', papers: expect.any(Number) });
    expect(health.papers).toBeGreaterThan(0);
  });

  it('the favicon, at the address browsers ask for and the one the page names', async () => {
    for (const path of ['/favicon.ico', '/favicon.svg']) {
      const res = await t.get(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/svg+xml');
      expect(await res.text()).toMatch(/^<svg /);
    }
  });

  it('/emoji.json: Slack’s emoji names for the page', async () => {
    const res = await t.get('/emoji.json');
    expect(res.status).toBe(200);
    const table = (await res.json()) as Record<string, string>;
    expect(table['game_die']).toBe('🎲');
    expect(Object.keys(table).length).toBeGreaterThan(2_000);
  });
});
