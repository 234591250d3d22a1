import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RESULTS } from '../../../src/config.js';
import { cardsIn, textOf } from '../../helpers/blocks.js';
import { BOT } from '../../helpers/fake-slack.js';
import { appMention, directMessage } from '../../helpers/payloads.js';
import { startPaperbot, type Paperbot } from '../../helpers/paperbot.js';

let bot: Paperbot;
beforeAll(async () => {
  bot = await startPaperbot();
});
afterAll(() => bot.close());
afterEach(() => expect(bot.fake.drain()).toEqual([]));

const CHANNEL = 'C0LAN2Q65';
const topIds = (query: string) => bot.deps.search.search(query, { limit: RESULTS.threadPageSize }).hits.map((h) => h.paper.id);

describe('@Paperbot in a channel or thread', () => {
  it('answers a top-level mention in a new thread under it, with up to 3 results carrying Share, Save and Abstract', async () => {
    const res = await bot.send(appMention({ words: 'speech recognition', channel: CHANNEL, ts: '1515449483.000108' }));
    expect(res.status).toBe(200);
    const posts = bot.fake.api('chat.postMessage');
    expect(posts).toHaveLength(1);
    const reply = posts[0]!;
    expect(reply.params).toMatchObject({ channel: CHANNEL, thread_ts: '1515449483.000108' });
    expect(reply.authorization).toBe('Bearer xoxb-1234-5678-paperbottesttoken');
    const cards = cardsIn(reply.params);
    expect(cards.map((c) => c.id)).toEqual(topIds('speech recognition'));
    expect(cards.length).toBeLessThanOrEqual(3);
    for (const card of cards) expect(card.buttons).toEqual(['paper_share', 'paper_save', 'paper_abstract']);
    expect(reply.params.text).toMatch(/^Papers for "speech recognition"/);
  });

  it('does not answer a mention that another bot posted', async () => {
    await bot.send(appMention({ words: 'diffusion', channel: CHANNEL, extra: { bot_id: 'B0OTHERBOT' } }));
    expect(bot.fake.api('chat.postMessage')).toEqual([]);
    await bot.send(appMention({ words: 'diffusion', channel: CHANNEL }));
    expect(bot.fake.api('chat.postMessage')).toHaveLength(1);
  });

  it('answers a mention inside a thread in that thread', async () => {
    await bot.send(appMention({ words: 'diffusion', channel: CHANNEL, ts: '1515449499.000300', threadTs: '1515449483.000108' }));
    expect(bot.fake.api('chat.postMessage')[0]!.params.thread_ts).toBe('1515449483.000108');
  });

  it('answers a mention with no words with a short help in the thread', async () => {
    await bot.send(appMention({ words: '', channel: CHANNEL, ts: '1515449483.000555' }));
    const [reply] = bot.fake.api('chat.postMessage');
    expect(reply!.params.thread_ts).toBe('1515449483.000555');
    expect(textOf(reply!.params)).toContain('Ask me about papers');
    expect(cardsIn(reply!.params)).toEqual([]);
  });

  it('understands the same sub-commands as /paper (similar, an arXiv link as Slack formats it)', async () => {
    const target = bot.deps.search.all()[7]!;
    await bot.send(appMention({ words: `similar ${target.id}`, channel: CHANNEL }));
    await bot.send(appMention({ words: `<https://arxiv.org/abs/${target.arxivId}>`, channel: CHANNEL }));
    const [similar, direct] = bot.fake.api('chat.postMessage');
    expect(cardsIn(similar!.params).map((c) => c.id)).toEqual(bot.deps.search.similar(target.id, RESULTS.threadPageSize).map((h) => h.paper.id));
    expect(cardsIn(direct!.params).map((c) => c.id)).toEqual([target.id]);
  });

  it('never lets the asker’s words become a broadcast', async () => {
    await bot.send(appMention({ words: 'zzqxv <!channel> <!here> &lt;!everyone&gt; @here', channel: CHANNEL }));
    const [reply] = bot.fake.api('chat.postMessage');
    const shown = `${reply!.params.text}\n${textOf(reply!.params)}`;
    expect(shown).not.toMatch(/<!(channel|here|everyone)>/);
    expect(shown).toContain('&lt;!everyone&gt;');
    expect(shown).not.toMatch(/@here/);
  });
});

describe('direct messages to the bot', () => {
  it('are answered in the conversation itself (direct-message.test.ts has the rest)', async () => {
    await bot.send(directMessage({ text: 'diffusion', channel: 'D0PAPERDM', ts: '1515449600.000100' }));
    const [reply] = bot.fake.api('chat.postMessage');
    expect(reply!.params).toMatchObject({ channel: 'D0PAPERDM' });
    expect(reply!.params.thread_ts).toBeUndefined();
    expect(cardsIn(reply!.params).map((c) => c.id)).toEqual(topIds('diffusion'));
  });

  it('ignore bot messages, edits and other subtypes, and the bot’s own messages', async () => {
    await bot.send(directMessage({ text: 'diffusion', extra: { bot_id: 'B0OTHER', subtype: 'bot_message' } }));
    await bot.send(directMessage({ text: 'diffusion', extra: { bot_id: 'B0OTHER' } }));
    await bot.send(directMessage({ text: 'diffusion', extra: { subtype: 'message_changed' } }));
    await bot.send(directMessage({ text: 'diffusion', user: BOT.userId }));
    await bot.send(directMessage({ text: 'diffusion', extra: { channel_type: 'channel' } }));
    expect(bot.fake.api('chat.postMessage')).toEqual([]);
  });
});
