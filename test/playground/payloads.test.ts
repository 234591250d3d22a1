import { parse } from 'node:querystring';
import { describe, expect, it } from 'vitest';
import { PLAYGROUND } from '../../src/config.js';
import { appHomeOpened, blockActions, eventCallback, homeView, messageEvent, slashCommand, typedToSlack } from '../../src/playground/payloads.js';
import { slackClock } from '../../src/playground/slack-ids.js';
import type { Channel, Message } from '../../src/playground/web/api-types.js';
import { readFixture } from '../helpers/shared-dir.js';

/**
 * The playground's payloads against Slack's own examples (shared/slack/fixtures): the same fields,
 * in the same shapes. Where they differ on purpose, the test says so.
 */

const W = PLAYGROUND.workspace;
const team = { ...W, botUserId: W.bot.userId, botId: W.bot.botId };
const papers: Channel = { id: W.channels[0].id, name: W.channels[0].name, kind: 'channel' };
const dm: Channel = { id: W.dmId, name: W.bot.name, kind: 'im' };
const me = W.me;
const fixture = (name: string) => JSON.parse(readFixture(name));
const keys = (value: object) => Object.keys(value).sort();

// Shapes of Slack's ids; each is checked against the fixture first, so it is Slack's shape, not ours.
const TS = /^\d{10}\.\d{6}$/;
const EVENT_ID = /^Ev[0-9A-Z]{8,}$/;
const TRIGGER_ID = /^\d+\.\d+\.[0-9a-f]+$/;

const clock = slackClock();
const message = (overrides: Partial<Message> = {}): Message => ({
  id: 'm1', channel: papers.id, ts: clock(), userId: W.bot.userId, bot: true, text: 'Papers', ephemeral: false,
  blocks: [{ type: 'actions', block_id: 'b1', elements: [{ type: 'button', action_id: 'paper_share', value: '2307.03172', style: 'primary', text: { type: 'plain_text', text: 'Share', emoji: true } }] }],
  ...overrides,
});

describe('slash command', () => {
  const slack = parse(readFixture('slash-command.form').trim());
  const ours = slashCommand(team, { command: '/paper', text: 'long context', channel: papers, user: me, responseUrl: 'http://playground.local/response/x' });

  it("has the fields of Slack's form, every value a string as Bolt's form decoding leaves them", () => {
    // No Enterprise Grid in the playground: its two fields are the only ones Slack would not send.
    expect(keys(ours)).toEqual(keys(slack).filter((k) => !k.startsWith('enterprise_')));
    for (const value of Object.values(ours)) expect(typeof value).toBe('string');
    expect(ours).toMatchObject({ command: '/paper', text: 'long context', channel_id: papers.id, channel_name: 'papers', user_id: me.id, user_name: me.name, team_id: W.teamId, api_app_id: W.appId });
    expect(slack.trigger_id).toMatch(TRIGGER_ID);
    expect(ours.trigger_id).toMatch(TRIGGER_ID);
  });

  it('escapes &, < and > in the text as Slack does, and names a DM "directmessage"', () => {
    const body = slashCommand(team, { command: '/paper', text: 'a<b & c>d', channel: dm, user: me, responseUrl: 'u' });
    expect(body).toMatchObject({ text: 'a&lt;b &amp; c&gt;d', channel_id: W.dmId, channel_name: 'directmessage' });
  });
});

describe('events', () => {
  const slack = fixture('app-mention.json');

  it("app_mention: Slack's envelope and event fields, the text mentioning the bot as <@U…>", () => {
    const typed = message({ userId: me.id, bot: false, text: typedToSlack('@Paperbot anything on quantization?', [{ id: W.bot.userId, name: W.bot.name }]) });
    const body = eventCallback(team, messageEvent('app_mention', typed, papers)) as Record<string, any>;
    expect(keys(body)).toEqual(keys(slack));
    expect(keys(body.event)).toEqual(keys(slack.event));
    expect(body.event).toMatchObject({ type: 'app_mention', user: me.id, text: `<@${W.bot.userId}> anything on quantization?`, channel: papers.id, ts: typed.ts, event_ts: typed.ts });
    expect(body).toMatchObject({ type: 'event_callback', team_id: W.teamId, api_app_id: W.appId, authed_users: [W.bot.userId], event_time: Number(typed.ts.split('.')[0]) });
    for (const ts of [slack.event.ts, body.event.ts]) expect(ts).toMatch(TS);
    for (const id of [slack.event_id, body.event_id]) expect(id).toMatch(EVENT_ID);
  });

  it('a mention in a thread carries thread_ts; nothing else changes', () => {
    const parent = message();
    const reply = message({ userId: me.id, bot: false, threadTs: parent.ts });
    const body = eventCallback(team, messageEvent('app_mention', reply, papers)) as Record<string, any>;
    expect(keys(body.event)).toEqual(keys({ ...slack.event, thread_ts: '' }));
    expect(body.event.thread_ts).toBe(parent.ts);
  });

  it('a DM is a message event with channel_type im', () => {
    const typed = message({ channel: dm.id, userId: me.id, bot: false, text: 'diffusion' });
    const body = eventCallback(team, messageEvent('message', typed, dm)) as Record<string, any>;
    expect(keys(body.event)).toEqual(keys({ ...slack.event, channel_type: '' }));
    expect(body.event).toMatchObject({ type: 'message', channel_type: 'im', channel: dm.id, text: 'diffusion' });
  });

  it('every delivery has its own event_id, and timestamps only go up', () => {
    const ids = new Set(Array.from({ length: 200 }, () => eventCallback(team, appHomeOpened(me, dm.id, clock(), undefined)).event_id));
    expect(ids.size).toBe(200);
    const stamps = Array.from({ length: 50 }, () => clock());
    expect([...stamps].sort()).toEqual(stamps);
    expect(new Set(stamps).size).toBe(50);
  });

  it('app_home_opened names the user, the DM and the tab, and the view once one is published', () => {
    const first = appHomeOpened(me, dm.id, clock(), undefined);
    expect(first).toMatchObject({ type: 'app_home_opened', user: me.id, channel: dm.id, tab: 'home' });
    expect(first).not.toHaveProperty('view');
    const view = homeView(team, 'V1', [{ type: 'divider', block_id: 'd' }]);
    expect(appHomeOpened(me, dm.id, clock(), view)).toMatchObject({ view: { id: 'V1', type: 'home', blocks: [{ type: 'divider' }] } });
  });
});

describe('block_actions', () => {
  const slack = fixture('block-actions.json');
  const element = message().blocks![0]!['elements'] as Record<string, unknown>[];
  const click = (source: Parameters<typeof blockActions>[1]['source']) =>
    blockActions(team, { user: me, element: element[0]!, blockId: 'b1', source, actionTs: clock() }) as Record<string, any>;

  it("a button on a message: Slack's fields, with the message, its response_url and the action", () => {
    const parent = message();
    const reply = message({ threadTs: parent.ts });
    const body = click({ kind: 'message', message: reply, channel: papers, botId: W.bot.botId, responseUrl: 'http://playground.local/response/r1', hasReplies: false });
    expect(keys(body)).toEqual(keys(slack));
    expect(keys(body.container)).toEqual(keys({ ...slack.container, thread_ts: '' }));
    expect(body.container).toEqual({ type: 'message', message_ts: reply.ts, channel_id: papers.id, is_ephemeral: false, thread_ts: parent.ts });
    expect(keys(body.user)).toEqual(keys(slack.user));
    expect(keys(body.team)).toEqual(keys(slack.team));
    expect(keys(body.channel)).toEqual(keys(slack.channel));
    expect(keys(body.message)).toEqual(expect.arrayContaining(keys(slack.message)));
    expect(body.message).toMatchObject({ type: 'message', ts: reply.ts, thread_ts: parent.ts, bot_id: W.bot.botId, user: W.bot.userId, blocks: reply.blocks });
    expect(keys(body.actions[0])).toEqual(expect.arrayContaining(keys(slack.actions[0])));
    expect(body.actions[0]).toMatchObject({ type: 'button', action_id: 'paper_share', block_id: 'b1', value: '2307.03172', text: { type: 'plain_text', text: 'Share' } });
    expect(body.actions[0].action_ts).toMatch(TS);
    for (const id of [slack.trigger_id, body.trigger_id]) expect(id).toMatch(TRIGGER_ID);
    expect(body.response_url).toBe('http://playground.local/response/r1');
  });

  it('a thread parent says it is one (thread_ts = its own ts), as Slack does once it has replies', () => {
    const parent = message();
    const body = click({ kind: 'message', message: parent, channel: papers, botId: W.bot.botId, responseUrl: 'u', hasReplies: true });
    expect(body.message.thread_ts).toBe(parent.ts);
    expect(body.container).not.toHaveProperty('thread_ts');
  });

  it('an ephemeral message: is_ephemeral, and no copy of the message (Slack keeps none to send)', () => {
    const results = message({ ephemeral: true });
    const body = click({ kind: 'message', message: results, channel: papers, botId: W.bot.botId, responseUrl: 'u', hasReplies: false });
    expect(keys(body)).toEqual(keys(slack).filter((k) => k !== 'message'));
    expect(body.container).toEqual({ ...slack.container, message_ts: results.ts, channel_id: papers.id, is_ephemeral: true });
  });

  it('the Home tab: a view container and the view; no channel, message or response_url', () => {
    const view = homeView(team, 'V0HOME', message().blocks!);
    const body = click({ kind: 'view', view });
    expect(keys(body)).toEqual(keys({ ...slack, view: {} }).filter((k) => !['channel', 'message', 'response_url'].includes(k)));
    expect(body.container).toEqual({ type: 'view', view_id: 'V0HOME' });
    expect(body.view).toMatchObject({ id: 'V0HOME', type: 'home', team_id: W.teamId });
  });
});

describe('typedToSlack', () => {
  const people = [me, ...W.others, { id: W.bot.userId, name: W.bot.name }];

  it('escapes the three characters Slack escapes and turns @names into mentions', () => {
    expect(typedToSlack('@paperbot is a < b & c > d?', people)).toBe(`<@${W.bot.userId}> is a &lt; b &amp; c &gt; d?`);
    expect(typedToSlack('ask @Bob Chen, not @Bob', people)).toBe(`ask <@${W.others[0].id}>, not @Bob`);
  });

  it('leaves an @ inside a word alone (an address is not a mention)', () => {
    expect(typedToSlack('mail me@Paperbot.org', people)).toBe('mail me@Paperbot.org');
  });
});
