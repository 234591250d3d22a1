import { blockId, slackClock } from './ids.js';
import { EXAMPLE_DM, EXAMPLE_TEAM } from './payloads.js';
import { APP_MENTION, BLOCK_ACTIONS, SLASH_COMMAND } from './slack-examples.js';
import type { Block, Channel, Message, Person, SlackTeam } from './types.js';

/**
 * A Slack workspace as the Web API model keeps it: its people and channels, every message, and
 * the Home tabs the app published. Subclasses hear of every change through `changed()` (the
 * playground's page long-polls on it).
 */

export interface WorkspaceSetup {
  teamId: string;
  teamName: string;
  domain: string;
  appId: string;
  bot: { userId: string; botId: string; name: string };
  /** Who is looking: the user whose ephemeral messages and Home tab a closed world keeps. */
  me: Person;
  others: readonly Person[];
  channels: readonly { id: string; name: string }[];
  /** The viewer's DM with the app. */
  dmId: string;
  slackbot: Person;
}

/**
 * - `closed`: only the setup's people and channels exist, and only what the viewer sees is kept
 *   (the playground, which must be able to draw everything);
 * - `open`: any id names someone or somewhere real the stand-in was not told about, and a `ts` it
 *   never saw names a message Slack has (tests and benches, which make ids up).
 */
export type World = 'closed' | 'open';

export interface WorkspaceOptions {
  world?: World;
  now?: () => number;
  /** Keep only the newest messages (a bench posts for minutes); all of them by default. */
  maxMessages?: number;
}

/** A message before the workspace stores it. */
export type NewMessage = Omit<Message, 'id' | 'ts'>;

/** The workspace of Slack's examples, Paperbot its bot, open: what tests and benches run against. */
export const EXAMPLE_WORKSPACE: WorkspaceSetup = {
  teamId: EXAMPLE_TEAM.teamId,
  teamName: 'Example',
  domain: EXAMPLE_TEAM.domain,
  appId: EXAMPLE_TEAM.appId,
  bot: { userId: EXAMPLE_TEAM.botUserId, botId: EXAMPLE_TEAM.botId, name: 'Paperbot' },
  me: { id: APP_MENTION.event.user, name: 'Example user' },
  others: [
    { id: SLASH_COMMAND.user_id, name: SLASH_COMMAND.user_name },
    { id: BLOCK_ACTIONS.user.id, name: BLOCK_ACTIONS.user.username },
  ],
  channels: [
    { id: APP_MENTION.event.channel, name: 'general' },
    { id: SLASH_COMMAND.channel_id, name: SLASH_COMMAND.channel_name },
    { id: BLOCK_ACTIONS.channel.id, name: BLOCK_ACTIONS.channel.name },
  ],
  dmId: EXAMPLE_DM,
  slackbot: { id: 'USLACKBOT', name: 'Slackbot' },
};

export class SlackWorkspace {
  readonly nextTs: () => string;
  readonly world: World;
  private messages: Message[] = [];
  private homes = new Map<string, Block[]>();
  private lastId = 0;
  private readonly maxMessages: number;

  constructor(
    readonly setup: WorkspaceSetup,
    options: WorkspaceOptions = {},
  ) {
    this.world = options.world ?? 'closed';
    this.nextTs = slackClock(options.now);
    this.maxMessages = options.maxMessages ?? Infinity;
  }

  /** Who the app is here, as payloads name it. */
  get team(): SlackTeam {
    const { teamId, domain, appId, bot } = this.setup;
    return { teamId, domain, appId, botUserId: bot.userId, botId: bot.botId };
  }

  /** The setup's channels, then the viewer's DM with the app. */
  get conversations(): Channel[] {
    const { channels, dmId, bot } = this.setup;
    return [...channels.map((c): Channel => ({ ...c, kind: 'channel' })), { id: dmId, name: bot.name, kind: 'im' }];
  }

  channel(id: string): Channel | undefined {
    return this.conversations.find((c) => c.id === id) ?? (this.world === 'open' && id ? { id, name: id, kind: 'channel' } : undefined);
  }

  /** The conversation a Web API `channel` names: a channel's id, or the viewer's user id (their DM with the app). */
  conversation(id: string): string | undefined {
    return this.isViewer(id) ? this.setup.dmId : this.channel(id)?.id;
  }

  isViewer(userId: string | undefined): boolean {
    return userId === this.setup.me.id;
  }

  /** Whether the workspace keeps what only this user sees (their ephemeral messages, their Home tab). */
  keepsPrivate(userId: string): boolean {
    return this.world === 'open' || this.isViewer(userId);
  }

  person(id: string): Person | undefined {
    const { me, others, slackbot } = this.setup;
    return [me, ...others, slackbot].find((p) => p.id === id) ?? (this.world === 'open' && id ? { id, name: id } : undefined);
  }

  get(id: string): Message | undefined {
    return this.messages.find((m) => m.id === id);
  }

  /** A message everyone can see, by channel and `ts` (how the Web API names messages). */
  byTs(channel: string, ts: string): Message | undefined {
    return this.messages.find((m) => m.channel === channel && m.ts === ts && !m.ephemeral);
  }

  /**
   * The `ts` a reply to `ts` belongs under: replying to a reply joins its parent's thread, as in
   * Slack. Undefined when there is no such message (an open world takes Slack's word for it).
   */
  threadRoot(channel: string, ts: string): string | undefined {
    const message = this.byTs(channel, ts);
    if (message) return message.threadTs ?? message.ts;
    return this.world === 'open' ? ts : undefined;
  }

  hasReplies(message: Message): boolean {
    return this.messages.some((m) => m.channel === message.channel && m.threadTs === message.ts && m.id !== message.id);
  }

  /**
   * Stores a copy of `message` with its `id` and `ts`, and returns it. NOTE: the stored message
   * itself, not a copy: the Web API answers with it on every post (a bench posts thousands).
   */
  add(message: NewMessage): Readonly<Message> {
    const stored: Message = { id: `m${++this.lastId}`, ts: this.nextTs(), ...withoutUndefined(message) };
    if (stored.blocks) stored.blocks = withBlockIds(stored.blocks);
    this.messages.push(stored);
    if (this.messages.length > this.maxMessages) this.messages.splice(0, this.messages.length - this.maxMessages);
    this.changed();
    return stored;
  }

  /** Replaces a message's content in place: same id, same ts, same place in its channel. */
  replace(id: string, content: { text: string; blocks?: Block[] }): Message | undefined {
    const message = this.messages.find((m) => m.id === id);
    if (!message) return undefined;
    message.text = content.text;
    if (content.blocks) message.blocks = withBlockIds(content.blocks);
    else delete message.blocks;
    this.changed();
    return structuredClone(message);
  }

  remove(id: string): boolean {
    const before = this.messages.length;
    this.messages = this.messages.filter((m) => m.id !== id);
    if (this.messages.length === before) return false;
    this.changed();
    return true;
  }

  /** Every message, as a copy the caller may keep. */
  allMessages(): Message[] {
    return structuredClone(this.messages);
  }

  homeOf(userId: string): Block[] | null {
    const home = this.homes.get(userId);
    return home ? structuredClone(home) : null;
  }

  /** Stores the Home tab the app published for `userId` when the workspace keeps theirs; returns it as Slack does. */
  publishHome(userId: string, blocks: Block[]): Block[] {
    const home = withBlockIds(blocks);
    if (!this.keepsPrivate(userId)) return home;
    this.homes.set(userId, home);
    this.changed();
    return structuredClone(home);
  }

  /** Called after every change. */
  protected changed(): void {}
}

/** Slack gives every block that arrives without a `block_id` one of its own; clicks then name it. */
function withBlockIds(blocks: Block[]): Block[] {
  return structuredClone(blocks).map((b) => (typeof b.block_id === 'string' && b.block_id ? b : { ...b, block_id: blockId() }));
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
