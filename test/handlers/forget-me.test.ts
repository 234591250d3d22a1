import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as slack from '../../src/slack-stand-in/payloads.js';
import { savedPapers, sharesOf } from '../../src/store/team-memory.js';
import { buttonsIn, cardsIn, textOf } from '../helpers/blocks.js';
import { appMention, blockAction, nextTs, slashCommand } from '../helpers/payloads.js';
import { startPaperbot, type Paperbot } from '../helpers/paperbot.js';

/** `/paper forget me` end to end: the real Bolt receiver, a real SQLite store, a fake Slack. */
let bot: Paperbot;
beforeAll(async () => {
  bot = await startPaperbot();
});
afterAll(() => bot.close());
afterEach(() => expect(bot.fake.drain()).toEqual([]));

const CHANNEL = 'C0FORGET1';
const ALICE = 'U0ALICE01';
const BOB = 'U0BOB0001';
const WS = { teamId: slack.EXAMPLE_TEAM.teamId, enterpriseId: null };
const store = () => bot.library.library.store;

const command = async (text: string, user: string) =>
  (await bot.send(slashCommand({ text, user, responseUrl: bot.fake.responseUrl(), channel: CHANNEL }))).json;

async function click(actionId: string, value: string, user: string) {
  const r = `r${nextTs().replace('.', '')}`;
  const container = { type: 'ephemeral' as const, channel: CHANNEL, messageTs: nextTs() };
  await bot.send(blockAction({ actionId, value, user, container, responseUrl: bot.fake.responseUrl(r) }));
  return bot.fake.responses(r).map((c) => c.params);
}

describe('/paper forget me', () => {
  let shared = '';

  it('asks first, with a button only the asker sees; nothing is deleted yet', async () => {
    const ids = cardsIn(await command('diffusion', ALICE)).map((c) => c.id);
    shared = ids[0]!;
    await click('paper_share', shared, ALICE);
    await click('paper_save', ids[0]!, ALICE);
    await click('paper_save', ids[1]!, ALICE);
    await click('paper_save', ids[0]!, BOB);
    expect(textOf(await command('diffusion', BOB))).toContain(`by <@${ALICE}>`);
    bot.fake.reset();

    const ask = await command('forget me', ALICE);
    expect(ask.response_type).toBe('ephemeral');
    expect(textOf(ask)).toContain('Forget you?');
    expect(buttonsIn(ask).map((b) => b.action_id)).toEqual(['paper_forget_me']);
    expect(await savedPapers(store(), WS, ALICE)).toHaveLength(2);
  });

  it('the button deletes the clicker’s saves and takes their name off their shares; the cards stay, others keep theirs', async () => {
    const [done] = await click('paper_forget_me', 'me', ALICE);
    expect(done).toMatchObject({ replace_original: true });
    expect(done!.text).toContain('2 saved papers deleted, your name taken off 1 share');
    expect(await savedPapers(store(), WS, ALICE)).toEqual([]);
    expect(await savedPapers(store(), WS, BOB)).toHaveLength(1);
    const share = (await sharesOf(store(), WS, [shared])).get(shared);
    expect(share).toMatchObject({ userId: null, channel: CHANNEL });
    expect(bot.fake.api('chat.delete')).toEqual([]);
    // The remembered answer said "by @alice": it is drawn again without her.
    const line = textOf(await command('diffusion', BOB));
    expect(line).toContain(`in <#${CHANNEL}>`);
    expect(line).not.toContain(`<@${ALICE}>`);
  });

  it('a second click (or Slack’s retry) finds nothing more; a forged value cannot forget someone else', async () => {
    const [again] = await click('paper_forget_me', BOB, ALICE);
    expect(again!.text).toContain('0 saved papers deleted');
    expect(await savedPapers(store(), WS, BOB)).toHaveLength(1);
  });

  it('in a thread it only points to /paper forget me: no button where others would see it', async () => {
    bot.fake.reset();
    await bot.send(appMention({ words: 'forget me', user: ALICE, channel: CHANNEL }));
    const [reply] = bot.fake.api('chat.postMessage');
    expect(reply!.params.text).toContain('/paper forget me');
    expect(buttonsIn(reply!.params)).toEqual([]);
  });
});
