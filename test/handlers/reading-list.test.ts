import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as slack from '../../src/slack-stand-in/payloads.js';
import { savedPapers } from '../../src/store/team-memory.js';
import { buttonsIn, cardsIn, textOf } from '../helpers/blocks.js';
import { appHomeOpened, appMention, blockAction, type Container, directMessage, nextTs, slashCommand } from '../helpers/payloads.js';
import { startPaperbot, type Paperbot } from '../helpers/paperbot.js';

/** Each person's reading list end to end: Save, /paper saved, Remove, Mark as read, the Home tab; the real Bolt receiver, a real SQLite store, a fake Slack. */
let bot: Paperbot;
beforeAll(async () => {
  bot = await startPaperbot();
});
afterAll(() => bot.close());
afterEach(() => expect(bot.fake.drain()).toEqual([]));

const CHANNEL = 'C0READING';
const ALICE = 'U0ALICE01';
const BOB = 'U0BOB0001';
const MALLORY = 'U0MALLORY';
const WS = { teamId: slack.EXAMPLE_TEAM.teamId, enterpriseId: null };

const saved = (user: string, ws = WS) => savedPapers(bot.library.library.store, ws, user);
const ids = (message: Record<string, any>) => buttonsIn(message).map((b) => b.action_id as string);
const ephemeral = (): Container => ({ type: 'ephemeral', channel: CHANNEL, messageTs: nextTs() });

async function command(text: string, user: string, team = slack.EXAMPLE_TEAM) {
  const body = slack.slashCommand({ team, command: '/paper', text, user, responseUrl: bot.fake.responseUrl(), channel: CHANNEL });
  return (await bot.send(team === slack.EXAMPLE_TEAM ? slashCommand({ text, user, responseUrl: bot.fake.responseUrl(), channel: CHANNEL }) : body)).json;
}

/** Clicks `actionId` as `user`; the private answer (if it went through response_url `r`) is returned. */
async function click(actionId: string, value: string, user: string, o: { container?: Container; blockId?: string; r?: string | null } = {}) {
  const r = o.r === undefined ? `r${nextTs().replace('.', '')}` : o.r;
  const res = await bot.send(
    blockAction({ actionId, value, user, container: o.container ?? ephemeral(), blockId: o.blockId, ...(r ? { responseUrl: bot.fake.responseUrl(r) } : {}) }),
  );
  expect(res.status).toBe(200);
  return r ? bot.fake.responses(r).map((c) => c.params) : [];
}

describe('Save, on every paper card', () => {
  let first = '';
  let second = '';

  it('saves the paper for the clicker alone and tells only them, through response_url', async () => {
    const results = await command('diffusion', ALICE);
    [first, second] = cardsIn(results).map((c) => c.id) as [string, string];
    expect(cardsIn(results)[0]!.buttons).toContain('paper_save');

    const [note] = await click('paper_save', first, ALICE);
    expect(note).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(textOf(note!)).toContain('Saved');
    expect(note!.text).toContain('reading list');
    expect(bot.fake.api('chat.postMessage')).toEqual([]);
    expect(await saved(ALICE)).toMatchObject([{ paperId: first, readAt: null }]);
    expect(await saved(BOB)).toEqual([]);
  });

  it('one click delivered twice keeps one row; clicking Save again offers Remove, which removes it', async () => {
    const container = ephemeral();
    await click('paper_save', second, ALICE, { container });
    const [again] = await click('paper_save', second, ALICE, { container });
    expect((await saved(ALICE)).filter((s) => s.paperId === second)).toHaveLength(1);
    expect(textOf(again!)).toContain('already on your reading list');
    expect(ids(again!)).toEqual(['paper_unsave']);

    const [removed] = await click('paper_unsave', second, ALICE);
    expect(removed).toMatchObject({ replace_original: true });
    expect(textOf(removed!)).toContain('Removed');
    expect((await saved(ALICE)).map((s) => s.paperId)).toEqual([first]);
  });

  it('on a shared card in a channel (no response_url): the confirmation is an ephemeral message to the clicker', async () => {
    bot.fake.reset();
    const ts = nextTs();
    await click('paper_save', second, BOB, { container: { type: 'thread', channel: CHANNEL, ts }, r: null });
    const [eph] = bot.fake.api('chat.postEphemeral');
    expect(eph!.params).toMatchObject({ channel: CHANNEL, user: BOB });
    expect(textOf(eph!.params)).toContain('Saved');
    expect((await saved(BOB)).map((s) => s.paperId)).toEqual([second]);
    expect(bot.fake.api('chat.postMessage')).toEqual([]);
  });

  it('a forged or stale paper id saves nothing and says so privately', async () => {
    const [note] = await click('paper_save', '9999.99999', ALICE);
    expect(textOf(note!)).toContain('expired');
    expect((await saved(ALICE)).map((s) => s.paperId)).toEqual([first]);
  });
});

describe('/paper saved', () => {
  const USER = 'U0CAROL01';
  let a = '';
  let b = '';

  it('lists the asker’s saved papers newest first, in the ack, each with Mark as read and Remove', async () => {
    const empty = await command('saved', USER);
    expect(empty.response_type).toBe('ephemeral');
    expect(textOf(empty)).toContain('Your reading list is empty');

    [a, b] = cardsIn(await command('speech recognition', USER)).map((c) => c.id) as [string, string];
    await click('paper_save', a, USER);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await click('paper_save', b, USER);
    bot.fake.reset();

    const list = await command('saved', USER);
    expect(list.response_type).toBe('ephemeral');
    expect(list.text).toContain('Your reading list (2)');
    const items = buttonsIn(list).map((x) => [x.action_id, x.value]);
    expect(items).toEqual([
      ['paper_mark_read', b],
      ['paper_unsave', b],
      ['paper_mark_read', a],
      ['paper_unsave', a],
    ]);
    expect(bot.fake.api('chat.postMessage')).toEqual([]);
  });

  it('Mark as read marks it (once) and redraws the list in place, the paper marked read', async () => {
    const [redrawn] = await click('paper_mark_read', a, USER, { blockId: `reading_list|${a}` });
    expect(redrawn).toMatchObject({ replace_original: true });
    expect(textOf(redrawn!)).toContain('Read on');
    expect(buttonsIn(redrawn!).map((x) => [x.action_id, x.value])).toEqual([
      ['paper_mark_read', b],
      ['paper_unsave', b],
      ['paper_unsave', a],
    ]);
    const readAt = (await saved(USER)).find((s) => s.paperId === a)!.readAt;
    expect(readAt).not.toBeNull();
    await click('paper_mark_read', a, USER, { blockId: `reading_list|${a}` }); // a retry
    expect((await saved(USER)).find((s) => s.paperId === a)!.readAt).toBe(readAt);
  });

  it('another person’s item, or a paper not on the list: nothing changes, and a private explanation', async () => {
    for (const action of ['paper_unsave', 'paper_mark_read']) {
      const [note] = await click(action, b, MALLORY, { blockId: `reading_list|${b}` });
      expect(note).toMatchObject({ response_type: 'ephemeral', replace_original: false });
      expect(textOf(note!)).toContain('isn’t on your reading list');
    }
    expect((await saved(USER)).map((s) => [s.paperId, s.readAt === null])).toEqual([
      [b, true],
      [a, false],
    ]);
  });

  it('Remove on the list takes it off and redraws the list', async () => {
    const [redrawn] = await click('paper_unsave', b, USER, { blockId: `reading_list|${b}` });
    expect(redrawn!.text).toContain('Your reading list (1)');
    expect((await saved(USER)).map((s) => s.paperId)).toEqual([a]);
  });

  it('is scoped by workspace: the same person in another workspace has another list', async () => {
    const other = { ...slack.EXAMPLE_TEAM, teamId: 'T0ELSEWHERE' };
    expect(textOf(await command('saved', USER, other))).toContain('Your reading list is empty');
  });

  it('in a DM it lists too; in a thread everyone would see it, so only a pointer to /paper saved', async () => {
    bot.fake.reset();
    await bot.send(directMessage({ text: 'saved', user: USER, channel: 'D0CAROL01' }));
    const [dm] = bot.fake.api('chat.postMessage');
    expect(dm!.params.text).toContain('Your reading list (1)');
    bot.fake.reset();
    await bot.send(appMention({ words: 'saved', user: USER, channel: CHANNEL }));
    const [thread] = bot.fake.api('chat.postMessage');
    expect(thread!.params.text).toContain('Your reading list is private');
    expect(buttonsIn(thread!.params)).toEqual([]);
  });
});

describe('the App Home tab', () => {
  const USER = 'U0DAVE001';

  it('shows the reading list at the top; Remove there republishes it', async () => {
    const [paper] = cardsIn(await command('transformer', USER)).map((c) => c.id) as [string];
    await click('paper_save', paper, USER);
    bot.fake.reset();

    await bot.send(appHomeOpened({ user: USER }));
    const [published] = bot.fake.api('views.publish');
    expect(published!.params.user_id).toBe(USER);
    const view = typeof published!.params.view === 'string' ? JSON.parse(published!.params.view) : published!.params.view;
    expect(view.blocks[0].text.text).toBe('Your reading list');
    expect(
      buttonsIn(view)
        .slice(0, 2)
        .map((x) => [x.action_id, x.value]),
    ).toEqual([
      ['paper_mark_read', paper],
      ['paper_unsave', paper],
    ]);

    bot.fake.reset();
    await click('paper_unsave', paper, USER, { container: { type: 'home' }, blockId: `reading_list|${paper}`, r: null });
    const [again] = bot.fake.api('views.publish');
    const redrawn = typeof again!.params.view === 'string' ? JSON.parse(again!.params.view) : again!.params.view;
    expect(textOf(redrawn)).toContain('Your reading list is empty');
    expect(bot.fake.api('chat.postMessage')).toEqual([]);
    expect(await saved(USER)).toEqual([]);
  });
});
