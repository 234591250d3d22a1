import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RESULTS } from '../../../src/config.js';
import { shareToBlockId } from '../../../src/render/share.js';
import * as slack from '../../../src/slack-stand-in/payloads.js';
import { buttonsIn, cardsIn, textOf, unescapeMrkdwn } from '../../helpers/blocks.js';
import { BOT } from '../../helpers/fake-slack.js';
import { blockAction, directMessage, nextTs } from '../../helpers/payloads.js';
import { startPaperbot, type Paperbot } from '../../helpers/paperbot.js';

/**
 * Direct messages to the bot, through the real Bolt receiver: a one-to-one chat, so answers stand
 * in the conversation itself, page on in place, and Share asks which channel to share to.
 */

let bot: Paperbot;
beforeAll(async () => {
  bot = await startPaperbot();
});
afterAll(() => bot.close());
afterEach(() => expect(bot.fake.drain()).toEqual([]));

const DM = 'D0PAPERDM';
const ASKER = 'U0ASKER01';
const topIds = (query: string, offset = 0) => bot.deps.search.search(query, { limit: RESULTS.threadPageSize, offset }).hits.map((h) => h.paper.id);

/** Asks in the DM and returns the answer as posted. */
async function ask(text: string, threadTs?: string) {
  await bot.send(directMessage({ text, channel: DM, user: ASKER, ts: nextTs(), threadTs }));
  const posts = bot.fake.api('chat.postMessage');
  expect(posts).toHaveLength(1);
  const answer = posts[0]!;
  bot.fake.reset();
  return answer;
}

/** A click on the DM answer posted at `ts` (a message in the conversation, not ephemeral). */
const clickInDm = (ts: string, o: { actionId: string; value: string; blockId?: string; responseUrl: string }) =>
  bot.send(blockAction({ ...o, container: { type: 'thread', channel: DM, ts }, responseUrl: bot.fake.responseUrl(o.responseUrl), user: ASKER }));

/** A pick in Share's channel picker, as Slack sends it. */
function pickChannel(paperId: string, channel: string, responseUrlId: string, messageTs = nextTs()) {
  const element = { type: 'conversations_select', action_id: 'paper_share_to', placeholder: { type: 'plain_text', text: 'Pick a channel' } };
  const request = slack.blockActions({
    user: ASKER,
    element,
    selected: channel,
    blockId: shareToBlockId(paperId),
    where: {
      type: 'message',
      channel: DM,
      channelName: 'directmessage',
      message: { ts: messageTs, ephemeral: true },
      responseUrl: bot.fake.responseUrl(responseUrlId),
    },
  });
  return bot.send(request);
}

describe('a direct message to the bot', () => {
  it('is answered in the conversation itself, not in a thread under the question', async () => {
    const answer = await ask('diffusion');
    expect(answer.params.channel).toBe(DM);
    expect(answer.params.thread_ts).toBeUndefined();
    expect(cardsIn(answer.params).map((c) => c.id)).toEqual(topIds('diffusion'));
  });

  it('asked inside a thread of the DM, is answered in that thread', async () => {
    const answer = await ask('diffusion', '1515449600.000100');
    expect(answer.params.thread_ts).toBe('1515449600.000100');
  });

  it('with no words, gets a hint about sending words (not about mentioning)', async () => {
    const answer = await ask('   ');
    const text = textOf(answer.params);
    expect(text).toContain('send me some words');
    expect(text).not.toContain('@Paperbot diffusion');
    expect(answer.params.text).toContain('send me some words');
  });

  it('shows Share, Save, Abstract and Similar on each card, and More results that pages on in place', async () => {
    const total = bot.deps.search.search('learning', { limit: 1 }).total;
    expect(total).toBeGreaterThan(RESULTS.threadPageSize);
    const answer = await ask('learning');
    for (const card of cardsIn(answer.params)) expect(card.buttons).toEqual(['paper_share', 'paper_save', 'paper_abstract', 'paper_similar']);
    expect(textOf(answer.params)).toContain(`1–${RESULTS.threadPageSize} of ${total}`);
    const more = buttonsIn(answer.params).find((b) => b.action_id === 'results_more')!;
    expect(more.text.text).toBe('More results');

    await clickInDm(answer.response!.ts, { actionId: more.action_id, value: more.value, responseUrl: 'dm-more' });
    const [page] = bot.fake.responses('dm-more');
    expect(page!.params.replace_original).toBe(true);
    expect(cardsIn(page!.params).map((c) => c.id)).toEqual(topIds('learning', RESULTS.threadPageSize));
    expect(bot.fake.api('chat.postMessage')).toEqual([]);
  });

  it('Abstract and Similar answer in the conversation too, not in a thread under the answer', async () => {
    const answer = await ask('speech recognition');
    const card = cardsIn(answer.params)[0]!;
    const paper = bot.deps.search.get(card.id)!;
    await clickInDm(answer.response!.ts, { actionId: 'paper_abstract', value: card.id, blockId: card.blockId, responseUrl: 'dm-abs' });
    await clickInDm(answer.response!.ts, { actionId: 'paper_similar', value: card.id, blockId: card.blockId, responseUrl: 'dm-sim' });
    const [abstract, similar] = bot.fake.api('chat.postMessage');
    expect(abstract!.params).toMatchObject({ channel: DM });
    expect(abstract!.params.thread_ts).toBeUndefined();
    expect(unescapeMrkdwn(textOf(abstract!.params))).toContain(paper.abstract.slice(0, 60));
    expect(similar!.params.thread_ts).toBeUndefined();
    expect(cardsIn(similar!.params).map((c) => c.id)).toEqual(bot.deps.search.similar(card.id, RESULTS.threadPageSize).map((h) => h.paper.id));
  });
});

describe('Share in a direct message', () => {
  it('posts nothing in the DM: it asks, only the sharer, which channel to share to', async () => {
    const answer = await ask('diffusion');
    const card = cardsIn(answer.params)[1]!;
    await clickInDm(answer.response!.ts, { actionId: 'paper_share', value: card.id, blockId: card.blockId, responseUrl: 'dm-share' });
    expect(bot.fake.api('chat.postMessage')).toEqual([]);
    const [picker] = bot.fake.responses('dm-share');
    expect(picker!.params).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    const [section] = picker!.params.blocks;
    expect(section).toMatchObject({
      type: 'section',
      block_id: shareToBlockId(card.id),
      accessory: { type: 'conversations_select', action_id: 'paper_share_to', filter: { include: ['public', 'private'], exclude_bot_users: true } },
    });
    expect(unescapeMrkdwn(textOf(picker!.params))).toContain(bot.deps.search.get(card.id)!.title.slice(0, 30));
  });

  it('picking a channel posts the card there, credited, with the abstract in its thread, and the picker says so', async () => {
    const paper = bot.deps.search.all()[4]!;
    await pickChannel(paper.id, 'C0PICKED01', 'pick');
    const [card, abstract] = bot.fake.api('chat.postMessage').map((c) => c.params);
    expect(card).toMatchObject({ channel: 'C0PICKED01' });
    expect(card!.thread_ts).toBeUndefined();
    expect(textOf(card!)).toContain(`Shared by <@${ASKER}>`);
    expect(abstract).toMatchObject({ channel: 'C0PICKED01', thread_ts: bot.fake.api('chat.postMessage')[0]!.response!.ts });
    const [done] = bot.fake.responses('pick');
    expect(done!.params.replace_original).toBe(true);
    expect(textOf(done!.params)).toContain('Shared *');
    expect(done!.params.text).toContain('to the channel you picked');
  });

  it('the same pick again (Slack delivering it twice) posts nothing more', async () => {
    const paper = bot.deps.search.all()[5]!;
    const ts = nextTs();
    await Promise.all([pickChannel(paper.id, 'C0PICKED02', 'twice1', ts), pickChannel(paper.id, 'C0PICKED02', 'twice2', ts)]);
    expect(bot.fake.api('chat.postMessage')).toHaveLength(2);
  });

  it('a private channel Paperbot is not in: the sharer is told to invite it, and may pick again', async () => {
    const paper = bot.deps.search.all()[6]!;
    const ts = nextTs();
    bot.fake.failNext('chat.postMessage', 'channel_not_found');
    await pickChannel(paper.id, 'G0PRIVATE1', 'private', ts);
    const [note] = bot.fake.responses('private');
    expect(note!.params).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(note!.params.text).toContain('/invite @Paperbot');
    await pickChannel(paper.id, 'G0PRIVATE1', 'again', ts);
    expect(bot.fake.delivered('chat.postMessage').filter((c) => c.response?.ok)).toHaveLength(2);
  });

  it('refuses a DM as the target and a paper it does not know, posting nothing', async () => {
    await pickChannel(bot.deps.search.all()[0]!.id, 'D0SOMEONE1', 'to-dm');
    await pickChannel('no-such-paper', 'C0PICKED03', 'unknown');
    expect(bot.fake.api('chat.postMessage')).toEqual([]);
    expect(bot.fake.responses('to-dm')[0]!.params.text).toContain('can’t post in that channel');
    expect(bot.fake.responses('unknown')[0]!.params.text).toContain('expired');
  });

  it('never credits the bot, and posts only corpus text', async () => {
    const paper = bot.deps.search.all()[8]!;
    await pickChannel(paper.id, 'C0PICKED04', 'credit');
    const posted = JSON.stringify(bot.fake.api('chat.postMessage').map((c) => c.params));
    expect(posted).not.toContain(BOT.userId);
    expect(unescapeMrkdwn(posted)).toContain(paper.title.slice(0, 30));
  });
});
