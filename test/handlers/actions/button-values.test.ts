import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { blockAction, type Container } from '../../helpers/payloads.js';
import { startPaperbot, type Paperbot } from '../../helpers/paperbot.js';

let bot: Paperbot;
beforeAll(async () => {
  bot = await startPaperbot();
});
afterAll(() => bot.close());
afterEach(() => expect(bot.fake.drain()).toEqual([]));

const EPHEMERAL: Container = { type: 'ephemeral', channel: 'C2147483705' };
const THREAD: Container = { type: 'thread', channel: 'C0LAN2Q65', ts: '1700000000.000042', threadTs: '1515449483.000108' };
const posted = () => [...bot.fake.api('chat.postMessage'), ...bot.fake.api('views.publish')];

describe('button values are looked up, never trusted', () => {
  const crafted: [string, string, string][] = [
    ['Share', 'paper_share', 'no-such-paper'],
    ['Share', 'paper_share', '<!channel> hello'],
    ['Abstract', 'paper_abstract', '../../etc/passwd'],
    ['Similar', 'paper_similar', ''],
    ['More results', 'results_more', 'not-a-view'],
    ['More results', 'results_more', 'p:some-paper'],
    ['Did you mean', 'results_suggestion', 's:x:diffusion'],
    ['an example', 'home_example', 'a:'],
  ];
  for (const [button, actionId, value] of crafted) {
    it(`${button} with ${JSON.stringify(value)}: posts nothing, tells the clicker it expired`, async () => {
      const res = await bot.send(blockAction({ actionId, value, container: EPHEMERAL, responseUrl: bot.fake.responseUrl('x') }));
      expect(res.status).toBe(200);
      expect(posted()).toEqual([]);
      const [note] = bot.fake.responses('x');
      expect(note!.params).toMatchObject({ response_type: 'ephemeral', replace_original: false });
      expect(note!.params.text).toContain('expired');
    });
  }

  it('only an exact paper id counts: an arXiv URL that would resolve to a paper does not', async () => {
    const paper = bot.deps.search.all().find((p) => p.arxivId)!;
    expect(bot.deps.search.get(`https://arxiv.org/abs/${paper.arxivId}`)?.id).toBe(paper.id);
    await bot.send(
      blockAction({ actionId: 'paper_share', value: `https://arxiv.org/abs/${paper.arxivId}`, container: EPHEMERAL, responseUrl: bot.fake.responseUrl('url') }),
    );
    expect(posted()).toEqual([]);
    expect(bot.fake.responses('url')[0]!.params.text).toContain('expired');
  });

  it('in a thread with no response_url: told ephemerally in that thread, nothing posted there', async () => {
    await bot.send(blockAction({ actionId: 'paper_abstract', value: 'gone-paper', container: THREAD, user: 'U0CLICKER' }));
    expect(bot.fake.api('chat.postMessage')).toEqual([]);
    const [note] = bot.fake.api('chat.postEphemeral');
    expect(note!.params).toMatchObject({ channel: 'C0LAN2Q65', user: 'U0CLICKER', thread_ts: '1515449483.000108' });
    expect(note!.params.text).toContain('expired');
  });

  it('on the Home tab: told in their DM with the app', async () => {
    await bot.send(blockAction({ actionId: 'home_example', value: 'garbage', container: { type: 'home' }, user: 'U0HOMEUSER' }));
    const [note] = bot.fake.api('chat.postMessage');
    expect(note!.params.channel).toBe('U0HOMEUSER');
    expect(note!.params.text).toContain('expired');
  });

  it('a value longer than any button of ours can carry is refused as unreadable', async () => {
    await bot.send(blockAction({ actionId: 'paper_share', value: 'x'.repeat(5000), container: EPHEMERAL, responseUrl: bot.fake.responseUrl('long') }));
    expect(posted()).toEqual([]);
    expect(bot.fake.responses('long')[0]!.params.text).toContain('couldn’t read');
  });

  it('a real paper id still works (the check is not a wall)', async () => {
    const paper = bot.deps.search.all()[1]!;
    await bot.send(blockAction({ actionId: 'paper_abstract', value: paper.id, container: EPHEMERAL, responseUrl: bot.fake.responseUrl('ok') }));
    expect(bot.fake.responses('ok')[0]!.params.text).not.toContain('expired');
  });
});
