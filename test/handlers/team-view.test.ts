import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as slack from '../../src/slack-stand-in/payloads.js';
import { recordShare } from '../../src/store/team-memory.js';
import { cardsIn, textOf } from '../helpers/blocks.js';
import { appHomeOpened, blockAction, channelMessage, nextTs, slashCommand } from '../helpers/payloads.js';
import { startPaperbot, type Paperbot } from '../helpers/paperbot.js';

/** The team's view end to end: `/paper shared` and `/paper top` through the real Bolt receiver, a real SQLite store, a fake Slack. */
let bot: Paperbot;
beforeAll(async () => {
  bot = await startPaperbot();
});
afterAll(() => bot.close());
afterEach(() => expect(bot.fake.drain()).toEqual([]));

const CHANNEL = 'C0TEAMVIEW';
const ALICE = 'U0ALICE01';
const WS = { teamId: slack.EXAMPLE_TEAM.teamId, enterpriseId: null };

async function command(text: string, user = ALICE, team = slack.EXAMPLE_TEAM) {
  const body =
    team === slack.EXAMPLE_TEAM
      ? slashCommand({ text, user, responseUrl: bot.fake.responseUrl(), channel: CHANNEL })
      : slack.slashCommand({ team, command: '/paper', text, user, responseUrl: bot.fake.responseUrl(), channel: CHANNEL });
  return (await bot.send(body)).json;
}

const click = (actionId: string, value: string, user: string) =>
  bot.send(
    blockAction({ actionId, value, user, container: { type: 'ephemeral', channel: CHANNEL, messageTs: nextTs() }, responseUrl: bot.fake.responseUrl() }),
  );

describe('the team’s view', () => {
  let p1 = '';
  let p2 = '';
  let old = '';

  it('/paper shared lists the period’s shares newest first: who, where, how much discussion; `all` goes back further', async () => {
    [p1, p2, old] = cardsIn(await command('diffusion')).map((c) => c.id) as [string, string, string];
    await click('paper_share', p1, ALICE);
    const cardTs = bot.fake.api('chat.postMessage')[0]!.response!.ts as string;
    for (const user of ['U0BOB0001', 'U0CAROL01']) {
      await bot.send(channelMessage({ text: 'nice', channel: CHANNEL, threadTs: cardTs, ts: nextTs(), user }));
    }
    // A share from two months ago, as an earlier instance would have stored it.
    const longAgo = new Date(Date.now() - 60 * 86_400_000);
    await recordShare(
      bot.library.library.store,
      WS,
      { channel: CHANNEL, messageTs: '1500000000.000100', permalink: null, paperId: old, userId: 'U0BOB0001' },
      longAgo,
    );
    bot.fake.reset();

    const month = await command('shared');
    expect(month.response_type).toBe('ephemeral');
    const text = textOf(month);
    expect(text).toContain('Shared in this workspace in the last 30 days');
    expect(text).toContain(`in <#${CHANNEL}> by <@${ALICE}>`);
    expect(text).toContain('· 2 replies');
    expect(month.text).not.toContain(bot.deps.search.get(old)!.title.slice(0, 30));

    const all = await command('shared all');
    expect(textOf(all)).toContain('so far');
    expect(all.text).toContain(bot.deps.search.get(old)!.title.slice(0, 30));
    expect(all.text.indexOf(bot.deps.search.get(p1)!.title.slice(0, 30))).toBeLessThan(all.text.indexOf(bot.deps.search.get(old)!.title.slice(0, 30)));
  });

  it('/paper top ranks the most discussed and the most saved papers, showing the signal', async () => {
    await click('paper_save', p2, ALICE);
    await click('paper_save', p2, 'U0BOB0001');
    await click('paper_save', p1, 'U0BOB0001');
    bot.fake.reset();

    const top = await command('top');
    const text = textOf(top);
    expect(text).toContain('Top papers in this workspace in the last 7 days');
    expect(text).toMatch(/\*Most discussed\*\n1\. .+ · 2 replies in 1 share/);
    expect(text).toMatch(/\*Most saved\*\n1\. .+ · saved by 2 people\n2\. .+ · saved by 1 person/);
    expect(text.indexOf(p2)).toBeLessThan(text.lastIndexOf(p1));
    expect(textOf(await command('top month'))).toContain('in the last 30 days');
  });

  it('the App Home tab shows the week’s top papers under the reading list', async () => {
    bot.fake.reset();
    await bot.send(appHomeOpened({ user: ALICE }));
    const [published] = bot.fake.api('views.publish');
    const view = typeof published!.params.view === 'string' ? JSON.parse(published!.params.view) : published!.params.view;
    const text = textOf(view);
    expect(text.indexOf('Your reading list')).toBeLessThan(text.indexOf('Top papers in this workspace in the last 7 days'));
    expect(text).toContain('· saved by 2 people');
    expect(text).toContain('· 2 replies in 1 share');
  });

  it('another workspace sees none of it; "shared <words>" is still a search', async () => {
    const other = { ...slack.EXAMPLE_TEAM, teamId: 'T0ELSEWHERE' };
    expect(textOf(await command('shared all', ALICE, other))).toContain('Nothing was shared');
    expect(textOf(await command('top', ALICE, other))).toContain('Nothing was saved in this period');
    expect(textOf(await command('shared autonomy'))).not.toContain('Shared in this workspace');
  });
});
