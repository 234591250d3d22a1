import { eventId, nextTs, triggerId, tsSeconds } from './ids.js';
import { APP_MENTION, BLOCK_ACTIONS, MESSAGE_ACTION, SLASH_COMMAND, URL_VERIFICATION } from './slack-examples.js';
import type { Block, Channel, Person, SlackTeam } from './types.js';

/**
 * The requests Slack sends an app, built the way Slack builds them: the shapes of Slack's own
 * examples (slack-examples.ts; test/playground/payloads.test.ts holds every builder to them), and
 * their ids wherever the caller gives none. Each request comes as Slack sends it (`body`,
 * `contentType`: sign and POST it) and as Bolt's receivers decode it (`decoded`: hand it to
 * `app.processEvent`).
 *
 * @example
 * const { body, contentType } = slashCommand({ command: '/paper', text: 'long context', responseUrl });
 * await fetch(url, { method: 'POST', headers: signedHeaders(secret, body, contentType), body });
 */

export const FORM = 'application/x-www-form-urlencoded';
export const JSON_BODY = 'application/json';

/** A request body as Slack sends it. */
export interface SlackBody {
  body: string;
  contentType: typeof FORM | typeof JSON_BODY;
}

export interface SlackRequest extends SlackBody {
  /** `body` as Bolt's receivers hand it to `app.processEvent`: form fields, the JSON, or the JSON in `payload=`. */
  decoded: Record<string, unknown>;
}

/** Slack's verification token: deprecated, still sent, and no secret here. */
export const VERIFICATION_TOKEN = 'sTaNdInVeRiFiCaTiOn00';

/** The team of Slack's examples, with Paperbot as its bot: who a payload is for when nobody says. */
export const EXAMPLE_TEAM: SlackTeam = {
  teamId: APP_MENTION.team_id,
  domain: BLOCK_ACTIONS.team.domain,
  appId: APP_MENTION.api_app_id,
  botUserId: 'U0PAPERBOT',
  botId: 'B0PAPERBOT',
};

/** The app's DM with the person in Slack's examples (no example has one of its own). */
export const EXAMPLE_DM = 'D0PAPERDM';

/** How Slack names a conversation in command and action payloads: a DM is "directmessage". */
export const slackChannelName = (channel: Pick<Channel, 'name' | 'kind'>): string => (channel.kind === 'im' ? 'directmessage' : channel.name);

/** The three characters Slack escapes in what people write: `&`, `<`, `>`. */
export const escapeText = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * What Slack's composer makes of typed text, as the event carries it: the three characters
 * escaped; web addresses as `<https://…>` links (trailing punctuation left out, as Slack does);
 * `@here`, `@channel`, `@everyone` as `<!here>` …; `@Name` as the `<@U…>` mention of that person;
 * `#name` as `<#C…|name>` for a channel the workspace has. Nothing inside a link is read as a
 * mention or a channel. Unknown names stay as typed, as in Slack.
 *
 * @example typedToSlack('@Paperbot a < b, see https://arxiv.org/abs/1706.03762. #papers', people, channels)
 * // '<@U0PAPERBOT> a &lt; b, see <https://arxiv.org/abs/1706.03762>. <#C0PAPERS01|papers>'
 */
export function typedToSlack(typed: string, people: readonly Person[], channels: readonly Pick<Channel, 'id' | 'name'>[] = []): string {
  // Links first: what they hold is left alone.
  return escapeText(typed)
    .split(WEB_ADDRESS)
    .map((piece, i) => (i % 2 === 1 ? linkToSlack(piece) : namesToSlack(piece, people, channels)))
    .join('');
}

// A web address runs to whitespace or an escaped < or >; the capture keeps it in split()'s output.
const WEB_ADDRESS = /(\bhttps?:\/\/(?:(?!&lt;|&gt;)[^\s])+)/i;
const count = (text: string, ch: string) => text.split(ch).length - 1;

/** `<url>`, leaving out what ends the sentence rather than the address ("see https://x.org/a."), as Slack does. */
function linkToSlack(address: string): string {
  let url = address;
  for (;;) {
    const last = url.at(-1) ?? '';
    const entity = /&(amp|lt|gt);$/.test(url);
    if (last && !entity && '.,;:!?\'"'.includes(last)) url = url.slice(0, -1);
    else if (last === ')' && count(url, ')') > count(url, '(')) url = url.slice(0, -1);
    else break;
  }
  return url.length > 'https://'.length ? `<${url}>${address.slice(url.length)}` : address;
}

const BROADCASTS = ['here', 'channel', 'everyone'];
const quoteRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function namesToSlack(text: string, people: readonly Person[], channels: readonly Pick<Channel, 'id' | 'name'>[]): string {
  let out = text.replace(
    new RegExp(`(^|[^\\w])@(${BROADCASTS.join('|')})(?![\\w])`, 'gi'),
    (_m, before: string, word: string) => `${before}<!${word.toLowerCase()}>`,
  );
  // Longest names first, so "@Bob Chen" is not taken for a "@Bob".
  for (const person of [...people].sort((a, b) => b.name.length - a.name.length)) {
    out = out.replace(new RegExp(`(^|[^\\w])@${quoteRegExp(person.name)}(?![\\w])`, 'giu'), `$1<@${person.id}>`);
  }
  for (const channel of channels) {
    out = out.replace(new RegExp(`(^|[^\\w&#])#${quoteRegExp(channel.name)}(?![\\w-])`, 'gi'), `$1<#${channel.id}|${channel.name}>`);
  }
  return out;
}

const form = (fields: Record<string, string>): SlackRequest => ({ body: new URLSearchParams(fields).toString(), contentType: FORM, decoded: { ...fields } });
const json = (value: Record<string, unknown>): SlackRequest => ({ body: JSON.stringify(value), contentType: JSON_BODY, decoded: value });
/** Interactivity: the JSON travels in the form field `payload`. */
const interactive = (payload: Record<string, unknown>): SlackRequest => ({
  body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
  contentType: FORM,
  decoded: payload,
});

export interface SlashCommandOptions {
  team?: SlackTeam;
  command: string;
  /** As Slack sends it: with `should_escape: false` (manifest.yml), only {@link escapeText}d. */
  text: string;
  responseUrl: string;
  channel?: string;
  channelName?: string;
  user?: string;
  userName?: string;
  triggerId?: string;
}

/** A slash command: a form body, every value a string. No Enterprise Grid, so none of its two fields. */
export function slashCommand(o: SlashCommandOptions): SlackRequest {
  const team = o.team ?? EXAMPLE_TEAM;
  return form({
    token: VERIFICATION_TOKEN,
    team_id: team.teamId,
    team_domain: team.domain,
    channel_id: o.channel ?? SLASH_COMMAND.channel_id,
    channel_name: o.channelName ?? SLASH_COMMAND.channel_name,
    user_id: o.user ?? SLASH_COMMAND.user_id,
    user_name: o.userName ?? SLASH_COMMAND.user_name,
    command: o.command,
    text: o.text,
    response_url: o.responseUrl,
    trigger_id: o.triggerId ?? triggerId(),
    api_app_id: team.appId,
  });
}

export interface EnvelopeOptions {
  team?: SlackTeam;
  /** Slack repeats it on a retry; a new one otherwise. */
  eventId?: string;
}

/** The Events API envelope around one event (some, such as `app_uninstalled`, carry no `event_ts`: then it is sent now). */
export function eventCallback(event: Record<string, unknown> & { event_ts?: string }, o: EnvelopeOptions = {}): SlackRequest {
  const team = o.team ?? EXAMPLE_TEAM;
  return json({
    token: VERIFICATION_TOKEN,
    team_id: team.teamId,
    api_app_id: team.appId,
    event,
    type: 'event_callback',
    event_id: o.eventId ?? eventId(),
    event_time: tsSeconds(event.event_ts ?? nextTs()),
    authed_users: [team.botUserId],
  });
}

export interface MessageEventOptions extends EnvelopeOptions {
  /** As Slack sends it (see {@link typedToSlack}). */
  text: string;
  user?: string;
  channel?: string;
  ts?: string;
  threadTs?: string;
  /** More event fields: `subtype`, `bot_id`, `edited`, … */
  extra?: Record<string, unknown>;
}

function messageEvent(type: string, o: MessageEventOptions, channel: string, more: Record<string, unknown> = {}): SlackRequest {
  const ts = o.ts ?? nextTs();
  const event = {
    type,
    ...more,
    user: o.user ?? APP_MENTION.event.user,
    text: o.text,
    ts,
    ...(o.threadTs ? { thread_ts: o.threadTs } : {}),
    channel,
    event_ts: ts,
    ...o.extra,
  };
  return eventCallback(event, o);
}

/** `app_mention`: someone mentioned the bot in a channel (in a thread with `threadTs`). */
export const appMention = (o: MessageEventOptions): SlackRequest => messageEvent('app_mention', o, o.channel ?? APP_MENTION.event.channel);

/** `message.im`: a message in the app's DM with someone. */
export const directMessage = (o: MessageEventOptions): SlackRequest => messageEvent('message', o, o.channel ?? EXAMPLE_DM, { channel_type: 'im' });

/** `message.channels`: a message in a channel (a reply in a thread with `threadTs`). */
export const channelMessage = (o: MessageEventOptions): SlackRequest =>
  messageEvent('message', o, o.channel ?? APP_MENTION.event.channel, { channel_type: 'channel' });

export interface LinkSharedOptions extends EnvelopeOptions {
  /** The links as Slack lists them: a URL (its domain read from it), or any value for a forged payload. */
  links: readonly unknown[];
  user?: string;
  /** A posted message's channel; for the composer Slack writes the literal `COMPOSER`. */
  channel?: string;
  /** The posted message (a new ts when unset); unused for the composer. */
  messageTs?: string;
  /** Still in the message box: `source: 'composer'` and an `unfurl_id`, no real message. */
  composer?: boolean;
  /** Where the channel goes: real captures say `channel`, Slack's docs `channel_id`. */
  channelKey?: 'channel' | 'channel_id';
  unfurlId?: string;
}

/** `link_shared`: links to the app's unfurl domains, in a posted message or in the composer (as in fixtures/link-shared*.json). */
export function linkShared(o: LinkSharedOptions): SlackRequest {
  const user = o.user ?? APP_MENTION.event.user;
  const composer = o.composer ?? false;
  const messageTs = composer ? (o.unfurlId ?? `${user}-${triggerId()}`) : (o.messageTs ?? nextTs());
  const channel = composer ? 'COMPOSER' : (o.channel ?? APP_MENTION.event.channel);
  const links = o.links.map((link) => {
    if (typeof link !== 'string') return link;
    let domain = '';
    try {
      domain = new URL(link).hostname;
    } catch {
      // A forged link that is no URL: its domain stays empty.
    }
    return { domain, url: link };
  });
  const event = {
    type: 'link_shared',
    [o.channelKey ?? 'channel']: channel,
    is_bot_user_member: true,
    user,
    message_ts: messageTs,
    unfurl_id: composer ? messageTs : (o.unfurlId ?? `${channel}.${messageTs}.${eventId().slice(-6).toLowerCase()}`),
    source: composer ? 'composer' : 'conversations_history',
    links,
    event_ts: nextTs(),
  };
  return eventCallback(event, o);
}

/** A Home tab view as Slack describes it in payloads (`app_home_opened`, Home tab clicks, `views.publish`). */
export function homeView(team: SlackTeam, viewId: string, blocks: Block[]): Record<string, unknown> {
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

export interface HomeOpenedOptions extends EnvelopeOptions {
  user?: string;
  /** The user's DM with the app. */
  channel?: string;
  tab?: 'home' | 'messages';
  ts?: string;
  /** The view the app last published for them, if any ({@link homeView}). */
  view?: Record<string, unknown>;
}

/** `app_home_opened`: someone opened the app's Home (Slack sends it on every visit). */
export function appHomeOpened(o: HomeOpenedOptions = {}): SlackRequest {
  const event = {
    type: 'app_home_opened',
    user: o.user ?? APP_MENTION.event.user,
    channel: o.channel ?? EXAMPLE_DM,
    tab: o.tab ?? 'home',
    ...(o.view ? { view: o.view } : {}),
    event_ts: o.ts ?? nextTs(),
  };
  return eventCallback(event, o);
}

/** `app_uninstalled`: the app was removed from the workspace (Slack's example: the event is its type alone). */
export const appUninstalled = (o: EnvelopeOptions = {}): SlackRequest => eventCallback({ type: 'app_uninstalled' }, o);

export interface TokensRevokedOptions extends EnvelopeOptions {
  /** Bot user ids whose bot tokens were revoked. */
  bot?: readonly string[];
  /** User ids whose user tokens were revoked. */
  oauth?: readonly string[];
}

/** `tokens_revoked`: tokens of the app in the workspace were revoked (`tokens.bot` lists bot user ids). */
export function tokensRevoked(o: TokensRevokedOptions = {}): SlackRequest {
  const tokens = { ...(o.oauth ? { oauth: [...o.oauth] } : {}), ...(o.bot ? { bot: [...o.bot] } : {}) };
  return eventCallback({ type: 'tokens_revoked', tokens }, o);
}

/** The message a clicked element is in. */
export interface ClickedMessage {
  ts: string;
  /** Its thread, when it is in one. */
  threadTs?: string;
  ephemeral: boolean;
  userId?: string;
  bot?: boolean;
  text?: string;
  blocks?: Block[];
  /** A thread parent: Slack then gives it `thread_ts` = its own `ts`. */
  hasReplies?: boolean;
  /**
   * Whether a copy of the message comes with the click; by default only for a message everyone
   * sees. NOTE: Slack's published example of a click in an ephemeral message has one, while Slack
   * keeps no copy of ephemeral messages to send: the app must not rely on it either way.
   */
  withCopy?: boolean;
}

/** Where a clicked element is: in a message (ephemeral or not), or in a view (the Home tab). */
export type ClickedIn =
  | { type: 'message'; channel: string; channelName?: string; message: ClickedMessage; responseUrl?: string }
  | { type: 'view'; view: Record<string, unknown> }
  /** A button in an app's link preview under someone's message (`message_ts`, in `threadTs` when a reply). */
  | { type: 'unfurl'; channel: string; channelName?: string; messageTs: string; threadTs?: string; url: string; responseUrl?: string };

export interface BlockActionsOptions {
  team?: SlackTeam;
  user?: string;
  userName?: string;
  /** The element as the message or view has it (`type`, `action_id`, `text`, `value`, `url`, `style`). */
  element: Record<string, unknown>;
  /** What was picked in a menu: a conversation, channel or user id ({@link SELECTED_FIELD}). */
  selected?: string;
  blockId: string;
  where: ClickedIn;
  actionTs?: string;
  triggerId?: string;
}

/** Where a menu's pick travels in its action, by the menu's type. */
export const SELECTED_FIELD: Readonly<Record<string, string>> = {
  conversations_select: 'selected_conversation',
  channels_select: 'selected_channel',
  users_select: 'selected_user',
};

/**
 * `block_actions`: one click, or one pick in a menu (`selected`). A message comes with its `response_url`, and with a copy of itself
 * unless it is ephemeral (see `withCopy`). A view click carries the view instead, and no channel,
 * message or `response_url`.
 */
export function blockActions(o: BlockActionsOptions): SlackRequest {
  const team = o.team ?? EXAMPLE_TEAM;
  const { element, where } = o;
  const type = element['type'];
  const selectedField = typeof type === 'string' && Object.hasOwn(SELECTED_FIELD, type) ? SELECTED_FIELD[type] : undefined;
  const action = {
    action_id: element['action_id'],
    block_id: o.blockId,
    ...(selectedField ? { [selectedField]: o.selected ?? null } : { text: element['text'] }),
    ...(typeof element['value'] === 'string' ? { value: element['value'] } : {}),
    ...(typeof element['url'] === 'string' ? { url: element['url'] } : {}),
    ...(typeof element['style'] === 'string' ? { style: element['style'] } : {}),
    type: element['type'],
    action_ts: o.actionTs ?? nextTs(),
  };
  const common = {
    type: 'block_actions',
    team: { id: team.teamId, domain: team.domain },
    user: { id: o.user ?? BLOCK_ACTIONS.user.id, username: o.userName ?? BLOCK_ACTIONS.user.username, team_id: team.teamId },
    api_app_id: team.appId,
    token: VERIFICATION_TOKEN,
  };
  const trigger = o.triggerId ?? triggerId();
  if (where.type === 'view') {
    return interactive({ ...common, container: { type: 'view', view_id: String(where.view['id']) }, trigger_id: trigger, view: where.view, actions: [action] });
  }
  if (where.type === 'unfurl') {
    // NOTE: Slack sends the preview (`app_unfurl`) instead of the message it sits under.
    return interactive({
      ...common,
      container: {
        type: 'message_attachment',
        message_ts: where.messageTs,
        attachment_id: 1,
        channel_id: where.channel,
        is_ephemeral: false,
        is_app_unfurl: true,
        app_unfurl_url: where.url,
        ...(where.threadTs ? { thread_ts: where.threadTs } : {}),
      },
      trigger_id: trigger,
      channel: { id: where.channel, name: where.channelName ?? BLOCK_ACTIONS.channel.name },
      app_unfurl: { id: 1, app_unfurl_url: where.url, is_app_unfurl: true, from_url: where.url, original_url: where.url },
      is_app_unfurl: true,
      ...(where.responseUrl ? { response_url: where.responseUrl } : {}),
      actions: [action],
    });
  }
  const { message } = where;
  const reply = message.threadTs !== undefined && message.threadTs !== message.ts;
  return interactive({
    ...common,
    container: {
      type: 'message',
      message_ts: message.ts,
      channel_id: where.channel,
      is_ephemeral: message.ephemeral,
      ...(reply ? { thread_ts: message.threadTs } : {}),
    },
    trigger_id: trigger,
    channel: { id: where.channel, name: where.channelName ?? BLOCK_ACTIONS.channel.name },
    ...((message.withCopy ?? !message.ephemeral) ? { message: messageAsSlackSendsIt(message, team) } : {}),
    ...(where.responseUrl ? { response_url: where.responseUrl } : {}),
    actions: [action],
  });
}

function messageAsSlackSendsIt(message: ClickedMessage, team: SlackTeam): Record<string, unknown> {
  const threadTs = message.threadTs ?? (message.hasReplies ? message.ts : undefined);
  return {
    ...(message.bot ? { bot_id: team.botId, app_id: team.appId } : {}),
    type: 'message',
    text: message.text ?? BLOCK_ACTIONS.message.text,
    user: message.userId ?? team.botUserId,
    ts: message.ts,
    ...(threadTs ? { thread_ts: threadTs } : {}),
    team: team.teamId,
    ...(message.blocks ? { blocks: message.blocks } : {}),
  };
}

export interface MessageShortcutOptions {
  team?: SlackTeam;
  /** The shortcut's own id (manifest.yml). */
  callbackId: string;
  responseUrl: string;
  channel?: string;
  channelName?: string;
  user?: string;
  userName?: string;
  /** The message the shortcut was used on. */
  message: { text: string; ts?: string; threadTs?: string; user?: string };
  triggerId?: string;
}

/** `message_action`: a message shortcut, used on someone's message (it carries a `response_url`). */
export function messageShortcut(o: MessageShortcutOptions): SlackRequest {
  const team = o.team ?? EXAMPLE_TEAM;
  const m = o.message;
  return interactive({
    token: VERIFICATION_TOKEN,
    callback_id: o.callbackId,
    type: 'message_action',
    trigger_id: o.triggerId ?? triggerId(),
    response_url: o.responseUrl,
    team: { id: team.teamId, domain: team.domain },
    channel: { id: o.channel ?? MESSAGE_ACTION.channel.id, name: o.channelName ?? MESSAGE_ACTION.channel.name },
    user: { id: o.user ?? MESSAGE_ACTION.user.id, name: o.userName ?? MESSAGE_ACTION.user.name },
    message: {
      type: 'message',
      user: m.user ?? MESSAGE_ACTION.message.user,
      ts: m.ts ?? MESSAGE_ACTION.message.ts,
      text: m.text,
      ...(m.threadTs ? { thread_ts: m.threadTs } : {}),
    },
  });
}

/** The Events API URL challenge Slack sends when the request URL is set. */
export const urlVerification = (challenge: string = URL_VERIFICATION.challenge): SlackRequest =>
  json({ token: VERIFICATION_TOKEN, challenge, type: 'url_verification' });
