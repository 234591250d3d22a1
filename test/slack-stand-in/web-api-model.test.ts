import { webApi } from '@slack/bolt';
import { beforeEach, describe, expect, it } from 'vitest';
import { PLAYGROUND } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { Workspace } from '../../src/playground/workspace.js';
import { inProcessSlack, type InProcessSlack } from '../../src/slack-stand-in/in-process-fetch.js';
import { ResponseUrls } from '../../src/slack-stand-in/response-urls.js';
import { WebApiModel } from '../../src/slack-stand-in/web-api-model.js';

/**
 * The Slack stand-in's Web API model and response_urls over the playground's (closed) workspace,
 * in-process as the playground runs it, called through Slack's own client.
 */

const W = PLAYGROUND.workspace;
const PAPERS = W.channels[0].id;
const TOKEN = 'xoxb-playground-test';
const TS = /^\d{10}\.\d{6}$/;

let workspace: Workspace;
let slack: InProcessSlack;
let client: webApi.WebClient;
let logs: Record<string, any>[];

beforeEach(() => {
  logs = [];
  const logger = createLogger({ level: 'debug', destination: { write: (line: string) => void logs.push(JSON.parse(line)) } });
  workspace = new Workspace(W);
  slack = inProcessSlack({ model: new WebApiModel(workspace, { token: TOKEN }), origin: PLAYGROUND.origin, logger });
  client = new webApi.WebClient(TOKEN, { slackApiUrl: slack.apiUrl, fetch: slack.fetch, retryConfig: { retries: 0 }, logLevel: webApi.LogLevel.ERROR });
});

const section = (text: string, blockId?: string) => ({ type: 'section', text: { type: 'mrkdwn', text }, ...(blockId ? { block_id: blockId } : {}) });
const slackError = (promise: Promise<unknown>) =>
  promise.then(
    () => 'no error',
    (e: { data?: { error?: string } }) => e.data?.error ?? String(e),
  );
const messages = () => workspace.state().messages;

describe('auth and routing', () => {
  it('auth.test names the bot the workspace has', async () => {
    const me = await client.auth.test();
    expect(me).toMatchObject({ ok: true, user_id: W.bot.userId, bot_id: W.bot.botId, team_id: W.teamId });
  });

  it('refuses another token, as Slack does (invalid_auth)', async () => {
    const stranger = new webApi.WebClient('xoxb-someone-else', {
      slackApiUrl: slack.apiUrl,
      fetch: slack.fetch,
      retryConfig: { retries: 0 },
      logLevel: webApi.LogLevel.ERROR,
    });
    expect(await slackError(stranger.chat.postMessage({ channel: PAPERS, text: 'hi' }))).toBe('invalid_auth');
    expect(messages()).toEqual([]);
  });

  it('answers unknown_method for what it does not have, and says so in the log', async () => {
    expect(await slackError(client.apiCall('reactions.add', { channel: PAPERS, name: 'tada' }))).toBe('unknown_method');
    expect(logs.find((l) => l.method === 'reactions.add')?.msg).toMatch(/does not have this Web API method/);
  });

  it('never reaches the network: any other origin fails as an unreachable host would', async () => {
    await expect(slack.fetch('https://slack.com/api/auth.test', { method: 'POST' })).rejects.toThrow(/no network/);
  });
});

describe('chat.postMessage', () => {
  it('stores the message with a Slack ts, parses blocks, and gives a block without block_id one', async () => {
    const res = await client.chat.postMessage({ channel: PAPERS, text: 'fallback', blocks: [section('one', 'keep-me'), section('two')] });
    expect(res.ts).toMatch(TS);
    const [stored] = messages();
    expect(stored).toMatchObject({ channel: PAPERS, ts: res.ts, bot: true, userId: W.bot.userId, ephemeral: false, text: 'fallback' });
    expect(stored!.blocks![0]!.block_id).toBe('keep-me');
    expect(stored!.blocks![1]!.block_id).toMatch(/^\S+$/);
  });

  it('threads: a reply to a reply joins the parent thread', async () => {
    const parent = await client.chat.postMessage({ channel: PAPERS, text: 'parent' });
    const reply = await client.chat.postMessage({ channel: PAPERS, text: 'reply', thread_ts: parent.ts! });
    await client.chat.postMessage({ channel: PAPERS, text: 'reply to reply', thread_ts: reply.ts! });
    expect(messages().map((m) => [m.text, m.threadTs])).toEqual([
      ['parent', undefined],
      ['reply', parent.ts],
      ['reply to reply', parent.ts],
    ]);
  });

  it("posting to the viewer's user id lands in their DM with the app", async () => {
    await client.chat.postMessage({ channel: W.me.id, text: 'hello' });
    expect(messages()[0]!.channel).toBe(W.dmId);
  });

  it("answers Slack's errors: unknown channel, no text, too many blocks, a thread that is not there", async () => {
    expect(await slackError(client.chat.postMessage({ channel: 'C0NOWHERE', text: 'x' }))).toBe('channel_not_found');
    expect(await slackError(client.chat.postMessage({ channel: PAPERS, text: '' }))).toBe('no_text');
    const blocks = Array.from({ length: 51 }, (_, i) => section(`b${i}`));
    expect(await slackError(client.chat.postMessage({ channel: PAPERS, text: 'x', blocks }))).toBe('invalid_blocks');
    expect(await slackError(client.chat.postMessage({ channel: PAPERS, text: 'x', thread_ts: '1234567890.000001' }))).toBe('thread_not_found');
    expect(messages()).toEqual([]);
  });
});

describe('chat.postEphemeral, chat.update, chat.delete', () => {
  it("shows the viewer's ephemeral message; someone else's is accepted but never on this screen", async () => {
    const mine = await client.chat.postEphemeral({ channel: PAPERS, user: W.me.id, text: 'only you' });
    const theirs = await client.chat.postEphemeral({ channel: PAPERS, user: W.others[0].id, text: 'only Bob' });
    expect(mine.message_ts).toMatch(TS);
    expect(theirs.ok).toBe(true);
    expect(messages().map((m) => [m.text, m.ephemeral])).toEqual([['only you', true]]);
  });

  it('chat.update rewrites the message in place: same id, same ts', async () => {
    const posted = await client.chat.postMessage({ channel: PAPERS, text: 'before' });
    const before = messages()[0]!;
    await client.chat.update({ channel: PAPERS, ts: posted.ts!, text: 'after', blocks: [section('after')] });
    expect(messages()).toEqual([
      expect.objectContaining({ id: before.id, ts: before.ts, text: 'after', blocks: [expect.objectContaining({ type: 'section' })] }),
    ]);
  });

  it("will not edit or delete someone else's message, and deletes the bot's own", async () => {
    const mine = workspace.add({ channel: PAPERS, userId: W.me.id, bot: false, text: 'mine', ephemeral: false });
    expect(await slackError(client.chat.update({ channel: PAPERS, ts: mine.ts, text: 'edited' }))).toBe('cant_update_message');
    expect(await slackError(client.chat.delete({ channel: PAPERS, ts: mine.ts }))).toBe('cant_delete_message');
    const posted = await client.chat.postMessage({ channel: PAPERS, text: 'bot' });
    await client.chat.delete({ channel: PAPERS, ts: posted.ts! });
    expect(messages().map((m) => m.text)).toEqual(['mine']);
    expect(await slackError(client.chat.update({ channel: PAPERS, ts: posted.ts!, text: 'x' }))).toBe('message_not_found');
  });
});

describe('views.publish and conversations.open', () => {
  it("publishes the viewer's Home tab; another user's is accepted but not shown", async () => {
    const res = await client.views.publish({ user_id: W.me.id, view: { type: 'home', blocks: [section('welcome')] } });
    expect(res.view).toMatchObject({ type: 'home', blocks: [expect.objectContaining({ type: 'section' })] });
    expect(workspace.state().home?.blocks).toEqual([expect.objectContaining({ text: { type: 'mrkdwn', text: 'welcome' } })]);
    const version = workspace.currentVersion;
    await client.views.publish({ user_id: W.others[0].id, view: { type: 'home', blocks: [section('bob')] } });
    expect(workspace.currentVersion).toBe(version);
    expect(await slackError(client.views.publish({ user_id: W.me.id, view: { type: 'modal', blocks: [] } as never }))).toBe('invalid_arguments');
  });

  it("opens the viewer's DM with the app", async () => {
    expect((await client.conversations.open({ users: W.me.id })).channel).toEqual({ id: W.dmId });
  });
});

describe('response_url', () => {
  const respond = (url: string, body: object) =>
    slack.fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  let original: ReturnType<Workspace['add']>;
  let url: string;

  beforeEach(() => {
    original = workspace.add({ channel: PAPERS, userId: W.bot.userId, bot: true, text: 'results', ephemeral: true });
    url = slack.responseUrl({ channel: PAPERS, userId: W.me.id, originalId: original.id });
  });

  it('replace_original rewrites the clicked message, keeping its id and ts, ephemeral even if asked in_channel', async () => {
    const res = await respond(url, { replace_original: true, response_type: 'in_channel', text: 'page 2', blocks: [section('page 2')] });
    expect(res.status).toBe(200);
    expect(messages()).toEqual([expect.objectContaining({ id: original.id, ts: original.ts, text: 'page 2', ephemeral: true })]);
  });

  it('without replace_original: a new ephemeral message for the asker; in_channel: a public one', async () => {
    await respond(url, { response_type: 'ephemeral', replace_original: false, text: 'below' });
    await respond(url, { response_type: 'in_channel', text: 'for all' });
    expect(messages().map((m) => [m.text, m.ephemeral, m.bot])).toEqual([
      ['results', true, true],
      ['below', true, true],
      ['for all', false, true],
    ]);
  });

  it('thread_ts puts the new message in that thread; delete_original removes the clicked message', async () => {
    const parent = await client.chat.postMessage({ channel: PAPERS, text: 'card' });
    await respond(url, { response_type: 'in_channel', thread_ts: parent.ts, text: 'in the thread' });
    expect(messages().find((m) => m.text === 'in the thread')?.threadTs).toBe(parent.ts);
    await respond(url, { delete_original: true });
    expect(messages().map((m) => m.id)).not.toContain(original.id);
  });

  it("takes Slack's five posts, then refuses; an unknown url is a 404", async () => {
    for (let i = 0; i < PLAYGROUND.responseUrl.maxUses; i++) expect((await respond(url, { text: `n${i}` })).status).toBe(200);
    const sixth = await respond(url, { text: 'one too many' });
    expect([sixth.status, await sixth.text()]).toEqual([404, 'used_url']);
    expect((await respond(`${PLAYGROUND.origin}/response/nope`, { text: 'x' })).status).toBe(404);
  });

  it('expires after 30 minutes', () => {
    let now = 1_000_000;
    const urls = new ResponseUrls(workspace, () => now);
    const id = urls.create({ channel: PAPERS, userId: W.me.id });
    now += PLAYGROUND.responseUrl.ttlMs + 1;
    expect(urls.post(id, { text: 'late' })).toEqual({ ok: false, status: 404, error: 'expired_url' });
  });

  it('refuses an empty message (no_text)', async () => {
    const res = await respond(url, { replace_original: true });
    expect([res.status, await res.text()]).toEqual([400, 'no_text']);
  });
});

describe('chat.unfurl', () => {
  const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: 'A paper' } }];
  const unfurlError = (args: Record<string, unknown>) =>
    client.apiCall('chat.unfurl', args).then(
      () => 'ok',
      (error: { data?: { error?: string } }) => error.data?.error,
    );

  it('takes previews for a posted message or for the composer', async () => {
    const posted = await client.chat.postMessage({ channel: PAPERS, text: 'see https://arxiv.org/abs/2308.16582' });
    const url = 'https://arxiv.org/abs/2308.16582';
    await expect(client.chat.unfurl({ channel: PAPERS, ts: posted.ts!, unfurls: { [url]: { blocks } } })).resolves.toMatchObject({ ok: true });
    await expect(client.chat.unfurl({ unfurl_id: 'U0-composer-1', source: 'composer', unfurls: { [url]: { blocks } } })).resolves.toMatchObject({ ok: true });
  });

  it('answers as Slack does: no target, no such message, no unfurls, rich_text blocks', async () => {
    const url = 'https://arxiv.org/abs/2308.16582';
    expect(await unfurlError({ unfurls: { [url]: { blocks } } })).toBe('invalid_arguments');
    expect(await unfurlError({ channel: PAPERS, ts: '1.000001', unfurls: { [url]: { blocks } } })).toBe('cannot_find_message');
    expect(await unfurlError({ unfurl_id: 'U0-c', source: 'composer', unfurls: {} })).toBe('invalid_unfurls_format');
    expect(await unfurlError({ unfurl_id: 'U0-c', source: 'composer', unfurls: { [url]: { blocks: [{ type: 'rich_text', elements: [] }] } } })).toBe(
      'invalid_blocks',
    );
  });
});
