import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as slack from '../../src/slack-stand-in/payloads.js';
import { sharesOf } from '../../src/store/team-memory.js';
import { buttonsIn, cardsIn, textOf } from '../helpers/blocks.js';
import { channelMessage, blockAction, nextTs, slashCommand } from '../helpers/payloads.js';
import { startPaperbot, type Paperbot } from '../helpers/paperbot.js';

/** Team memory end to end: the real Bolt receiver, a real SQLite store, a fake Slack. */
let bot: Paperbot;
beforeAll(async () => {
  bot = await startPaperbot();
});
afterAll(() => bot.close());

const CHANNEL = 'C0MEMORY1';
const SHARER = 'UA8RXUSPL';
const TEAM = slack.EXAMPLE_TEAM.teamId;
const WS = { teamId: TEAM, enterpriseId: null };

async function results(query: string, team = slack.EXAMPLE_TEAM) {
  const body =
    team === slack.EXAMPLE_TEAM
      ? slashCommand({ text: query, responseUrl: bot.fake.responseUrl(), channel: CHANNEL })
      : slack.slashCommand({ team, command: '/paper', text: query, responseUrl: bot.fake.responseUrl(), channel: CHANNEL });
  return (await bot.send(body)).json;
}

const share = (paperId: string, responseUrl: string, actionId = 'paper_share') =>
  bot.send(
    blockAction({
      actionId,
      value: paperId,
      container: { type: 'ephemeral', channel: CHANNEL, messageTs: nextTs() },
      responseUrl: bot.fake.responseUrl(responseUrl),
      user: SHARER,
    }),
  );

describe('team memory through Slack', () => {
  let paperId = '';
  let cardTs = '';

  it('a Share is stored once with its permalink, and search results then say where it was discussed', async () => {
    const before = await results('diffusion');
    paperId = cardsIn(before)[0]!.id;
    expect(textOf(before)).not.toContain(':speech_balloon:');
    bot.fake.reset();

    await share(paperId, 's1');
    const [cardPost] = bot.fake.api('chat.postMessage');
    cardTs = cardPost!.response!.ts as string;
    const [permalink] = bot.fake.api('chat.getPermalink');
    expect(permalink!.params).toMatchObject({ channel: CHANNEL, message_ts: cardTs });
    const stored = (await sharesOf(bot.library.library.store, WS, [paperId])).get(paperId);
    expect(stored).toMatchObject({ channel: CHANNEL, messageTs: cardTs, userId: SHARER, replies: 0, count: 1 });
    expect(stored!.permalink).toMatch(/^https:\/\/.+\/archives\/C0MEMORY1\/p\d+$/);

    const after = await results('diffusion');
    const line = textOf(after);
    expect(line).toContain(`:speech_balloon: <${stored!.permalink}|Shared> in <#${CHANNEL}> by <@${SHARER}> on `);
    expect(line).toContain('· 0 replies');
  });

  it('replies in the card’s thread are counted once each, never answered; bots and other threads do not count', async () => {
    bot.fake.reset();
    const reply = channelMessage({ text: 'great paper', channel: CHANNEL, threadTs: cardTs, ts: nextTs(), user: 'U0READER' });
    await bot.send(reply);
    await bot.send(reply); // Slack's retry of the same event
    await bot.send(channelMessage({ text: 'agreed', channel: CHANNEL, threadTs: cardTs, ts: nextTs(), user: 'U0OTHER' }));
    await bot.send(channelMessage({ text: 'bot', channel: CHANNEL, threadTs: cardTs, ts: nextTs(), extra: { bot_id: 'B0OTHER' } }));
    await bot.send(channelMessage({ text: 'elsewhere', channel: CHANNEL, threadTs: '1515449483.000108', ts: nextTs() }));
    await bot.send(channelMessage({ text: 'diffusion', channel: CHANNEL, ts: nextTs() }));
    expect(bot.fake.api('chat.postMessage')).toEqual([]);
    expect(bot.fake.api('chat.postEphemeral')).toEqual([]);
    expect((await sharesOf(bot.library.library.store, WS, [paperId])).get(paperId)?.replies).toBe(2);
    // The cached answer is stale now: the new count shows.
    expect(textOf(await results('diffusion'))).toContain('· 2 replies');
  });

  it('another workspace never sees it', async () => {
    const other = { ...slack.EXAMPLE_TEAM, teamId: 'T0ELSEWHERE' };
    expect(textOf(await results('diffusion', other))).not.toContain(':speech_balloon:');
  });

  it('sharing it again in the same channel posts nothing: a private note links the thread, and "Share again anyway" shares', async () => {
    bot.fake.reset();
    await share(paperId, 's2');
    expect(bot.fake.api('chat.postMessage')).toEqual([]);
    const [note] = bot.fake.responses('s2');
    expect(textOf(note!.params)).toContain('already shared here');
    expect(textOf(note!.params)).toContain(`<#${CHANNEL}>`);
    expect(buttonsIn(note!.params).map((b) => (b as { action_id: string }).action_id)).toEqual(['paper_share_again']);

    await share(paperId, 's3', 'paper_share_again');
    expect(bot.fake.api('chat.postMessage')).toHaveLength(2);
    expect((await sharesOf(bot.library.library.store, WS, [paperId])).get(paperId)).toMatchObject({ count: 2, replies: 0 });
    expect(textOf(await results('diffusion'))).toContain('· shared 2 times');
  });

  it('a forged "Share again" value (no such paper) changes nothing and says so privately', async () => {
    bot.fake.reset();
    await share('9999.99999', 's4', 'paper_share_again');
    expect(bot.fake.api('chat.postMessage')).toEqual([]);
    expect(textOf(bot.fake.responses('s4')[0]!.params)).toContain('expired');
  });
});
