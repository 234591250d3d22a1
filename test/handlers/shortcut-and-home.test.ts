import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RESULTS } from '../../src/config.js';
import { buttonsIn, cardsIn, textOf } from '../helpers/blocks.js';
import { appHomeOpened, blockAction, messageShortcut } from '../helpers/payloads.js';
import { startPaperbot, type Paperbot } from '../helpers/paperbot.js';

let bot: Paperbot;
beforeAll(async () => {
  bot = await startPaperbot();
});
afterAll(() => bot.close());
afterEach(() => expect(bot.fake.drain()).toEqual([]));

const topIds = (query: string) => bot.deps.search.search(query, { limit: RESULTS.threadPageSize }).hits.map((h) => h.paper.id);

describe('the Find papers message shortcut', () => {
  it("searches for the message's text and answers in that message's thread", async () => {
    const res = await bot.send(
      messageShortcut({
        text: 'Has anyone read about speech recognition?',
        responseUrl: bot.fake.responseUrl('sc'),
        channel: 'C0SHORT',
        ts: '1516229207.000133',
      }),
    );
    expect(res.status).toBe(200);
    const [post] = bot.fake.api('chat.postMessage');
    expect(post!.params).toMatchObject({ channel: 'C0SHORT', thread_ts: '1516229207.000133' });
    expect(cardsIn(post!.params).map((c) => c.id)).toEqual(topIds('Has anyone read about speech recognition?'));
    expect(bot.fake.responses('sc')).toEqual([]);
  });

  it('on a message inside a thread, answers in that thread', async () => {
    await bot.send(
      messageShortcut({ text: 'diffusion', responseUrl: bot.fake.responseUrl(), channel: 'C0SHORT', ts: '1516229300.000200', threadTs: '1516229207.000133' }),
    );
    expect(bot.fake.api('chat.postMessage')[0]!.params.thread_ts).toBe('1516229207.000133');
  });

  it('treats the words as a query, never as a sub-command', async () => {
    await bot.send(messageShortcut({ text: 'help', responseUrl: bot.fake.responseUrl(), channel: 'C0SHORT' }));
    const [post] = bot.fake.api('chat.postMessage');
    expect(textOf(post!.params)).not.toContain('Query syntax');
  });

  it('says so, only to the user, when the message has no text', async () => {
    await bot.send(messageShortcut({ text: '', responseUrl: bot.fake.responseUrl('empty'), channel: 'C0SHORT' }));
    expect(bot.fake.api('chat.postMessage')).toEqual([]);
    expect(bot.fake.responses('empty')[0]!.params).toMatchObject({ response_type: 'ephemeral', text: 'That message has no text to search for.' });
  });

  it('asks to be invited when it cannot post in the channel', async () => {
    bot.fake.failNext('chat.postMessage', 'channel_not_found');
    await bot.send(messageShortcut({ text: 'diffusion', responseUrl: bot.fake.responseUrl('priv'), channel: 'G0PRIVATE' }));
    expect(bot.fake.responses('priv')[0]!.params.text).toContain('/invite @Paperbot');
  });
});

describe('the App Home tab', () => {
  it('publishes what Paperbot does, how to use it, the corpus, and example searches', async () => {
    await bot.send(appHomeOpened({ user: 'W0HOMEUSER' }));
    const [publish] = bot.fake.api('views.publish');
    expect(publish!.params.user_id).toBe('W0HOMEUSER');
    const view = publish!.params.view;
    expect(view.type).toBe('home');
    const text = textOf(view);
    expect(text).toContain('Paperbot finds research papers');
    expect(text).toContain('/paper');
    expect(text).toContain(`*${bot.deps.search.size} papers*`);
    for (const source of bot.deps.corpusSummary.sources) expect(text).toContain(source);
    expect(buttonsIn(view).map((b) => b.text.text)).toEqual([...RESULTS.exampleQueries]);
  });

  it('does nothing when the Messages tab is opened', async () => {
    await bot.send(appHomeOpened({ tab: 'messages' }));
    expect(bot.fake.calls).toEqual([]);
  });

  it("an example button runs that search and posts the results in the user's DM with the app", async () => {
    await bot.send(appHomeOpened({ user: 'W0HOMEUSER' }));
    const example = buttonsIn(bot.fake.api('views.publish')[0]!.params.view)[0]!;
    bot.fake.reset();
    await bot.send(blockAction({ actionId: example.action_id, value: example.value, container: { type: 'home' }, user: 'W0HOMEUSER' }));
    const [post] = bot.fake.api('chat.postMessage');
    expect(post!.params.channel).toBe('W0HOMEUSER');
    expect(post!.params.thread_ts).toBeUndefined();
    const expected = topIds(RESULTS.exampleQueries[0]);
    if (expected.length > 0) expect(cardsIn(post!.params).map((c) => c.id)).toEqual(expected);
    else expect(textOf(post!.params)).toContain('No papers match');
  });
});
