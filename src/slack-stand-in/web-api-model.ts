import { randomBytes, randomInt } from 'node:crypto';
import { BLOCK_KIT } from '../config.js';
import { homeView } from './payloads.js';
import { ResponseUrls, type ResponseMessage, type ResponseResult } from './response-urls.js';
import type { Block, Message } from './types.js';
import type { SlackWorkspace } from './workspace.js';

/**
 * Slack's side of every call an app makes, as a state machine over a workspace: the Web API
 * methods Paperbot calls, answered as Slack answers them (`{ ok: true, … }`, or `{ ok: false,
 * error }` with Slack's codes; a method it does not have is `unknown_method`), and the posts to
 * response_urls. No transport: routes.ts puts it behind HTTP, in-process or on a port.
 *
 * @example
 * const model = new WebApiModel(new SlackWorkspace(EXAMPLE_WORKSPACE, { world: 'open' }));
 * model.call('chat.postMessage', { channel: 'C0LAN2Q65', text: 'hi' }, 'xoxb-…'); // { ok: true, ts: '…', … }
 */

export type Params = Record<string, unknown>;
export type ApiResult = { ok: boolean } & Record<string, unknown>;

export interface WebApiModelOptions {
  /** The only bot token it takes (`invalid_auth` for any other, save those it issued by OAuth); any token when unset. */
  token?: string;
  /** The app's OAuth credentials (Basic Information → App Credentials): what `oauth.v2.access` checks. No OAuth without them. */
  oauthApp?: { clientId: string; clientSecret: string };
  now?: () => number;
}

/** Someone allowed the app on Slack's authorize page: for which workspace, and who they are. */
export interface InstallGrant {
  team: { id: string; name: string };
  /** The app's bot user and bot in that workspace (Slack makes one per workspace). */
  bot: { userId: string; botId: string };
  appId: string;
  /** Who installed it. */
  userId: string;
  /** The bot scopes granted: those the authorize URL asked for. */
  scopes: readonly string[];
}

/** An installation's bot token, as Slack writes them: `xoxb-<team number>-<bot number>-<24 letters and digits>`; new for every install. */
const botToken = (): string => {
  const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join('');
  return `xoxb-${digits(12)}-${digits(13)}-${randomBytes(18).toString('base64url').replace(/[-_]/g, '0').slice(0, 24)}`;
};

/** The Home view's id (Slack has one per user; the stand-in names them all alike). */
export const HOME_VIEW_ID = 'V0PLAYHOME';

const error = (code: string): ApiResult => ({ ok: false, error: code });
const str = (params: Params, key: string): string | undefined => (typeof params[key] === 'string' && params[key] !== '' ? (params[key] as string) : undefined);

export class WebApiModel {
  readonly responses: ResponseUrls;
  /** The methods there are, for the warning about one that is missing. */
  readonly names = [
    'oauth.v2.access',
    'auth.test',
    'chat.postMessage',
    'chat.postEphemeral',
    'chat.update',
    'chat.delete',
    'views.publish',
    'conversations.open',
    'chat.getPermalink',
    'chat.unfurl',
  ];

  constructor(
    readonly workspace: SlackWorkspace,
    private readonly options: WebApiModelOptions = {},
  ) {
    this.responses = new ResponseUrls(workspace, options.now);
  }

  /** Codes handed out by {@link grantInstall} and not yet exchanged. */
  private readonly codes = new Map<string, InstallGrant>();
  /** Bot tokens issued by `oauth.v2.access`, and for which install. */
  private readonly issued = new Map<string, InstallGrant>();

  /**
   * Someone clicked Allow on Slack's authorize page (`https://slack.com/oauth/v2/authorize?…`):
   * returns the one-time code Slack sends their browser back to the app's redirect URL with.
   */
  grantInstall(grant: InstallGrant): string {
    const code = `${randomInt(1e9, 1e10)}.${randomInt(1e12, 1e13)}.${randomBytes(32).toString('hex')}`;
    this.codes.set(code, grant);
    return code;
  }

  /** The install a bot token was issued for; undefined for a token this model never issued (or one revoked). */
  installOf(token: string): InstallGrant | undefined {
    return this.issued.get(token);
  }

  /** One Web API call, with the bot token it came with (from `Authorization: Bearer`, or the `token` field). */
  call(method: string, params: Params, token: string | undefined): ApiResult {
    // The app's client id and secret authenticate this one, not a token.
    if (method === 'oauth.v2.access') return this.oauthAccess(params);
    if (!token) return error('not_authed');
    if (this.options.token !== undefined && token !== this.options.token && !this.issued.has(token)) return error('invalid_auth');
    switch (method) {
      case 'auth.test':
        return this.authTest(this.issued.get(token));
      case 'chat.postMessage':
        return this.postMessage(params);
      case 'chat.postEphemeral':
        return this.postEphemeral(params);
      case 'chat.update':
        return this.update(params);
      case 'chat.delete':
        return this.delete(params);
      case 'views.publish':
        return this.publish(params);
      case 'conversations.open':
        return this.open(params);
      case 'chat.getPermalink':
        return this.permalink(params);
      case 'chat.unfurl':
        return this.unfurl(params);
      default:
        return error('unknown_method');
    }
  }

  /** One post to the response_url with this id. */
  respond(id: string, message: ResponseMessage): ResponseResult {
    return this.responses.post(id, message);
  }

  /**
   * Exchanges an authorize page's code for the installation's bot token, once, as Slack does:
   * `invalid_client_id` / `bad_client_secret` for credentials that are not the app's,
   * `invalid_code` for a code it never gave or already exchanged.
   */
  private oauthAccess(params: Params): ApiResult {
    const app = this.options.oauthApp;
    if (!app || str(params, 'client_id') !== app.clientId) return error('invalid_client_id');
    if (str(params, 'client_secret') !== app.clientSecret) return error('bad_client_secret');
    const code = str(params, 'code');
    const grant = code ? this.codes.get(code) : undefined;
    if (!code || !grant) return error('invalid_code');
    this.codes.delete(code);
    const token = botToken();
    this.issued.set(token, grant);
    return {
      ok: true,
      app_id: grant.appId,
      authed_user: { id: grant.userId },
      scope: grant.scopes.join(','),
      token_type: 'bot',
      access_token: token,
      bot_user_id: grant.bot.userId,
      team: { id: grant.team.id, name: grant.team.name },
      enterprise: null,
      is_enterprise_install: false,
    };
  }

  /** Who a token is: an install's bot in its workspace, or (any other token) the bot of the workspace this model plays. */
  private authTest(install?: InstallGrant): ApiResult {
    if (install) {
      const { team, bot } = install;
      return {
        ok: true,
        url: `https://${team.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.slack.com/`,
        team: team.name,
        user: 'paperbot',
        team_id: team.id,
        user_id: bot.userId,
        bot_id: bot.botId,
        is_enterprise_install: false,
      };
    }
    const { teamId, teamName, domain, bot } = this.workspace.setup;
    return {
      ok: true,
      url: `https://${domain}.slack.com/`,
      team: teamName,
      user: bot.name.toLowerCase(),
      team_id: teamId,
      user_id: bot.userId,
      bot_id: bot.botId,
      is_enterprise_install: false,
    };
  }

  private conversation(params: Params): string | undefined {
    const id = str(params, 'channel');
    return id ? this.workspace.conversation(id) : undefined;
  }

  private content(params: Params): { text: string; blocks?: Block[] } | ApiResult {
    const text = str(params, 'text') ?? '';
    const blocks = params['blocks'];
    if (blocks !== undefined && !Array.isArray(blocks)) return error('invalid_blocks_format');
    if (Array.isArray(blocks) && blocks.length > BLOCK_KIT.maxBlocks) return error('invalid_blocks');
    if (!text && !(Array.isArray(blocks) && blocks.length)) return error('no_text');
    return Array.isArray(blocks) ? { text, blocks: blocks as Block[] } : { text };
  }

  /** A thread to post into; `null` when `thread_ts` names no message there. */
  private thread(channel: string, params: Params): string | undefined | null {
    const ts = str(params, 'thread_ts');
    return ts === undefined ? undefined : (this.workspace.threadRoot(channel, ts) ?? null);
  }

  private postMessage(params: Params): ApiResult {
    const channel = this.conversation(params);
    if (!channel) return error('channel_not_found');
    const content = this.content(params);
    if ('ok' in content) return content;
    const threadTs = this.thread(channel, params);
    // NOTE: Slack accepts a thread_ts that names no message and posts a lone message; a closed world refuses, so the bug shows.
    if (threadTs === null) return error('thread_not_found');
    const { bot } = this.workspace.setup;
    const message = this.workspace.add({ channel, threadTs, userId: bot.userId, bot: true, ephemeral: false, ...content });
    return { ok: true, channel, ts: message.ts, message: this.asSlack(message) };
  }

  private postEphemeral(params: Params): ApiResult {
    const channel = this.conversation(params);
    if (!channel) return error('channel_not_found');
    const user = str(params, 'user');
    if (!user || !this.workspace.person(user)) return error('user_not_found');
    const content = this.content(params);
    if ('ok' in content) return content;
    const threadTs = this.thread(channel, params);
    if (threadTs === null) return error('thread_not_found');
    const { bot } = this.workspace.setup;
    // Someone the workspace does not follow still gets a ts; the message is only on their screen.
    const ts = this.workspace.keepsPrivate(user)
      ? this.workspace.add({ channel, threadTs, userId: bot.userId, bot: true, ephemeral: true, ...content }).ts
      : this.workspace.nextTs();
    return { ok: true, message_ts: ts };
  }

  /** The bot's own message at `channel` + `ts`, or the error Slack gives. */
  private ownMessage(params: Params): Message | ApiResult {
    const channel = this.conversation(params);
    if (!channel) return error('channel_not_found');
    const message = this.workspace.byTs(channel, str(params, 'ts') ?? '');
    if (!message) return error('message_not_found');
    if (!message.bot) return error('cant_update_message');
    return message;
  }

  private update(params: Params): ApiResult {
    const found = this.ownMessage(params);
    if ('ok' in found) return found;
    const content = this.content(params);
    if ('ok' in content) return content;
    const updated = this.workspace.replace(found.id, content);
    return { ok: true, channel: found.channel, ts: found.ts, text: content.text, message: updated ? this.asSlack(updated) : undefined };
  }

  private delete(params: Params): ApiResult {
    const found = this.ownMessage(params);
    if ('ok' in found) return found.error === 'cant_update_message' ? error('cant_delete_message') : found;
    this.workspace.remove(found.id);
    return { ok: true, channel: found.channel, ts: found.ts };
  }

  private publish(params: Params): ApiResult {
    const user = str(params, 'user_id');
    if (!user || !this.workspace.person(user)) return error('user_not_found');
    const view = params['view'];
    if (typeof view !== 'object' || view === null) return error('invalid_arguments');
    const { type, blocks } = view as { type?: unknown; blocks?: unknown };
    if (type !== 'home' || !Array.isArray(blocks) || blocks.length > BLOCK_KIT.maxViewBlocks) return error('invalid_arguments');
    const published = this.workspace.publishHome(user, blocks as Block[]);
    return { ok: true, view: homeView(this.workspace.team, HOME_VIEW_ID, published) };
  }

  /** A message's permalink, as Slack writes them: `https://DOMAIN.slack.com/archives/CHANNEL/pTSDIGITS`. */
  private permalink(params: Params): ApiResult {
    const channel = this.conversation(params);
    if (!channel) return error('channel_not_found');
    const ts = str(params, 'message_ts') ?? '';
    if (!this.workspace.byTs(channel, ts)) return error('message_not_found');
    return { ok: true, channel, permalink: `https://${this.workspace.setup.domain}.slack.com/archives/${channel}/p${ts.replace('.', '')}` };
  }

  /**
   * Link previews for a posted message (`channel` + `ts`) or the composer (`unfurl_id` + `source`):
   * `unfurls` maps each URL to `{ blocks }`, with no `rich_text` (Slack's `invalid_blocks`).
   * NOTE: the stand-in checks and accepts them; it does not draw them under the message.
   */
  private unfurl(params: Params): ApiResult {
    const byMessage = str(params, 'channel') !== undefined || str(params, 'ts') !== undefined;
    const byId = str(params, 'unfurl_id') !== undefined || str(params, 'source') !== undefined;
    if (byMessage === byId) return error('invalid_arguments');
    if (byMessage) {
      const channel = this.conversation(params);
      if (!channel) return error('cannot_find_channel');
      if (this.workspace.threadRoot(channel, str(params, 'ts') ?? '') === undefined) return error('cannot_find_message');
    } else if (!str(params, 'unfurl_id') || !['composer', 'conversations_history'].includes(str(params, 'source') ?? '')) {
      return error('invalid_arguments');
    }
    const unfurls = params['unfurls'];
    if (typeof unfurls !== 'object' || unfurls === null || Array.isArray(unfurls) || Object.keys(unfurls).length === 0) return error('invalid_unfurls_format');
    for (const value of Object.values(unfurls as Record<string, unknown>)) {
      const blocks = (value as { blocks?: unknown } | null)?.blocks;
      if (!Array.isArray(blocks) || blocks.length === 0) return error('invalid_unfurls_format');
      if (blocks.length > BLOCK_KIT.maxBlocks || blocks.some((b) => (b as { type?: unknown } | null)?.type === 'rich_text')) return error('invalid_blocks');
    }
    return { ok: true };
  }

  private open(params: Params): ApiResult {
    const users = str(params, 'users');
    if (!users) return error('users_list_not_supplied');
    // NOTE: the stand-in knows only the viewer's DM with the app.
    if (!this.workspace.isViewer(users)) return error('user_not_found');
    return { ok: true, channel: { id: this.workspace.setup.dmId } };
  }

  /** A posted message in an answer, as Slack's documented `chat.postMessage` example gives it: the poster is its `bot_id`. */
  private asSlack(message: Readonly<Message>): Params {
    const { bot, teamId, appId } = this.workspace.setup;
    return {
      type: 'message',
      text: message.text,
      bot_id: bot.botId,
      app_id: appId,
      team: teamId,
      ts: message.ts,
      ...(message.threadTs ? { thread_ts: message.threadTs } : {}),
      ...(message.blocks ? { blocks: message.blocks } : {}),
    };
  }
}
