import { readFixture } from './shared-dir.js';
import { BOT } from './fake-slack.js';

/**
 * Request bodies built from Slack's own examples (shared/slack/fixtures), with only what a test
 * cares about changed. Each returns the raw body and its content type, as Slack would send them.
 */
export interface SlackBody {
  body: string;
  contentType: 'application/x-www-form-urlencoded' | 'application/json';
}

const form = (params: URLSearchParams): SlackBody => ({ body: params.toString(), contentType: 'application/x-www-form-urlencoded' });
const json = (value: unknown): SlackBody => ({ body: JSON.stringify(value), contentType: 'application/json' });
const fixture = (name: string) => JSON.parse(readFixture(name));

let seq = 0;
/** A fresh Slack timestamp like `"1515449483.000108"`. */
export const nextTs = (): string => `1515449${String(483 + ++seq).padStart(3, '0')}.${String(seq).padStart(6, '0')}`;

export function slashCommand(options: { text: string; responseUrl: string; channel?: string; user?: string; command?: string }): SlackBody {
  const params = new URLSearchParams(readFixture('slash-command.form').trim());
  params.set('command', options.command ?? '/paper');
  params.set('text', options.text);
  params.set('response_url', options.responseUrl);
  if (options.channel) params.set('channel_id', options.channel);
  if (options.user) params.set('user_id', options.user);
  return form(params);
}

function eventCallback(event: Record<string, unknown>): SlackBody {
  const envelope = fixture('app-mention.json');
  return json({ ...envelope, team_id: BOT.teamId, event, event_id: `Ev${Math.random().toString(36).slice(2, 12).toUpperCase()}`, authed_users: [BOT.userId] });
}

/** An `app_mention`; the text starts with the bot's mention as Slack writes it. */
export function appMention(options: { words: string; channel?: string; ts?: string; threadTs?: string; user?: string; extra?: Record<string, unknown> }): SlackBody {
  const base = fixture('app-mention.json').event;
  const ts = options.ts ?? nextTs();
  return eventCallback({
    ...base,
    text: `<@${BOT.userId}> ${options.words}`.trimEnd(),
    user: options.user ?? base.user,
    channel: options.channel ?? base.channel,
    ts,
    event_ts: ts,
    ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
    ...options.extra,
  });
}

/** A `message.im` event: a direct message to the bot. `extra` adds subtype, bot_id, … */
export function directMessage(options: { text: string; channel?: string; ts?: string; threadTs?: string; user?: string; extra?: Record<string, unknown> }): SlackBody {
  const ts = options.ts ?? nextTs();
  return eventCallback({
    type: 'message',
    channel_type: 'im',
    channel: options.channel ?? 'D0PAPERDM',
    user: options.user ?? 'W021FGA1Z',
    text: options.text,
    ts,
    event_ts: ts,
    ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
    ...options.extra,
  });
}

export function appHomeOpened(options: { user?: string; tab?: 'home' | 'messages' } = {}): SlackBody {
  return eventCallback({ type: 'app_home_opened', user: options.user ?? 'W021FGA1Z', channel: 'D0PAPERDM', tab: options.tab ?? 'home', event_ts: nextTs() });
}

/** Where the clicked button was: under `/paper` (ephemeral), on a message in a thread, or on the Home tab. */
export type Container =
  | { type: 'ephemeral'; channel: string; messageTs?: string }
  | { type: 'thread'; channel: string; ts: string; threadTs?: string }
  | { type: 'home' };

/** A `block_actions` click on one of our buttons, shaped like fixtures/block-actions.json. */
export function blockAction(options: { actionId: string; value: string; blockId?: string; container: Container; responseUrl?: string; user?: string }): SlackBody {
  const base = fixture('block-actions.json');
  const c = options.container;
  const payload: Record<string, any> = {
    ...base,
    team: { ...base.team, id: BOT.teamId },
    user: { ...base.user, id: options.user ?? base.user.id },
    actions: [{ ...base.actions[0], action_id: options.actionId, block_id: options.blockId ?? 'b0', value: options.value, text: { type: 'plain_text', text: 'Button', emoji: true } }],
  };
  delete payload.response_url;
  if (c.type === 'ephemeral') {
    payload.container = { ...base.container, channel_id: c.channel, is_ephemeral: true, ...(c.messageTs ? { message_ts: c.messageTs } : {}) };
    payload.channel = { ...base.channel, id: c.channel };
  } else if (c.type === 'thread') {
    payload.container = { type: 'message', message_ts: c.ts, channel_id: c.channel, is_ephemeral: false, ...(c.threadTs ? { thread_ts: c.threadTs } : {}) };
    payload.channel = { ...base.channel, id: c.channel };
    payload.message = { ...base.message, bot_id: BOT.botId, user: BOT.userId, ts: c.ts, ...(c.threadTs ? { thread_ts: c.threadTs } : {}) };
  } else {
    // Home tab clicks carry a view, no channel, message or response_url.
    payload.container = { type: 'view', view_id: 'V0HOME' };
    delete payload.channel;
    delete payload.message;
    payload.view = { id: 'V0HOME', type: 'home', blocks: [] };
  }
  if (options.responseUrl) payload.response_url = options.responseUrl;
  return form(new URLSearchParams({ payload: JSON.stringify(payload) }));
}

/** The "Find papers" message shortcut on a message, shaped like fixtures/message-action.json. */
export function messageShortcut(options: { text: string; responseUrl: string; channel?: string; ts?: string; threadTs?: string; callbackId?: string }): SlackBody {
  const base = fixture('message-action.json');
  const payload = {
    ...base,
    callback_id: options.callbackId ?? 'find_papers',
    team: { ...base.team, id: BOT.teamId },
    response_url: options.responseUrl,
    channel: { ...base.channel, id: options.channel ?? base.channel.id },
    message: { ...base.message, text: options.text, ts: options.ts ?? base.message.ts, ...(options.threadTs ? { thread_ts: options.threadTs } : {}) },
  };
  return form(new URLSearchParams({ payload: JSON.stringify(payload) }));
}

export const urlVerification = (): SlackBody => ({ body: readFixture('url-verification.json').trim(), contentType: 'application/json' });
