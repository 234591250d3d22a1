import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SLACK_UNFURLS } from '../../../src/config.js';
import type { Paper } from '../../../src/corpus/paper.js';
import { cardsIn, textOf, unescapeMrkdwn } from '../../helpers/blocks.js';
import { BOT } from '../../helpers/fake-slack.js';
import { blockAction, linkShared, nextTs } from '../../helpers/payloads.js';
import { startPaperbot, type Paperbot } from '../../helpers/paperbot.js';
import { ATOM, fixture, type ReplayServer, startReplayServer } from '../../sources/replay-server.js';
import { replayApis } from '../../sources/routes.js';

/**
 * Link previews end to end: `link_shared` through the real Bolt receiver, the real library on a
 * SQLite file, arXiv and Hugging Face replayed locally, and `chat.unfurl` answered by the stand-in.
 */

const CHANNEL = 'C0READING';
// A paper arXiv knows (the recorded next version) that the bundled page lacks.
const NEW_ID = '2609.20822';

let arxiv: ReplayServer;
let arxivDown = false;
let bot: Paperbot;
let offline: Paperbot;
let a: Paper;
let b: Paper;

beforeAll(async () => {
  arxiv = await startReplayServer((request) => (arxivDown ? { status: 503, headers: ATOM, body: fixture('arxiv-empty.xml') } : replayApis(request)));
  const sources = { PAPERBOT_SOURCES: 'arxiv:cs.AI', HF_API_URL: arxiv.origin, ARXIV_API_URL: `${arxiv.origin}/api/query`, ARXIV_MIN_INTERVAL_MS: '10' };
  bot = await startPaperbot({ env: sources });
  offline = await startPaperbot({ env: { PAPERBOT_SOURCES: 'none' } });
  const withIds = bot.deps.search.all().filter((p) => p.arxivId && !p.arxivId.includes('/'));
  a = withIds[0]!;
  b = withIds[1]!;
});
afterAll(async () => {
  await bot.close();
  await offline.close();
  await arxiv.close();
});
afterEach(() => {
  arxivDown = false;
  expect(bot.fake.drain()).toEqual([]);
  expect(offline.fake.drain()).toEqual([]);
});

const unfurlCalls = (on: Paperbot = bot) => on.fake.api('chat.unfurl');
const logged = (on: Paperbot, pattern: RegExp) => on.logs.filter((l) => pattern.test(l.msg));

describe('link_shared → chat.unfurl', () => {
  it('a posted message with two paper links (and another site) gets one call, a compact card per URL', async () => {
    const absUrl = `https://arxiv.org/abs/${a.arxivId}v2`;
    const hfUrl = `https://huggingface.co/papers/${b.arxivId}`;
    const ts = nextTs();
    const res = await bot.send(linkShared({ channel: CHANNEL, messageTs: ts, links: [absUrl, 'https://example.com/abs/1706.03762', hfUrl] }));
    expect(res.status).toBe(200);

    const calls = unfurlCalls();
    expect(calls).toHaveLength(1);
    const { params, response } = calls[0]!;
    expect(response).toEqual({ ok: true });
    expect(params).toMatchObject({ channel: CHANNEL, ts });
    expect(params.unfurl_id).toBeUndefined();
    expect(Object.keys(params.unfurls).sort()).toEqual([absUrl, hfUrl].sort());
    for (const [url, paper] of [
      [absUrl, a],
      [hfUrl, b],
    ] as const) {
      const unfurl = params.unfurls[url];
      const kinds = unfurl.blocks.map((block: { type: string }) => block.type);
      expect(kinds).not.toContain('rich_text');
      expect(new Set(kinds)).toEqual(new Set(['section', 'context', 'actions']));
      const text = unescapeMrkdwn(textOf(unfurl));
      expect(text).toContain(paper.title.slice(0, 30));
      expect(text).toContain(`arXiv:${paper.arxivId}`);
      expect(cardsIn(unfurl)).toEqual([{ id: paper.id, blockId: undefined, buttons: ['paper_share', 'paper_save'] }]);
    }
  });

  it('a link still in the composer is answered by unfurl_id and source, whichever key holds the channel', async () => {
    for (const channelKey of ['channel', 'channel_id'] as const) {
      bot.fake.reset();
      const url = `https://arxiv.org/pdf/${a.arxivId}`;
      await bot.send(linkShared({ composer: true, channelKey, unfurlId: `U0ALICE01-composer-${channelKey}`, links: [url] }));
      const [call] = unfurlCalls();
      expect(call!.response).toEqual({ ok: true });
      expect(call!.params).toMatchObject({ unfurl_id: `U0ALICE01-composer-${channelKey}`, source: 'composer' });
      expect(call!.params.channel).toBeUndefined();
      expect(call!.params.ts).toBeUndefined();
      expect(Object.keys(call!.params.unfurls)).toEqual([url]);
    }
  });

  it('a paper not stored is looked up on arXiv, stored, and unfurled', async () => {
    expect(bot.deps.search.get(NEW_ID)).toBeUndefined();
    const url = `https://arxiv.org/html/${NEW_ID}v1`;
    await bot.send(linkShared({ channel: CHANNEL, links: [url] }));
    const stored = bot.deps.search.get(NEW_ID);
    expect(stored?.title).toMatch(/Obstacle-Aware Harness/);
    const [call] = unfurlCalls();
    expect(unescapeMrkdwn(textOf(call!.params.unfurls[url]))).toContain(stored!.title.slice(0, 30));
  });

  it('with arXiv down, that link is left alone and the reason logged; the others are still unfurled', async () => {
    arxivDown = true;
    const down = 'https://arxiv.org/abs/2609.88888';
    const known = `https://arxiv.org/abs/${a.arxivId}`;
    await bot.send(linkShared({ channel: CHANNEL, links: [down, known] }));
    const [call] = unfurlCalls();
    expect(Object.keys(call!.params.unfurls)).toEqual([known]);
    const [line] = logged(bot, /link_shared: paper could not be looked up/).filter((l) => l.arxivId === '2609.88888');
    expect(line).toMatchObject({ outcome: 'unavailable' });
    expect(line!.reason).toBeTruthy();

    bot.fake.reset();
    await bot.send(linkShared({ channel: CHANNEL, links: [down] }));
    expect(unfurlCalls()).toEqual([]);
  });

  it('with lookups off, an unknown paper’s link is left alone and logged', async () => {
    await offline.send(linkShared({ channel: CHANNEL, links: ['https://arxiv.org/abs/2609.77777'] }));
    expect(unfurlCalls(offline)).toEqual([]);
    expect(logged(offline, /lookups are off/).some((l) => l.arxivId === '2609.77777')).toBe(true);
  });

  it('if Slack refuses the unfurl, the links keep their own preview: logged, nobody told of a failure', async () => {
    bot.fake.inject('chat.unfurl', { error: 'cannot_unfurl_url' });
    await bot.send(linkShared({ channel: CHANNEL, messageTs: nextTs(), links: [`https://arxiv.org/abs/${a.arxivId}`] }));
    expect(unfurlCalls()).toHaveLength(1);
    expect(bot.fake.api('chat.postEphemeral')).toEqual([]);
    expect(bot.fake.api('chat.postMessage')).toEqual([]);
    expect(logged(bot, /chat\.unfurl failed/)).toHaveLength(1);
  });

  it('forged links are ignored: other sites, look-alike hosts, non-URLs, wrong shapes', async () => {
    const forged = [
      `https://example.com/abs/${a.arxivId}`,
      `https://arxiv.org.evil.example/abs/${a.arxivId}`,
      `https://evil.example/?u=https://arxiv.org/abs/${a.arxivId}`,
      `javascript:alert(1)//arxiv.org/abs/${a.arxivId}`,
      'not a url',
      `https://arxiv.org/list/cs.AI/recent`,
      { url: 42 },
      null,
      { domain: 'arxiv.org' },
      `https://arxiv.org/abs/${a.arxivId}${'x'.repeat(SLACK_UNFURLS.maxUrlChars)}`,
    ];
    const res = await bot.send(linkShared({ channel: CHANNEL, links: forged }));
    expect(res.status).toBe(200);
    expect(unfurlCalls()).toEqual([]);
  });

  it('100 links: the first SLACK_UNFURLS.maxLinks are unfurled in one call, the rest left alone (logged)', async () => {
    const links = Array.from({ length: 100 }, (_, i) => `https://arxiv.org/abs/${a.arxivId}?n=${i}`);
    await bot.send(linkShared({ channel: CHANNEL, links }));
    const calls = unfurlCalls();
    expect(calls).toHaveLength(1);
    expect(Object.keys(calls[0]!.params.unfurls)).toEqual(links.slice(0, SLACK_UNFURLS.maxLinks));
    expect(logged(bot, /too many paper links/).at(-1)).toMatchObject({ links: 100, kept: SLACK_UNFURLS.maxLinks });
  });
});

describe('buttons in a preview', () => {
  const SHARER = 'UA8RXUSPL';
  const SHARE_CHANNEL = 'C0UNFURLS';

  it('Share posts the card to the preview’s channel (abstract in its thread); the next preview says where it was shared', async () => {
    const url = `https://arxiv.org/abs/${b.arxivId}`;
    const messageTs = nextTs();
    await bot.send(blockAction({ actionId: 'paper_share', value: b.id, user: SHARER, container: { type: 'unfurl', channel: SHARE_CHANNEL, messageTs, url } }));
    const [card, abstract] = bot.fake.api('chat.postMessage');
    expect(card!.params).toMatchObject({ channel: SHARE_CHANNEL });
    expect(card!.params.thread_ts).toBeUndefined();
    expect(abstract!.params).toMatchObject({ channel: SHARE_CHANNEL, thread_ts: card!.response!.ts });

    bot.fake.reset();
    await bot.send(linkShared({ channel: SHARE_CHANNEL, links: [url] }));
    const [call] = unfurlCalls();
    expect(textOf(call!.params.unfurls[url])).toContain(`:speech_balloon: <https://`);
    expect(textOf(call!.params.unfurls[url])).toContain(`in <#${SHARE_CHANNEL}> by <@${SHARER}>`);
  });

  it('Share on a preview in a thread posts in that thread', async () => {
    const threadTs = nextTs();
    await bot.send(
      blockAction({
        actionId: 'paper_share',
        value: a.id,
        user: SHARER,
        container: { type: 'unfurl', channel: 'C0UNFURLT', messageTs: nextTs(), threadTs, url: `https://arxiv.org/abs/${a.arxivId}` },
      }),
    );
    const [card] = bot.fake.api('chat.postMessage');
    expect(card!.params).toMatchObject({ channel: 'C0UNFURLT', thread_ts: threadTs });
  });

  it('Save saves privately: the reading list changes and only the clicker is told', async () => {
    await bot.send(
      blockAction({
        actionId: 'paper_save',
        value: a.id,
        user: SHARER,
        container: { type: 'unfurl', channel: SHARE_CHANNEL, messageTs: nextTs(), url: `https://arxiv.org/abs/${a.arxivId}` },
      }),
    );
    expect(bot.fake.api('chat.postMessage')).toEqual([]);
    const [note] = bot.fake.api('chat.postEphemeral');
    expect(note!.params).toMatchObject({ channel: SHARE_CHANNEL, user: SHARER });
    const saved = await bot.deps.memory.saved({ teamId: BOT.teamId, enterpriseId: null }, SHARER);
    expect(saved.map((s) => s.paperId)).toContain(a.id);
  });
});
