import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buttonsIn, cardsIn, textOf, unescapeMrkdwn } from '../../helpers/blocks.js';
import { BOT } from '../../helpers/fake-slack.js';
import { appMention, blockAction, nextTs, slashCommand } from '../../helpers/payloads.js';
import { startPaperbot, type Paperbot } from '../../helpers/paperbot.js';

let bot: Paperbot;
beforeAll(async () => {
  bot = await startPaperbot();
});
afterAll(() => bot.close());
afterEach(() => expect(bot.fake.drain()).toEqual([]));

// A channel per test: a paper shared in a channel is not shared there again (see share-memory.test.ts).
let CHANNEL = 'CBR2V3XEX';
let channels = 0;
beforeEach(() => {
  CHANNEL = `CBR2V3X${++channels}`;
});
const SHARER = 'UA8RXUSPL';

async function commandResults(query: string) {
  const res = await bot.send(slashCommand({ text: query, responseUrl: bot.fake.responseUrl(), channel: CHANNEL }));
  return res.json;
}

// Each click on its own results message, as in Slack: the same button clicked twice is one share.
function clickShare(
  card: { id: string; blockId: string | undefined },
  responseUrlId: string,
  container: Parameters<typeof blockAction>[0]['container'] = { type: 'ephemeral', channel: CHANNEL, messageTs: nextTs() },
) {
  return bot.send(
    blockAction({ actionId: 'paper_share', value: card.id, blockId: card.blockId, container, responseUrl: bot.fake.responseUrl(responseUrlId), user: SHARER }),
  );
}

describe('Share from /paper results', () => {
  it('posts the card to the channel crediting the sharer, then the abstract as the first reply in its thread', async () => {
    const results = await commandResults('diffusion');
    const card = cardsIn(results)[1]!;
    const paper = bot.deps.search.get(card.id)!;
    bot.fake.reset();

    await clickShare(card, 'share');
    const posts = bot.fake.api('chat.postMessage');
    expect(posts).toHaveLength(2);
    const [cardPost, abstractPost] = posts.map((p) => p.params);

    expect(cardPost).toMatchObject({ channel: CHANNEL, unfurl_links: 'false' });
    expect(cardPost!.thread_ts).toBeUndefined();
    expect(textOf(cardPost!)).toContain(`Shared by <@${SHARER}>`);
    expect(unescapeMrkdwn(textOf(cardPost!))).toContain(paper.title.slice(0, 40));
    expect(cardPost!.text).toContain(paper.title.slice(0, 40));
    expect(buttonsIn(cardPost!).map((b) => b.action_id)).toEqual(['paper_save']);

    expect(abstractPost!.channel).toBe(CHANNEL);
    // The abstract opens the card's thread: its thread_ts is the ts Slack gave the card.
    expect(abstractPost!.thread_ts).toBe(posts[0]!.response!.ts);
    expect(unescapeMrkdwn(textOf(abstractPost!)).replace(/\s+/g, ' ')).toContain(paper.abstract.slice(0, 200).replace(/\s+/g, ' '));
  });

  it('then redraws the ephemeral results with that card marked shared (and the others still shareable)', async () => {
    const results = await commandResults('diffusion');
    const cards = cardsIn(results);
    await clickShare(cards[1]!, 'share');
    const [update] = bot.fake.responses('share');
    expect(update!.params.replace_original).toBe(true);
    const redrawn = cardsIn(update!.params);
    expect(redrawn.map((c) => c.id)).toEqual(cards.map((c) => c.id));
    expect(redrawn[1]!.buttons).not.toContain('paper_share');
    expect(redrawn[0]!.buttons).toContain('paper_share');
    expect(textOf(update!.params)).toContain('Shared to the channel');

    // Sharing another from the redrawn results keeps both marked.
    await clickShare(redrawn[3]!, 'share2');
    const [second] = bot.fake.responses('share2');
    const again = cardsIn(second!.params);
    expect(again.filter((c) => !c.buttons.includes('paper_share')).map((c) => c.id)).toEqual([cards[1]!.id, cards[3]!.id]);
  });

  it('posts only corpus text: a forged button label or message text in the payload changes nothing', async () => {
    const target = bot.deps.search.all()[5]!;
    const body = blockAction({
      actionId: 'paper_share',
      value: target.id,
      container: { type: 'ephemeral', channel: CHANNEL },
      responseUrl: bot.fake.responseUrl('forged'),
      user: SHARER,
    });
    const forged = new URLSearchParams(body.body);
    const payload = JSON.parse(forged.get('payload')!);
    payload.actions[0].text.text = '<!channel> click here';
    payload.message.text = '<!here> free money <https://evil.example|arxiv.org>';
    forged.set('payload', JSON.stringify(payload));
    await bot.send({ ...body, body: forged.toString() });
    const all = JSON.stringify(bot.fake.api('chat.postMessage').map((c) => c.params));
    expect(all).not.toContain('evil.example');
    expect(all).not.toContain('<!channel>');
    expect(all).not.toContain('<!here>');
    expect(unescapeMrkdwn(all)).toContain(target.title.slice(0, 30));
  });

  it('refuses an unknown paper id without posting', async () => {
    await bot.send(
      blockAction({
        actionId: 'paper_share',
        value: '<!channel>',
        container: { type: 'ephemeral', channel: CHANNEL },
        responseUrl: bot.fake.responseUrl('unknown'),
        user: SHARER,
      }),
    );
    expect(bot.fake.api('chat.postMessage')).toEqual([]);
    const [note] = bot.fake.responses('unknown');
    expect(note!.params).toMatchObject({ response_type: 'ephemeral', replace_original: false });
  });

  it('tells the user to invite the bot when Slack says it is not in the channel', async () => {
    const results = await commandResults('diffusion');
    bot.fake.failNext('chat.postMessage', 'not_in_channel');
    await clickShare(cardsIn(results)[0]!, 'notin');
    const [note] = bot.fake.responses('notin');
    expect(note!.params.response_type).toBe('ephemeral');
    expect(note!.params.text).toContain('/invite @Paperbot');
    expect(bot.fake.api('chat.postMessage')).toHaveLength(1);
  });

  it('still shares when the query was too long to redraw, and says so below', async () => {
    const long = `diffusion ${'model '.repeat(60)}`.trim();
    const results = await commandResults(long);
    const card = cardsIn(results)[0]!;
    expect(card.blockId).toBe('c0');
    await clickShare(card, 'long');
    expect(bot.fake.api('chat.postMessage')).toHaveLength(2);
    const [note] = bot.fake.responses('long');
    expect(note!.params).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(note!.params.text).toContain('Shared');
  });
});

describe('Share clicked twice (a double-click, or Slack delivering the click again)', () => {
  it('posts the card and abstract once; the repeat posts nothing', async () => {
    const card = cardsIn(await commandResults('diffusion'))[2]!;
    bot.fake.reset();
    const container = { type: 'ephemeral', channel: CHANNEL, messageTs: nextTs() } as const;
    await Promise.all([clickShare(card, 'twice1', container), clickShare(card, 'twice2', container)]);
    expect(bot.fake.api('chat.postMessage')).toHaveLength(2);
    expect(bot.logs.filter((l) => /same click again/.test(l.msg))).toHaveLength(1);
    // Later, the paper is known to be shared in this channel: still nothing posted.
    await clickShare(card, 'twice3', container);
    expect(bot.fake.api('chat.postMessage')).toHaveLength(2);
    expect(bot.fake.responses('twice3')).toHaveLength(1);
  });

  it('in a thread too; another user, paper or results message is a share of its own', async () => {
    await bot.send(appMention({ words: 'diffusion', channel: CHANNEL }));
    const [a, b] = cardsIn(bot.fake.api('chat.postMessage')[0]!.params);
    bot.fake.reset();
    const thread = { type: 'thread', channel: CHANNEL, ts: nextTs(), threadTs: '1515449483.000108' } as const;
    await clickShare(a!, 't1', thread);
    await clickShare(a!, 't2', thread);
    expect(bot.fake.api('chat.postMessage')).toHaveLength(2);
    await clickShare(b!, 't3', thread);
    // `a` is now shared in this channel: sharing it again takes "Share again anyway".
    const again = (responseUrl: string, container: typeof thread, user: string) =>
      bot.send(
        blockAction({ actionId: 'paper_share_again', value: a!.id, blockId: a!.blockId, container, responseUrl: bot.fake.responseUrl(responseUrl), user }),
      );
    await again('t4', thread, 'U0SOMEONE');
    await again('t5', { ...thread, ts: nextTs() }, SHARER);
    expect(bot.fake.api('chat.postMessage')).toHaveLength(8);
  });

  it('a share that failed may be clicked again', async () => {
    const card = cardsIn(await commandResults('diffusion'))[3]!;
    const container = { type: 'ephemeral', channel: CHANNEL, messageTs: nextTs() } as const;
    bot.fake.failNext('chat.postMessage', 'not_in_channel');
    await clickShare(card, 'retry1', container);
    await clickShare(card, 'retry2', container);
    expect(bot.fake.delivered('chat.postMessage').filter((c) => c.response?.ok)).toHaveLength(2);
  });
});

describe('Share from results in a thread', () => {
  it('posts the card and then the abstract into that same thread', async () => {
    const parent = '1515449483.000108';
    await bot.send(appMention({ words: 'diffusion', channel: CHANNEL, ts: '1515449490.000200', threadTs: parent }));
    const [results] = bot.fake.api('chat.postMessage');
    expect(results!.params.thread_ts).toBe(parent);
    const card = cardsIn(results!.params)[0]!;
    bot.fake.reset();

    await clickShare(card, 'thread', { type: 'thread', channel: CHANNEL, ts: '1700000000.000009', threadTs: parent });
    const [cardPost, abstractPost] = bot.fake.api('chat.postMessage').map((c) => c.params);
    expect(cardPost).toMatchObject({ channel: CHANNEL, thread_ts: parent });
    expect(textOf(cardPost!)).toContain(`Shared by <@${SHARER}>`);
    expect(abstractPost).toMatchObject({ channel: CHANNEL, thread_ts: parent });
    expect(textOf(abstractPost!)).toContain('*Abstract*');
    const [update] = bot.fake.responses('thread');
    expect(textOf(update!.params)).toContain('Shared in this thread');
  });

  it('never credits the bot itself', async () => {
    await bot.send(appMention({ words: 'speech', channel: CHANNEL }));
    const card = cardsIn(bot.fake.api('chat.postMessage')[0]!.params)[0]!;
    bot.fake.reset();
    await clickShare(card, 'credit', { type: 'thread', channel: CHANNEL, ts: '1700000000.000009', threadTs: '1515449483.000108' });
    expect(JSON.stringify(bot.fake.api('chat.postMessage'))).not.toContain(BOT.userId);
  });
});
