import { parse } from 'node:querystring';
import { HTTPModuleFunctions } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { PLAYGROUND } from '../../src/config.js';
import { slackClock } from '../../src/slack-stand-in/ids.js';
import {
  appHomeOpened,
  appMention,
  blockActions,
  directMessage,
  escapeText,
  homeView,
  messageShortcut,
  slackChannelName,
  slashCommand,
  typedToSlack,
  urlVerification,
  type ClickedIn,
  type ClickedMessage,
  type SlackBody,
  type SlackRequest,
} from '../../src/slack-stand-in/payloads.js';
import { APP_MENTION, BLOCK_ACTIONS, MESSAGE_ACTION, SLASH_COMMAND, URL_VERIFICATION } from '../../src/slack-stand-in/slack-examples.js';
import type { Channel, Message, SlackTeam } from '../../src/slack-stand-in/types.js';
import * as shorthand from '../helpers/payloads.js';
import { readFixture } from '../helpers/shared-dir.js';

/**
 * The Slack stand-in's payloads (src/slack-stand-in/payloads.ts), which the playground, the tests
 * and the load bench all send, against Slack's own examples (shared/slack/fixtures): the same
 * fields, in the same shapes. Where they differ on purpose, the test says so.
 */

const W = PLAYGROUND.workspace;
const team: SlackTeam = { teamId: W.teamId, domain: W.domain, appId: W.appId, botUserId: W.bot.userId, botId: W.bot.botId };
const papers: Channel = { id: W.channels[0].id, name: W.channels[0].name, kind: 'channel' };
const dm: Channel = { id: W.dmId, name: W.bot.name, kind: 'im' };
const me = W.me;
const fixture = (name: string) => JSON.parse(readFixture(name));
const keys = (value: object) => Object.keys(value).sort();
const slashFixture = () => ({ ...parse(readFixture('slash-command.form').trim()) });

// Shapes of Slack's ids; each is checked against the fixture first, so it is Slack's shape, not ours.
const TS = /^\d{10}\.\d{6}$/;
const EVENT_ID = /^Ev[0-9A-Z]{8,}$/;
const TRIGGER_ID = /^\d+\.\d+\.[0-9a-f]+$/;

const clock = slackClock();
const message = (overrides: Partial<Message> = {}): Message => ({
  id: 'm1',
  channel: papers.id,
  ts: clock(),
  userId: W.bot.userId,
  bot: true,
  text: 'Papers',
  ephemeral: false,
  blocks: [
    {
      type: 'actions',
      block_id: 'b1',
      elements: [{ type: 'button', action_id: 'paper_share', value: '2307.03172', style: 'primary', text: { type: 'plain_text', text: 'Share', emoji: true } }],
    },
  ],
  ...overrides,
});
/** What the playground sends for a message the viewer typed: a mention in a channel, a message in the DM. */
const typedEvent = (m: Message) => ({ team, text: m.text, user: m.userId, channel: m.channel, ts: m.ts, threadTs: m.threadTs });

/** Every leaf of a payload, by path, with its JSON type: `{ 'team.id': 'string', 'actions.0.type': 'string', … }`. */
function typesOf(value: unknown, path = '', out: Record<string, string> = {}): Record<string, string> {
  const at = (key: string | number) => (path ? `${path}.${key}` : String(key));
  if (Array.isArray(value)) {
    if (value.length === 0) out[path] = 'empty array';
    for (const [i, v] of value.entries()) typesOf(v, at(i), out);
  } else if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) out[path] = 'empty object';
    for (const [key, v] of entries) typesOf(v, at(key), out);
  } else {
    out[path] = value === null ? 'null' : typeof value;
  }
  return out;
}
/** `types` without these fields (and whatever is inside them). */
const without = (types: Record<string, string>, ...fields: string[]) =>
  Object.fromEntries(Object.entries(types).filter(([k]) => !fields.some((f) => k === f || k.startsWith(`${f}.`))));
/** What Bolt's HTTP receiver makes of a body before `app.processEvent`. */
const boltDecodes = ({ body, contentType }: SlackBody) => ({
  ...HTTPModuleFunctions.parseHTTPRequestBody({ rawBody: Buffer.from(body), headers: { 'content-type': contentType } } as never),
});

describe("the copies of Slack's examples (the app reads nothing outside the project at run time)", () => {
  it('equal the files in shared/slack/fixtures', () => {
    expect(SLASH_COMMAND).toEqual(slashFixture());
    expect(APP_MENTION).toEqual(fixture('app-mention.json'));
    expect(BLOCK_ACTIONS).toEqual(fixture('block-actions.json'));
    expect(MESSAGE_ACTION).toEqual(fixture('message-action.json'));
    expect(URL_VERIFICATION).toEqual(fixture('url-verification.json'));
  });
});

describe('slash command', () => {
  const slack = slashFixture();
  const ours = slashCommand({
    team,
    command: '/paper',
    text: 'long context',
    channel: papers.id,
    channelName: slackChannelName(papers),
    user: me.id,
    userName: me.name,
    responseUrl: 'http://playground.local/response/x',
  }).decoded;

  it("has the fields of Slack's form, every value a string as Bolt's form decoding leaves them", () => {
    // No Enterprise Grid in the playground: its two fields are the only ones Slack would not send.
    expect(keys(ours)).toEqual(keys(slack).filter((k) => !k.startsWith('enterprise_')));
    for (const value of Object.values(ours)) expect(typeof value).toBe('string');
    expect(ours).toMatchObject({
      command: '/paper',
      text: 'long context',
      channel_id: papers.id,
      channel_name: 'papers',
      user_id: me.id,
      user_name: me.name,
      team_id: W.teamId,
      api_app_id: W.appId,
    });
    expect(slack.trigger_id).toMatch(TRIGGER_ID);
    expect(ours.trigger_id).toMatch(TRIGGER_ID);
  });

  it('escapes &, < and > in the text as Slack does, and names a DM "directmessage"', () => {
    const body = slashCommand({
      team,
      command: '/paper',
      text: escapeText('a<b & c>d'),
      channel: dm.id,
      channelName: slackChannelName(dm),
      user: me.id,
      userName: me.name,
      responseUrl: 'u',
    }).decoded;
    expect(body).toMatchObject({ text: 'a&lt;b &amp; c&gt;d', channel_id: W.dmId, channel_name: 'directmessage' });
  });
});

describe('events', () => {
  const slack = fixture('app-mention.json');

  it("app_mention: Slack's envelope and event fields, the text mentioning the bot as <@U…>", () => {
    const typed = message({ userId: me.id, bot: false, text: typedToSlack('@Paperbot anything on quantization?', [{ id: W.bot.userId, name: W.bot.name }]) });
    const body = appMention(typedEvent(typed)).decoded as Record<string, any>;
    expect(keys(body)).toEqual(keys(slack));
    expect(keys(body.event)).toEqual(keys(slack.event));
    expect(body.event).toMatchObject({
      type: 'app_mention',
      user: me.id,
      text: `<@${W.bot.userId}> anything on quantization?`,
      channel: papers.id,
      ts: typed.ts,
      event_ts: typed.ts,
    });
    expect(body).toMatchObject({
      type: 'event_callback',
      team_id: W.teamId,
      api_app_id: W.appId,
      authed_users: [W.bot.userId],
      event_time: Number(typed.ts.split('.')[0]),
    });
    for (const ts of [slack.event.ts, body.event.ts]) expect(ts).toMatch(TS);
    for (const id of [slack.event_id, body.event_id]) expect(id).toMatch(EVENT_ID);
  });

  it('a mention in a thread carries thread_ts; nothing else changes', () => {
    const parent = message();
    const reply = message({ userId: me.id, bot: false, threadTs: parent.ts });
    const body = appMention(typedEvent(reply)).decoded as Record<string, any>;
    expect(keys(body.event)).toEqual(keys({ ...slack.event, thread_ts: '' }));
    expect(body.event.thread_ts).toBe(parent.ts);
  });

  it('a DM is a message event with channel_type im', () => {
    const typed = message({ channel: dm.id, userId: me.id, bot: false, text: 'diffusion' });
    const body = directMessage(typedEvent(typed)).decoded as Record<string, any>;
    expect(keys(body.event)).toEqual(keys({ ...slack.event, channel_type: '' }));
    expect(body.event).toMatchObject({ type: 'message', channel_type: 'im', channel: dm.id, text: 'diffusion' });
  });

  it('every delivery has its own event_id, and timestamps only go up', () => {
    const ids = new Set(Array.from({ length: 200 }, () => appHomeOpened({ team, user: me.id, channel: dm.id, ts: clock() }).decoded['event_id']));
    expect(ids.size).toBe(200);
    const stamps = Array.from({ length: 50 }, () => clock());
    expect([...stamps].sort()).toEqual(stamps);
    expect(new Set(stamps).size).toBe(50);
  });

  it('app_home_opened names the user, the DM and the tab, and the view once one is published', () => {
    const first = appHomeOpened({ team, user: me.id, channel: dm.id, ts: clock() }).decoded['event'];
    expect(first).toMatchObject({ type: 'app_home_opened', user: me.id, channel: dm.id, tab: 'home' });
    expect(first).not.toHaveProperty('view');
    const view = homeView(team, 'V1', [{ type: 'divider', block_id: 'd' }]);
    expect(appHomeOpened({ team, user: me.id, channel: dm.id, ts: clock(), view }).decoded['event']).toMatchObject({
      view: { id: 'V1', type: 'home', blocks: [{ type: 'divider' }] },
    });
  });
});

describe('block_actions', () => {
  const slack = fixture('block-actions.json');
  const element = message().blocks![0]!['elements'] as Record<string, unknown>[];
  const click = (where: ClickedIn) =>
    blockActions({ team, user: me.id, userName: me.name, element: element[0]!, blockId: 'b1', where, actionTs: clock() }).decoded as Record<string, any>;
  const on = (m: Message, responseUrl: string, hasReplies = false): ClickedIn => ({
    type: 'message',
    channel: papers.id,
    channelName: slackChannelName(papers),
    message: { ...m, hasReplies },
    responseUrl,
  });

  it("a button on a message: Slack's fields, with the message, its response_url and the action", () => {
    const parent = message();
    const reply = message({ threadTs: parent.ts });
    const body = click(on(reply, 'http://playground.local/response/r1'));
    expect(keys(body)).toEqual(keys(slack));
    expect(keys(body.container)).toEqual(keys({ ...slack.container, thread_ts: '' }));
    expect(body.container).toEqual({ type: 'message', message_ts: reply.ts, channel_id: papers.id, is_ephemeral: false, thread_ts: parent.ts });
    expect(keys(body.user)).toEqual(keys(slack.user));
    expect(keys(body.team)).toEqual(keys(slack.team));
    expect(keys(body.channel)).toEqual(keys(slack.channel));
    expect(keys(body.message)).toEqual(expect.arrayContaining(keys(slack.message)));
    expect(body.message).toMatchObject({ type: 'message', ts: reply.ts, thread_ts: parent.ts, bot_id: W.bot.botId, user: W.bot.userId, blocks: reply.blocks });
    expect(keys(body.actions[0])).toEqual(expect.arrayContaining(keys(slack.actions[0])));
    expect(body.actions[0]).toMatchObject({
      type: 'button',
      action_id: 'paper_share',
      block_id: 'b1',
      value: '2307.03172',
      text: { type: 'plain_text', text: 'Share' },
    });
    expect(body.actions[0].action_ts).toMatch(TS);
    for (const id of [slack.trigger_id, body.trigger_id]) expect(id).toMatch(TRIGGER_ID);
    expect(body.response_url).toBe('http://playground.local/response/r1');
  });

  it('a thread parent says it is one (thread_ts = its own ts), as Slack does once it has replies', () => {
    const parent = message();
    const body = click(on(parent, 'u', true));
    expect(body.message.thread_ts).toBe(parent.ts);
    expect(body.container).not.toHaveProperty('thread_ts');
  });

  it('an ephemeral message: is_ephemeral, and no copy of the message (Slack keeps none to send)', () => {
    const results = message({ ephemeral: true });
    const body = click(on(results, 'u'));
    expect(keys(body)).toEqual(keys(slack).filter((k) => k !== 'message'));
    expect(body.container).toEqual({ ...slack.container, message_ts: results.ts, channel_id: papers.id, is_ephemeral: true });
  });

  it('the Home tab: a view container and the view; no channel, message or response_url', () => {
    const view = homeView(team, 'V0HOME', message().blocks!);
    const body = click({ type: 'view', view });
    expect(keys(body)).toEqual(keys({ ...slack, view: {} }).filter((k) => !['channel', 'message', 'response_url'].includes(k)));
    expect(body.container).toEqual({ type: 'view', view_id: 'V0HOME' });
    expect(body.view).toMatchObject({ id: 'V0HOME', type: 'home', team_id: W.teamId });
  });
});

describe('message_action', () => {
  const slack = fixture('message-action.json');

  it("a shortcut on a message: Slack's fields, the message it was used on, and a response_url", () => {
    const body = messageShortcut({
      team,
      callbackId: 'find_papers',
      responseUrl: 'https://hooks.example/r',
      channel: papers.id,
      channelName: 'papers',
      user: me.id,
      userName: me.name,
      message: { text: 'speech?', ts: '1516229207.000133' },
    }).decoded as Record<string, any>;
    expect(keys(body)).toEqual(keys(slack));
    expect(body).toMatchObject({
      type: 'message_action',
      callback_id: 'find_papers',
      response_url: 'https://hooks.example/r',
      channel: { id: papers.id, name: 'papers' },
      user: { id: me.id, name: me.name },
      message: { text: 'speech?', ts: '1516229207.000133' },
    });
    for (const id of [slack.trigger_id, body.trigger_id]) expect(id).toMatch(TRIGGER_ID);
  });
});

/**
 * Every builder, with only what it must be told, leaf by leaf against Slack's example: the same
 * paths with the same JSON types. Each difference is listed, with its reason.
 */
describe("every builder, shaped like Slack's example", () => {
  const element = { type: 'button', action_id: 'a', value: 'v', text: { type: 'plain_text', text: 'View', emoji: true } };
  const onMessage = (m: ClickedMessage): ClickedIn => ({ type: 'message', channel: 'C1', message: m, responseUrl: 'https://hooks.example/r' });
  const mention = typesOf(fixture('app-mention.json'));
  const click = typesOf(fixture('block-actions.json'));
  // Our messages say which app posted them, in which team (Slack's own answers do).
  const botMessage = { ...click, 'message.app_id': 'string', 'message.team': 'string' };
  const homeEvent = { type: 'string', user: 'string', channel: 'string', tab: 'string', event_ts: 'string' };
  const builders: [string, SlackRequest, Record<string, string>][] = [
    // No Enterprise Grid: its two fields are the only ones not sent.
    [
      'slash command',
      slashCommand({ command: '/paper', text: 'x', responseUrl: 'https://hooks.example/r' }),
      without(typesOf(slashFixture()), 'enterprise_id', 'enterprise_name'),
    ],
    ['app_mention', appMention({ text: 'hi' }), mention],
    ['app_mention in a thread', appMention({ text: 'hi', threadTs: '1515449483.000108' }), { ...mention, 'event.thread_ts': 'string' }],
    ['message.im', directMessage({ text: 'hi' }), { ...mention, 'event.channel_type': 'string' }],
    // shared/slack/fixtures has no app_home_opened: the envelope is the Events API's, the event has the documented fields.
    ['app_home_opened', appHomeOpened(), { ...without(mention, 'event'), ...Object.fromEntries(Object.entries(homeEvent).map(([k, v]) => [`event.${k}`, v])) }],
    [
      'block_actions on a message',
      blockActions({ element, blockId: 'b', where: onMessage({ ts: '1548261231.000200', ephemeral: false, bot: true }) }),
      botMessage,
    ],
    [
      'block_actions on an ephemeral message',
      blockActions({ element, blockId: 'b', where: onMessage({ ts: '1548261231.000200', ephemeral: true }) }),
      without(click, 'message'),
    ],
    [
      'block_actions on an ephemeral message, with a copy',
      blockActions({ element, blockId: 'b', where: onMessage({ ts: '1548261231.000200', ephemeral: true, withCopy: true, bot: true }) }),
      botMessage,
    ],
    [
      'message_action',
      messageShortcut({ callbackId: 'find_papers', responseUrl: 'https://hooks.example/r', message: { text: 'x' } }),
      typesOf(fixture('message-action.json')),
    ],
    ['url_verification', urlVerification(), typesOf(fixture('url-verification.json'))],
  ];

  for (const [what, request, expected] of builders) {
    it(`${what}: Slack's paths and types; decoded as Bolt decodes the body`, () => {
      expect(typesOf(request.decoded)).toEqual(expected);
      expect(boltDecodes(request)).toEqual(request.decoded);
    });
  }

  it('the Home tab click: the message fields give way to a view container and the view', () => {
    const body = blockActions({ element, blockId: 'b', where: { type: 'view', view: homeView(team, 'V1', []) } }).decoded;
    const expected = { ...without(click, 'channel', 'message', 'response_url', 'container'), 'container.type': 'string', 'container.view_id': 'string' };
    expect(without(typesOf(body), 'view')).toEqual(expected);
  });

  it("the tests' shorthand (test/helpers/payloads.ts) sends the same shapes", () => {
    const url = 'https://hooks.example/r';
    const shapes: [SlackBody, Record<string, string>][] = [
      [shorthand.slashCommand({ text: 'x', responseUrl: url }), builders[0]![2]],
      [shorthand.appMention({ words: 'hi' }), mention],
      [shorthand.directMessage({ text: 'hi' }), { ...mention, 'event.channel_type': 'string' }],
      [shorthand.appHomeOpened(), builders[4]![2]],
      [shorthand.blockAction({ actionId: 'a', value: 'v', container: { type: 'ephemeral', channel: 'C1' }, responseUrl: url }), botMessage],
      [
        shorthand.blockAction({ actionId: 'a', value: 'v', container: { type: 'thread', channel: 'C1', ts: '1700000000.000001' }, responseUrl: url }),
        botMessage,
      ],
      [shorthand.messageShortcut({ text: 'x', responseUrl: url }), typesOf(fixture('message-action.json'))],
      [shorthand.urlVerification(), typesOf(fixture('url-verification.json'))],
    ];
    for (const [body, expected] of shapes) expect(typesOf(boltDecodes(body))).toEqual(expected);
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

  const channels = [papers, { id: W.channels[1].id, name: W.channels[1].name }];

  it('links web addresses as Slack does, leaving out the punctuation that ends the sentence', () => {
    expect(typedToSlack('see https://arxiv.org/abs/1706.03762.', people)).toBe('see <https://arxiv.org/abs/1706.03762>.');
    expect(typedToSlack('(http://a.example/x_(y)), ok?', people)).toBe('(<http://a.example/x_(y)>), ok?');
    expect(typedToSlack('https://a.example/?q=1&r=2&', people)).toBe('<https://a.example/?q=1&amp;r=2&amp;>');
    expect(typedToSlack('https://a.example/<b>', people)).toBe('<https://a.example/>&lt;b&gt;');
    expect(typedToSlack('https:// and ftp://x.example', people)).toBe('https:// and ftp://x.example');
  });

  it('turns @here, @channel and @everyone into broadcasts, and #name into a reference to that channel', () => {
    expect(typedToSlack('@here @Channel @everyone! x@here', people)).toBe('<!here> <!channel> <!everyone>! x@here');
    expect(typedToSlack(`#${papers.name}, #nowhere #${papers.name}-old`, people, channels)).toBe(
      `<#${papers.id}|${papers.name}>, #nowhere #${papers.name}-old`,
    );
  });

  it('reads nothing inside a link as a mention or a channel', () => {
    expect(typedToSlack(`https://a.example/@Paperbot#${papers.name} @paperbot`, people, channels)).toBe(
      `<https://a.example/@Paperbot#${papers.name}> <@${W.bot.userId}>`,
    );
  });
});

describe('a pick in a menu', () => {
  it('travels as the field Slack names for that menu, with no text or value', () => {
    const element = { type: 'conversations_select', action_id: 'paper_share_to', placeholder: { type: 'plain_text', text: 'Pick a channel' } };
    const where: ClickedIn = {
      type: 'message',
      channel: dm.id,
      message: { ts: '1515449600.000100', ephemeral: true },
      responseUrl: 'https://hooks.slack.com/actions/T/1/x',
    };
    const { decoded } = blockActions({ team, element, selected: papers.id, blockId: 'share_to|2308.16582', where });
    const [action] = decoded['actions'] as Record<string, unknown>[];
    expect(action).toMatchObject({
      type: 'conversations_select',
      action_id: 'paper_share_to',
      block_id: 'share_to|2308.16582',
      selected_conversation: papers.id,
    });
    expect(action).not.toHaveProperty('value');
    expect(action).not.toHaveProperty('text');
    const channels = blockActions({ team, element: { ...element, type: 'channels_select' }, selected: papers.id, blockId: 'b', where }).decoded;
    expect((channels['actions'] as Record<string, unknown>[])[0]).toMatchObject({ selected_channel: papers.id });
  });
});

describe('link_shared', () => {
  it('a posted message and the composer: the event fields of Slack’s examples, links as { domain, url }', () => {
    const posted = shorthand.linkShared({ channel: 'C0READING', messageTs: '1764579599.000200', links: ['https://arxiv.org/abs/2308.16582v2'] });
    const postedEvent = (JSON.parse(posted.body) as Record<string, any>).event;
    const slack = fixture('link-shared.json').event;
    expect(keys(postedEvent)).toEqual(keys(slack));
    expect(postedEvent).toMatchObject({ type: 'link_shared', channel: 'C0READING', message_ts: '1764579599.000200', source: 'conversations_history' });
    expect(postedEvent.links).toEqual([{ domain: 'arxiv.org', url: 'https://arxiv.org/abs/2308.16582v2' }]);

    const composer = (JSON.parse(shorthand.linkShared({ composer: true, links: ['https://arxiv.org/pdf/2308.16582'] }).body) as Record<string, any>).event;
    expect(keys(composer)).toEqual(keys(fixture('link-shared-composer.json').event));
    expect(composer).toMatchObject({ channel: 'COMPOSER', source: 'composer' });
    expect(composer.unfurl_id).toBe(composer.message_ts);
  });
});
