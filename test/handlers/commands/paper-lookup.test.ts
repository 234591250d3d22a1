import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { textOf, unescapeMrkdwn } from '../../helpers/blocks.js';
import { appMention, slashCommand } from '../../helpers/payloads.js';
import { startPaperbot, type Paperbot } from '../../helpers/paperbot.js';
import { ATOM, fixture, type ReplayServer, startReplayServer } from '../../sources/replay-server.js';
import { replayApis } from '../../sources/routes.js';

/**
 * `/paper <arXiv id or link>` for a paper not in the store, through the real Bolt receiver, the
 * real library on a SQLite file, and arXiv and Hugging Face replayed by a local server.
 */

const CHANNEL = 'C2147483705';
// 2609.20822 is a paper arXiv knows (the recorded next version) that the bundled page lacks.
const NEW_ID = '2609.20822';

let arxiv: ReplayServer;
let arxivDown = false;
let online: Paperbot;
let offline: Paperbot;

beforeAll(async () => {
  arxiv = await startReplayServer((request) => (arxivDown ? { status: 503, headers: ATOM, body: fixture('arxiv-empty.xml') } : replayApis(request)));
  const sources = { PAPERBOT_SOURCES: 'arxiv:cs.AI', HF_API_URL: arxiv.origin, ARXIV_API_URL: `${arxiv.origin}/api/query`, ARXIV_MIN_INTERVAL_MS: '10' };
  online = await startPaperbot({ env: sources });
  offline = await startPaperbot({ env: { PAPERBOT_SOURCES: 'none' } });
});
afterAll(async () => {
  await online.close();
  await offline.close();
  await arxiv.close();
});
afterEach(() => {
  arxivDown = false;
  expect(online.fake.drain()).toEqual([]);
  expect(offline.fake.drain()).toEqual([]);
});

const paper = (bot: Paperbot, text: string, responseUrlId: string) =>
  bot.send(slashCommand({ text, responseUrl: bot.fake.responseUrl(responseUrlId), channel: CHANNEL }));

describe('/paper <id> for a paper not stored yet', () => {
  it('acks that it is looking, then replaces that note with the card; the paper is now stored and searchable', async () => {
    expect(online.deps.search.get(NEW_ID)).toBeUndefined();
    const res = await paper(online, `https://arxiv.org/abs/${NEW_ID}v1`, 'lookup');
    expect(res.json.response_type).toBe('ephemeral');
    expect(textOf(res.json)).toContain(`arXiv:${NEW_ID} is not among my papers yet: looking it up on arXiv`);

    const [answer] = online.fake.responses('lookup');
    expect(answer?.params.replace_original).toBe(true);
    const text = unescapeMrkdwn(textOf(answer!.params));
    const stored = online.deps.search.get(NEW_ID)!;
    expect(stored.title).toMatch(/Obstacle-Aware Harness/);
    expect(text).toContain(stored.title.slice(0, 40));
    expect(text).toContain(`arXiv:${NEW_ID}`);
    // Searchable by its words now, for everyone, and asked of arXiv once.
    expect(online.deps.search.search('obstacle-aware harness robot manipulation').hits[0]?.paper.id).toBe(NEW_ID);
    const asked = arxiv.seen.filter((r) => r.query.get('id_list') === NEW_ID).length;
    expect(asked).toBe(1);
    await paper(online, NEW_ID, 'again');
    expect(arxiv.seen.filter((r) => r.query.get('id_list') === NEW_ID).length).toBe(asked);
  });

  it('says clearly when arXiv has no such paper', async () => {
    await paper(online, '2609.99999', 'unknown');
    const [answer] = online.fake.responses('unknown');
    expect(textOf(answer!.params)).toContain('arXiv has no paper 2609.99999');
    expect(online.deps.search.get('2609.99999')).toBeUndefined();
  });

  it('with arXiv down, still gives the paper’s links and says why it has no card', async () => {
    arxivDown = true;
    await paper(online, '2609.88888', 'down');
    const [answer] = online.fake.responses('down');
    const text = unescapeMrkdwn(textOf(answer!.params));
    expect(text).toContain('arXiv:2609.88888 is not among my papers yet');
    expect(text).toContain('<https://arxiv.org/abs/2609.88888|arXiv>');
    expect(text).toContain('<https://huggingface.co/papers/2609.88888|Hugging Face>');
  });

  it('offline (no sources), answers in the ack with the links: never a dead end', async () => {
    const res = await paper(offline, '1706.03762', 'offline');
    const text = unescapeMrkdwn(textOf(res.json));
    expect(text).toContain('arXiv:1706.03762 is not among my papers yet');
    expect(text).toContain('<https://arxiv.org/pdf/1706.03762|PDF>');
    expect(offline.fake.responses('offline')).toEqual([]);
  });

  it('answers a mention naming such a paper once, in its thread, with the card', async () => {
    const id = '2609.20822';
    const fresh = await startPaperbot({
      env: { PAPERBOT_SOURCES: 'arxiv:cs.AI', HF_API_URL: arxiv.origin, ARXIV_API_URL: `${arxiv.origin}/api/query`, ARXIV_MIN_INTERVAL_MS: '10' },
    });
    try {
      await fresh.send(appMention({ words: id, channel: CHANNEL, ts: '1700000000.000100' }));
      const posts = fresh.fake.api('chat.postMessage');
      expect(posts).toHaveLength(1);
      expect(posts[0]!.params.thread_ts).toBe('1700000000.000100');
      expect(textOf(posts[0]!.params)).toContain(`arXiv:${id}`);
      expect(fresh.fake.drain()).toEqual([]);
    } finally {
      await fresh.close();
    }
  });
});

describe('/paper status', () => {
  it('shows the papers by source and each live source, readable, not a log dump', async () => {
    const res = await paper(offline, 'status', 'status');
    const text = textOf(res.json);
    expect(res.json.response_type).toBe('ephemeral');
    expect(text).toMatch(/\*99 papers\* in the library/);
    expect(text).toContain('a saved Hugging Face papers page: 99');
    expect(text).toContain('No live sources are fetched here');
    expect(res.json.text).toBe('99 papers in the library.');
  });
});
