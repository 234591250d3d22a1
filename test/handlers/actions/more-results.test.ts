import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RESULTS } from '../../../src/config.js';
import { buttonsIn, cardsIn, textOf } from '../../helpers/blocks.js';
import { appHomeOpened, appMention, blockAction, messageShortcut, nextTs } from '../../helpers/payloads.js';
import { startPaperbot, type Paperbot } from '../../helpers/paperbot.js';

/**
 * "1–3 of 8" in a thread is a way on, not a dead end: thread answers (mentions, the message
 * shortcut) and Home-tab searches carry More results. In a thread the next page is shown only to
 * whoever clicks, there in the thread, and pages on and shares from there.
 */

let bot: Paperbot;
beforeAll(async () => {
  bot = await startPaperbot();
});
afterAll(() => bot.close());
afterEach(() => expect(bot.fake.drain()).toEqual([]));

const CHANNEL = 'C0LAN2Q65';
const CLICKER = 'U0CLICKER1';
// Enough results for a thread's page, a page of more, and more again.
const QUERY = 'learning';
const page = (offset: number, limit: number) => bot.deps.search.search(QUERY, { limit, offset }).hits.map((h) => h.paper.id);
const moreButton = (message: Record<string, any>) => buttonsIn(message).find((b) => b.action_id === 'results_more');

/** A mention answered in a new thread: the answer, and that thread. */
async function mentionAnswer(query = QUERY) {
  const parent = nextTs();
  await bot.send(appMention({ words: query, channel: CHANNEL, ts: parent }));
  const [answer] = bot.fake.api('chat.postMessage');
  bot.fake.reset();
  return { answer: answer!, parent };
}

describe('More results on answers in a thread', () => {
  it('a mention’s answer says how many there are and offers the rest, to whoever clicks', async () => {
    const { total } = bot.deps.search.search(QUERY, { limit: 1 });
    expect(total).toBeGreaterThan(RESULTS.threadPageSize);
    const { answer } = await mentionAnswer();
    const text = textOf(answer.params);
    expect(text).toContain(`1–${RESULTS.threadPageSize} of ${total}`);
    expect(moreButton(answer.params)).toMatchObject({ text: { text: 'More results' } });
    expect(text).toContain('More results are shown only to you.');
  });

  it('clicking it shows the next page only to the clicker, in the thread, leaving the answer as it was', async () => {
    const { answer, parent } = await mentionAnswer();
    const more = moreButton(answer.params)!;
    const thread = { type: 'thread', channel: CHANNEL, ts: answer.response!.ts, threadTs: parent } as const;
    await bot.send(blockAction({ actionId: more.action_id, value: more.value, container: thread, responseUrl: bot.fake.responseUrl('more'), user: CLICKER }));

    expect(bot.fake.api('chat.postMessage')).toEqual([]);
    expect(bot.fake.responses('more')).toEqual([]);
    const [ephemeral] = bot.fake.api('chat.postEphemeral');
    expect(ephemeral!.params).toMatchObject({ channel: CHANNEL, user: CLICKER, thread_ts: parent });
    const cards = cardsIn(ephemeral!.params);
    expect(cards.map((c) => c.id)).toEqual(page(RESULTS.threadPageSize, RESULTS.commandPageSize));
    // Results of one's own: Similar too, and More results of their own.
    for (const card of cards) expect(card.buttons).toEqual(['paper_share', 'paper_save', 'paper_abstract', 'paper_similar']);
    expect(textOf(ephemeral!.params)).toContain(`${RESULTS.threadPageSize + 1}–${RESULTS.threadPageSize + cards.length} of`);
  });

  it('that page pages on in place, and Share from it posts into the thread it is in', async () => {
    const { answer, parent } = await mentionAnswer();
    const more = moreButton(answer.params)!;
    await bot.send(
      blockAction({
        actionId: more.action_id,
        value: more.value,
        container: { type: 'thread', channel: CHANNEL, ts: answer.response!.ts, threadTs: parent },
        user: CLICKER,
      }),
    );
    const ephemeral = bot.fake.api('chat.postEphemeral')[0]!.params;
    const ephemeralIn = { type: 'ephemeral', channel: CHANNEL, messageTs: nextTs() } as const;
    // Slack names the thread of an ephemeral message in a thread in the click's container.
    const clickOnPage = (o: { actionId: string; value: string; blockId?: string }, id: string) => {
      const body = blockAction({ ...o, container: ephemeralIn, responseUrl: bot.fake.responseUrl(id), user: CLICKER });
      const form = new URLSearchParams(body.body);
      const payload = JSON.parse(form.get('payload')!);
      payload.container.thread_ts = parent;
      form.set('payload', JSON.stringify(payload));
      return bot.send({ ...body, body: form.toString() });
    };

    const next = moreButton(ephemeral)!;
    await clickOnPage({ actionId: next.action_id, value: next.value }, 'next');
    const [turned] = bot.fake.responses('next');
    expect(turned!.params.replace_original).toBe(true);
    expect(cardsIn(turned!.params).map((c) => c.id)).toEqual(page(RESULTS.threadPageSize + RESULTS.commandPageSize, RESULTS.commandPageSize));

    const card = cardsIn(ephemeral)[0]!;
    await clickOnPage({ actionId: 'paper_share', value: card.id, blockId: card.blockId }, 'share');
    const [shared, abstract] = bot.fake.api('chat.postMessage').map((c) => c.params);
    expect(shared).toMatchObject({ channel: CHANNEL, thread_ts: parent });
    expect(textOf(shared!)).toContain(`Shared by <@${CLICKER}>`);
    expect(abstract).toMatchObject({ channel: CHANNEL, thread_ts: parent });
    const [redrawn] = bot.fake.responses('share');
    expect(textOf(redrawn!.params)).toContain('Shared in this thread');

    // Abstract from that page: for the clicker alone, in the thread.
    bot.fake.reset();
    await clickOnPage({ actionId: 'paper_abstract', value: card.id, blockId: card.blockId }, 'abstract');
    expect(bot.fake.api('chat.postMessage')).toEqual([]);
    expect(bot.fake.api('chat.postEphemeral')[0]!.params).toMatchObject({ channel: CHANNEL, user: CLICKER, thread_ts: parent });
  });

  it('the message shortcut’s answer offers More results too; the last page offers none', async () => {
    await bot.send(messageShortcut({ text: QUERY, responseUrl: bot.fake.responseUrl(), channel: CHANNEL, ts: nextTs() }));
    expect(moreButton(bot.fake.api('chat.postMessage')[0]!.params)).toBeDefined();
    bot.fake.reset();
    // A query with only a few results has no next page to offer.
    const few = bot.deps.search.all()[3]!.id;
    const { answer } = await mentionAnswer(few);
    expect(moreButton(answer.params)).toBeUndefined();
  });
});

describe('More results on Home-tab searches', () => {
  it('an example search arrives in the DM with More results, which turns the page in place', async () => {
    await bot.send(appHomeOpened({ user: CLICKER }));
    const examples = buttonsIn(bot.fake.api('views.publish')[0]!.params.view);
    bot.fake.reset();
    let posted: Record<string, any> | undefined;
    for (const example of examples) {
      await bot.send(blockAction({ actionId: example.action_id, value: example.value, container: { type: 'home' }, user: CLICKER }));
      posted = bot.fake.api('chat.postMessage').at(-1)!.params;
      if (moreButton(posted)) break;
    }
    expect(posted!.channel).toBe(CLICKER);
    const more = moreButton(posted!)!;
    expect(more).toBeDefined();
    for (const card of cardsIn(posted!)) expect(card.buttons).toContain('paper_similar');
    bot.fake.reset();
    await bot.send(
      blockAction({
        actionId: more.action_id,
        value: more.value,
        container: { type: 'thread', channel: 'D0PAPERDM', ts: nextTs() },
        responseUrl: bot.fake.responseUrl('home-more'),
        user: CLICKER,
      }),
    );
    expect(bot.fake.responses('home-more')[0]!.params.replace_original).toBe(true);
    expect(bot.fake.api('chat.postMessage')).toEqual([]);
  });
});
