import { SLACK_APP } from '../config.js';
import type { Logger } from '../logger.js';
import type { InProcessSlack } from '../slack-stand-in/in-process-fetch.js';
import {
  appHomeOpened,
  appMention,
  blockActions,
  directMessage,
  escapeText,
  homeView,
  messageShortcut,
  SELECTED_FIELD,
  slackChannelName,
  slashCommand,
  typedToSlack,
  type SlackRequest,
} from '../slack-stand-in/payloads.js';
import { applyResponse, type ResponseMessage } from '../slack-stand-in/response-urls.js';
import type { Block } from '../slack-stand-in/types.js';
import { HOME_VIEW_ID } from '../slack-stand-in/web-api-model.js';
import { MESSAGE_SHORTCUTS } from './message-shortcuts.js';
import type { PlaygroundReceiver } from './receiver.js';
import type { ClickRequest, SayRequest, ShortcutRequest } from './web/api-types.js';
import type { Workspace } from './workspace.js';

/** A request the page made that Slack would not allow; `status` is the HTTP answer. */
export class InteractionError extends Error {
  override name = 'InteractionError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Settles once the app has finished with what the viewer did (tests wait on it; the page polls). */
export interface Handled {
  done: Promise<void>;
}

const NOTHING: Handled = { done: Promise.resolve() };

/**
 * What the viewer does in the page, turned into what Slack would do: store the typed message,
 * send the app the request Slack would send (a command, an event, a click), and show what the
 * command's ack says. Everything else the app answers arrives through the Slack stand-in
 * (src/slack-stand-in), which builds every request here too.
 */
export class Interactions {
  constructor(
    private readonly workspace: Workspace,
    private readonly receiver: PlaygroundReceiver,
    /** Where response_urls come from: Slack's side of the app's calls. */
    private readonly slack: Pick<InProcessSlack, 'responseUrl'>,
    private readonly logger: Logger,
  ) {}

  say(request: SayRequest): Handled {
    const channel = this.workspace.channel(request.channel);
    if (!channel) throw new InteractionError(404, `No channel ${request.channel}`);
    const typed = request.text.trim();
    if (!typed) throw new InteractionError(400, 'Nothing to send');
    let threadTs: string | undefined;
    if (request.threadTs !== undefined) {
      threadTs = this.workspace.threadRoot(channel.id, request.threadTs);
      if (!threadTs) throw new InteractionError(404, `No thread ${request.threadTs} in ${channel.id}`);
    }
    if (typed.startsWith('/')) return this.command(channel.id, typed, threadTs);

    const { me, others, bot } = this.workspace.setup;
    const channels = this.workspace.conversations.filter((c) => c.kind === 'channel');
    const text = typedToSlack(typed, [me, ...others, { id: bot.userId, name: bot.name }], channels);
    const message = this.workspace.add({ channel: channel.id, threadTs, userId: me.id, bot: false, text, ephemeral: false });
    const event = { team: this.workspace.team, text, user: me.id, channel: channel.id, ts: message.ts, threadTs: message.threadTs };
    // The app subscribes to mentions and to its DMs (manifest.yml); other channel messages never reach it.
    if (channel.kind === 'im') return this.deliver(directMessage(event));
    if (text.includes(`<@${bot.userId}>`)) return this.deliver(appMention(event));
    return NOTHING;
  }

  click(request: ClickRequest): Handled {
    const { me } = this.workspace.setup;
    const { team } = this.workspace;
    const clicker = { team, user: me.id, userName: me.name, blockId: request.blockId, actionTs: this.workspace.nextTs() };
    if (request.messageId === '') {
      const blocks = this.workspace.homeBlocks;
      if (!blocks) throw new InteractionError(404, 'The Home tab has no view yet');
      const element = findElement(blocks, request);
      return this.deliverClick(blockActions({ ...clicker, element, where: { type: 'view', view: homeView(team, HOME_VIEW_ID, blocks) } }));
    }
    const message = this.workspace.get(request.messageId);
    if (!message) throw new InteractionError(404, `No message ${request.messageId}`);
    const channel = this.workspace.channel(message.channel);
    if (!channel) throw new InteractionError(404, `No channel ${message.channel}`);
    const element = findElement(message.blocks ?? [], request);
    const selected = this.selection(element, request);
    const responseUrl = this.slack.responseUrl({ channel: channel.id, userId: me.id, threadTs: message.threadTs, originalId: message.id });
    const clicked = { ...message, hasReplies: this.workspace.hasReplies(message) };
    return this.deliverClick(
      blockActions({
        ...clicker,
        element,
        ...(selected ? { selected } : {}),
        where: { type: 'message', channel: channel.id, channelName: slackChannelName(channel), message: clicked, responseUrl },
      }),
    );
  }

  /**
   * "More actions" → a message shortcut on a message: Slack sends the app `message_action` with
   * the message and a response_url. Slack offers no actions on an ephemeral message.
   */
  shortcut(request: ShortcutRequest): Handled {
    const message = this.workspace.get(request.messageId);
    if (!message) throw new InteractionError(404, `No message ${request.messageId}`);
    if (message.ephemeral) throw new InteractionError(400, 'Slack offers no message actions on an ephemeral message');
    const shortcut = MESSAGE_SHORTCUTS.find((s) => s.callbackId === request.callbackId);
    if (!shortcut) throw new InteractionError(404, `The app has no message shortcut ${request.callbackId}`);
    const channel = this.workspace.channel(message.channel);
    if (!channel) throw new InteractionError(404, `No channel ${message.channel}`);
    const { me, bot } = this.workspace.setup;
    const threadTs = message.threadTs ?? (this.workspace.hasReplies(message) ? message.ts : undefined);
    const responseUrl = this.slack.responseUrl({ channel: channel.id, userId: me.id, threadTs: message.threadTs });
    return this.deliverAck(
      messageShortcut({
        team: this.workspace.team,
        callbackId: shortcut.callbackId,
        responseUrl,
        channel: channel.id,
        channelName: slackChannelName(channel),
        user: me.id,
        userName: me.name,
        message: { text: message.text, ts: message.ts, threadTs, user: message.bot ? bot.userId : message.userId },
      }),
      `shortcut ${shortcut.callbackId}`,
    );
  }

  /** What a menu click picked: one of the conversations the menu offers, as Slack's client only lets you pick those. */
  private selection(element: Record<string, unknown>, request: ClickRequest): string | undefined {
    const type = element['type'];
    if (typeof type !== 'string' || !Object.hasOwn(SELECTED_FIELD, type)) return undefined;
    const picked = request.selected;
    if (!picked) throw new InteractionError(400, `${type} needs { selected }`);
    if (type === 'users_select') {
      if (!this.workspace.person(picked)) throw new InteractionError(400, `${picked} is not among what the menu offers`);
      return picked;
    }
    // The stand-in's channels are all public; its one DM is the viewer's with the app.
    const include = (element['filter'] as { include?: unknown } | undefined)?.include;
    const kinds: unknown[] =
      type === 'channels_select' ? ['public'] : Array.isArray(include) && include.length > 0 ? include : ['public', 'private', 'im', 'mpim'];
    const offered = this.workspace.conversations.filter((c) => kinds.includes(c.kind === 'im' ? 'im' : 'public'));
    if (!offered.some((c) => c.id === picked)) throw new InteractionError(400, `${picked} is not among what the menu offers`);
    return picked;
  }

  /** The viewer opened the app's Home tab (Slack sends this on every visit). */
  openHome(): Handled {
    const { me, dmId } = this.workspace.setup;
    const blocks = this.workspace.homeBlocks;
    const view = blocks ? homeView(this.workspace.team, HOME_VIEW_ID, blocks) : undefined;
    return this.deliver(appHomeOpened({ team: this.workspace.team, user: me.id, channel: dmId, ts: this.workspace.nextTs(), view }));
  }

  private command(channel: string, typed: string, threadTs: string | undefined): Handled {
    const [command = '', text = ''] = typed.split(/\s+(.*)/s);
    // Slack's own answers to a command it does not run.
    if (threadTs) return this.slackbot(channel, threadTs, `${command} is not supported in threads. Sorry!`);
    if (command !== SLACK_APP.command)
      return this.slackbot(
        channel,
        undefined,
        `${command} is not a valid command. In Slack, all messages that start with the "/" character are interpreted as commands.`,
      );

    const { me } = this.workspace.setup;
    const target = { channel, userId: me.id };
    const responseUrl = this.slack.responseUrl(target);
    const channelInfo = this.workspace.channel(channel)!;
    const request = slashCommand({
      team: this.workspace.team,
      command,
      text: escapeText(text),
      channel,
      channelName: slackChannelName(channelInfo),
      user: me.id,
      userName: me.name,
      responseUrl,
    });
    const { ack, done } = this.receiver.deliver(request.decoded);
    const answered = ack.then((outcome) => {
      if (!outcome.acked) return void this.slackbot(channel, undefined, `${command} failed with the error "operation_timeout"`);
      const body: ResponseMessage = typeof outcome.body === 'string' ? { text: outcome.body } : ((outcome.body ?? {}) as ResponseMessage);
      // An empty ack shows nothing; an answer shows like a response_url post, and in_channel also shows the command.
      if (!body.text && !(Array.isArray(body.blocks) && body.blocks.length)) return;
      if (body.response_type === 'in_channel') this.workspace.add({ channel, userId: me.id, bot: false, text: typed, ephemeral: false });
      const result = applyResponse(this.workspace, target, { ...body, replace_original: false, delete_original: false });
      if (!result.ok) this.logger.warn({ error: result.error }, `Slack would refuse this answer to ${command}`);
    });
    return { done: Promise.all([answered, done]).then(() => undefined) };
  }

  private slackbot(channel: string, threadTs: string | undefined, text: string): Handled {
    this.workspace.add({ channel, threadTs, userId: this.workspace.setup.slackbot.id, bot: false, text, ephemeral: true });
    return NOTHING;
  }

  private deliver(request: SlackRequest): Handled {
    return { done: this.receiver.deliver(request.decoded).done };
  }

  private deliverClick(request: SlackRequest): Handled {
    return this.deliverAck(request, (request.decoded['actions'] as { action_id?: string }[])[0]?.action_id ?? 'click');
  }

  private deliverAck(request: SlackRequest, what: string): Handled {
    const { ack, done } = this.receiver.deliver(request.decoded);
    const checked = ack.then((outcome) => {
      // Slack marks the button (or the shortcut) with a warning when nobody acks; here it goes to the log.
      if (!outcome.acked) this.logger.warn({ action: what }, 'nothing acknowledged this click');
    });
    return { done: Promise.all([checked, done]).then(() => undefined) };
  }
}

/** The interactive element a click names: by block, then action id (unique within a block). */
function findElement(blocks: readonly Block[], request: ClickRequest): Record<string, unknown> {
  const block = blocks.find((b) => b.block_id === request.blockId);
  const elements = block ? [...(Array.isArray(block['elements']) ? block['elements'] : []), block['accessory']] : [];
  const element = elements.find(
    (e): e is Record<string, unknown> => typeof e === 'object' && e !== null && (e as { action_id?: unknown }).action_id === request.actionId,
  );
  if (!element) throw new InteractionError(404, `No element ${request.actionId} in block ${request.blockId}`);
  return element;
}
