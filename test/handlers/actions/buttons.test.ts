import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RESULTS } from '../../../src/config.js';
import { cardsIn, textOf, unescapeMrkdwn } from '../../helpers/blocks.js';
import { blockAction } from '../../helpers/payloads.js';
import { startPaperbot, type Paperbot } from '../../helpers/paperbot.js';

let bot: Paperbot;
beforeAll(async () => {
  bot = await startPaperbot();
});
afterAll(() => bot.close());
afterEach(() => expect(bot.fake.drain()).toEqual([]));

const flat = (s: string) => unescapeMrkdwn(s).replace(/\s+/g, ' ');
const EPHEMERAL = { type: 'ephemeral', channel: 'C2147483705' } as const;
const THREAD = { type: 'thread', channel: 'C0LAN2Q65', ts: '1700000000.000042', threadTs: '1515449483.000108' } as const;

describe('Abstract', () => {
  it('under /paper results: the full abstract in a new ephemeral message, the results kept', async () => {
    const paper = bot.deps.search.all().find((p) => p.abstract.length > 1500)!;
    await bot.send(blockAction({ actionId: 'paper_abstract', value: paper.id, container: EPHEMERAL, responseUrl: bot.fake.responseUrl('abs') }));
    const [reply] = bot.fake.responses('abs');
    expect(reply!.params).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(flat(textOf(reply!.params))).toContain(flat(paper.abstract));
    expect(cardsIn(reply!.params)[0]!.buttons).toEqual(['paper_share', 'paper_save', 'paper_similar']);
    expect(bot.fake.api('chat.postMessage')).toEqual([]);
  });

  it('in a thread: posted in that thread', async () => {
    const paper = bot.deps.search.all()[2]!;
    await bot.send(blockAction({ actionId: 'paper_abstract', value: paper.id, container: THREAD, responseUrl: bot.fake.responseUrl('tabs') }));
    const [post] = bot.fake.api('chat.postMessage');
    expect(post!.params).toMatchObject({ channel: 'C0LAN2Q65', thread_ts: '1515449483.000108' });
    expect(flat(textOf(post!.params))).toContain(flat(paper.abstract));
    expect(bot.fake.responses('tabs')).toEqual([]);
  });

  it('escapes the corpus’s own angle brackets (the <projektor> paper)', async () => {
    const paper = bot.deps.search.all().find((p) => p.abstract.includes('<projektor>'))!;
    await bot.send(blockAction({ actionId: 'paper_abstract', value: paper.id, container: EPHEMERAL, responseUrl: bot.fake.responseUrl('proj') }));
    const shown = textOf(bot.fake.responses('proj')[0]!.params);
    expect(shown).toContain('&lt;projektor&gt;');
    expect(shown).not.toContain('<projektor>');
  });
});

describe('Similar', () => {
  it('under /paper results: similar papers in a new ephemeral message', async () => {
    const paper = bot.deps.search.all()[10]!;
    await bot.send(blockAction({ actionId: 'paper_similar', value: paper.id, container: EPHEMERAL, responseUrl: bot.fake.responseUrl('sim') }));
    const [reply] = bot.fake.responses('sim');
    expect(reply!.params).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(cardsIn(reply!.params).map((c) => c.id)).toEqual(bot.deps.search.similar(paper.id, RESULTS.commandPageSize).map((h) => h.paper.id));
  });

  it('in a thread: posted in that thread, as many as a thread shows', async () => {
    const paper = bot.deps.search.all()[10]!;
    await bot.send(blockAction({ actionId: 'paper_similar', value: paper.id, container: THREAD, responseUrl: bot.fake.responseUrl() }));
    const [post] = bot.fake.api('chat.postMessage');
    expect(post!.params.thread_ts).toBe('1515449483.000108');
    expect(cardsIn(post!.params).map((c) => c.id)).toEqual(bot.deps.search.similar(paper.id, RESULTS.threadPageSize).map((h) => h.paper.id));
  });

  it('for a paper no longer in the corpus: says so', async () => {
    await bot.send(blockAction({ actionId: 'paper_similar', value: 'no-such-paper', container: EPHEMERAL, responseUrl: bot.fake.responseUrl('gone') }));
    expect(bot.fake.responses('gone')[0]!.params.text).toContain('no longer in the corpus');
  });
});
