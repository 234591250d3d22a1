import { parse } from 'node:querystring';
import type { Channel, Message } from './web/api-types.js';
import type { Block } from './web/block-kit.js';
import { eventId, triggerId, tsSeconds } from './slack-ids.js';
import type { Person, WorkspaceSetup } from './workspace.js';

/**
 * The requests Slack sends an app, built the way Slack builds them (checked against Slack's own
 * examples in shared/slack/fixtures by test/playground/payloads.test.ts). Each returns the
 * body Bolt's receivers hand to `app.processEvent`, decoded the way they decode it.
 */

type Team = Pick<WorkspaceSetup, 'teamId' | 'domain' | 'appId'>;
type Body = Record<string, unknown>;

/** Slack's verification token: deprecated, still sent, and no secret here. */
export const VERIFICATION_TOKEN = 'pLaYgRoUnDvErIfIcAtIoN0';

/** Slack names a conversation in command payloads this way when it is a DM. */
const channelName = (channel: Channel) => (channel.kind === 'im' ? 'directmessage' : channel.name);

/**
 * Escapes what a person typed as Slack does before sending it anywhere (`&`, `<`, `>`), and turns
 * `@Name` into the `<@U…>` mention Slack's composer makes of it.
 *
 * @example typedToSlack('@Paperbot a < b', people) // '<@U0PAPERBOT> a &lt; b'
 */
export function typedToSlack(typed: string, people: readonly Person[]): string {
  let text = typed.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  // Longest names first, so "@Bob Chen" is not taken for a "@Bob".
  for (const person of [...people].sort((a, b) => b.name.length - a.name.length)) {
    const name = person.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    text = text.replace(new RegExp(`(^|[^\\w])@${name}(?![\\w])`, 'giu'), `$1<@${person.id}>`);
  }
  return text;
}

/**
 * A slash command, as Slack posts it (a form body) and Bolt decodes it (`querystring.parse`):
 * every value a string. With `should_escape: false` (manifest.yml) the text is only entity-escaped.
 */
export function slashCommand(team: Team, args: { command: string; text: string; channel: Channel; user: Person; responseUrl: string }): Body {
  const form = new URLSearchParams({
    token: VERIFICATION_TOKEN,
    team_id: team.teamId,
    team_domain: team.domain,
    channel_id: args.channel.id,
    channel_name: channelName(args.channel),
    user_id: args.user.id,
    user_name: args.user.name,
    command: args.command,
    text: args.text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
    response_url: args.responseUrl,
    trigger_id: triggerId(),
    api_app_id: team.appId,
  });
  return { ...parse(form.toString()) };
}

/** The Events API envelope around one event; each delivery gets its own `event_id`. */
export function eventCallback(team: Team & { botUserId: string }, event: Body & { event_ts: string }): Body {
  return {
    token: VERIFICATION_TOKEN,
    team_id: team.teamId,
    api_app_id: team.appId,
    event,
    type: 'event_callback',
    event_id: eventId(),
    event_time: tsSeconds(event.event_ts),
    authed_users: [team.botUserId],
  };
}

/** What Slack tells an app about a person's message: `app_mention` in a channel, `message` (`channel_type: im`) in its DM. */
export function messageEvent(type: 'app_mention' | 'message', message: Pick<Message, 'channel' | 'ts' | 'threadTs' | 'userId' | 'text'>, channel: Channel): Body & { event_ts: string } {
  return {
    type,
    user: message.userId,
    text: message.text,
    ts: message.ts,
    ...(message.threadTs ? { thread_ts: message.threadTs } : {}),
    channel: message.channel,
    event_ts: message.ts,
    ...(type === 'message' ? { channel_type: channel.kind === 'im' ? 'im' : 'channel' } : {}),
  };
}

/** A home view as Slack describes it in payloads (`app_home_opened`, Home tab clicks). */
export function homeView(team: Team & { botId: string }, viewId: string, blocks: Block[]): Body {
  return {
    id: viewId,
    team_id: team.teamId,
    type: 'home',
    blocks,
    private_metadata: '',
    callback_id: '',
    state: { values: {} },
    hash: viewId.toLowerCase(),
    app_id: team.appId,
    bot_id: team.botId,
  };
}

/** `app_home_opened`: the viewer opened the app's Home tab; Slack includes the view it last published. */
export function appHomeOpened(user: Person, dmId: string, ts: string, view: Body | undefined): Body & { event_ts: string } {
  return { type: 'app_home_opened', user: user.id, channel: dmId, tab: 'home', ...(view ? { view } : {}), event_ts: ts };
}

/** Where the clicked element was: a message (ephemeral or not) or the Home tab's view. */
export type ClickSource =
  | { kind: 'message'; message: Message; channel: Channel; botId: string; responseUrl: string; hasReplies: boolean }
  | { kind: 'view'; view: Body };

/**
 * `block_actions`: one click, with the element as Slack describes it. Messages come with a
 * `response_url`; the message itself is included unless it is ephemeral (Slack keeps no copy
 * of those to send). Home tab clicks carry the view instead, and no `response_url`.
 */
export function blockActions(team: Team, args: { user: Person; element: Body; blockId: string; source: ClickSource; actionTs: string }): Body {
  const { user, element, source } = args;
  const action: Body = {
    action_id: element['action_id'],
    block_id: args.blockId,
    text: element['text'],
    ...(typeof element['value'] === 'string' ? { value: element['value'] } : {}),
    ...(typeof element['url'] === 'string' ? { url: element['url'] } : {}),
    ...(typeof element['style'] === 'string' ? { style: element['style'] } : {}),
    type: element['type'],
    action_ts: args.actionTs,
  };
  const common = {
    type: 'block_actions',
    team: { id: team.teamId, domain: team.domain },
    user: { id: user.id, username: user.name, team_id: team.teamId },
    api_app_id: team.appId,
    token: VERIFICATION_TOKEN,
  };
  if (source.kind === 'view') {
    const viewId = String(source.view['id']);
    return { ...common, container: { type: 'view', view_id: viewId }, trigger_id: triggerId(), view: source.view, actions: [action] };
  }
  const { message, channel } = source;
  const reply = message.threadTs !== undefined && message.threadTs !== message.ts;
  return {
    ...common,
    container: { type: 'message', message_ts: message.ts, channel_id: channel.id, is_ephemeral: message.ephemeral, ...(reply ? { thread_ts: message.threadTs } : {}) },
    trigger_id: triggerId(),
    channel: { id: channel.id, name: channelName(channel) },
    ...(message.ephemeral ? {} : { message: messageAsSlackSendsIt(message, team, source.botId, source.hasReplies) }),
    response_url: source.responseUrl,
    actions: [action],
  };
}

function messageAsSlackSendsIt(message: Message, team: Team, botId: string, hasReplies: boolean): Body {
  const threadTs = message.threadTs ?? (hasReplies ? message.ts : undefined);
  return {
    ...(message.bot ? { bot_id: botId, app_id: team.appId } : {}),
    type: 'message',
    text: message.text,
    user: message.userId,
    ts: message.ts,
    ...(threadTs ? { thread_ts: threadTs } : {}),
    team: team.teamId,
    ...(message.blocks ? { blocks: message.blocks } : {}),
  };
}
