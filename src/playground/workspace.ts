import type { Channel, Message, State, Workspace as WorkspaceInfo } from './web/api-types.js';
import type { Block } from './web/block-kit.js';
import { blockId, slackClock } from './slack-ids.js';

/**
 * The playground's Slack workspace: its people and channels, every message the viewer can see
 * (ephemeral ones are only ever the viewer's), and the Home tab the app published for them.
 * Every change bumps `version`, which the page long-polls on.
 */

export interface Person {
  id: string;
  name: string;
}

export interface WorkspaceSetup {
  teamId: string;
  teamName: string;
  domain: string;
  appId: string;
  bot: { userId: string; botId: string; name: string };
  /** Who is looking at the page: the user every typed message and click comes from. */
  me: Person;
  others: readonly Person[];
  channels: readonly { id: string; name: string }[];
  dmId: string;
  slackbot: Person;
}

/** A message as it is stored and shown; `id` stays when the message is replaced. */
export type NewMessage = Omit<Message, 'id' | 'ts'>;

export class Workspace {
  readonly nextTs: () => string;
  private messages: Message[] = [];
  private home: Block[] | null = null;
  private version = 1;
  private lastId = 0;
  private waiters = new Set<() => void>();

  constructor(
    readonly setup: WorkspaceSetup,
    now: () => number = Date.now,
  ) {
    this.nextTs = slackClock(now);
  }

  get info(): WorkspaceInfo {
    const { teamName, bot, me, others, slackbot, channels, dmId } = this.setup;
    return {
      teamName,
      botUserId: bot.userId,
      botName: bot.name,
      me: { ...me },
      users: Object.fromEntries([me, ...others, slackbot, { id: bot.userId, name: bot.name }].map((p) => [p.id, p.name])),
      channels: [...channels.map((c): Channel => ({ ...c, kind: 'channel' })), { id: dmId, name: bot.name, kind: 'im' }],
    };
  }

  get currentVersion(): number {
    return this.version;
  }

  channel(id: string): Channel | undefined {
    return this.info.channels.find((c) => c.id === id);
  }

  isViewer(userId: string | undefined): boolean {
    return userId === this.setup.me.id;
  }

  person(id: string): Person | undefined {
    const { me, others, slackbot } = this.setup;
    return [me, ...others, slackbot].find((p) => p.id === id);
  }

  get(id: string): Message | undefined {
    return this.messages.find((m) => m.id === id);
  }

  /** A message everyone can see, by channel and `ts` (how the Web API names messages). */
  byTs(channel: string, ts: string): Message | undefined {
    return this.messages.find((m) => m.channel === channel && m.ts === ts && !m.ephemeral);
  }

  /** The `ts` a reply to `ts` belongs under: replying to a reply joins its parent's thread, as in Slack. */
  threadRoot(channel: string, ts: string): string | undefined {
    const message = this.byTs(channel, ts);
    return message ? (message.threadTs ?? message.ts) : undefined;
  }

  hasReplies(message: Message): boolean {
    return this.messages.some((m) => m.channel === message.channel && m.threadTs === message.ts && m.id !== message.id);
  }

  add(message: NewMessage): Message {
    const stored: Message = { id: `m${++this.lastId}`, ts: this.nextTs(), ...withoutUndefined(message) };
    if (stored.blocks) stored.blocks = withBlockIds(stored.blocks);
    this.messages.push(stored);
    this.changed();
    return structuredClone(stored);
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

  get homeBlocks(): Block[] | null {
    return this.home ? structuredClone(this.home) : null;
  }

  publishHome(blocks: Block[]): Block[] {
    this.home = withBlockIds(blocks);
    this.changed();
    return structuredClone(this.home);
  }

  /** Everything the page draws, as a copy the caller may keep. */
  state(): State {
    return structuredClone({ version: this.version, workspace: this.info, messages: this.messages, home: this.home ? { blocks: this.home } : null });
  }

  /**
   * Resolves once the version has moved past `after`, or after `timeoutMs`, or when `signal`
   * aborts (the page went away), whichever comes first.
   */
  async waitForChange(after: number, timeoutMs: number, signal?: AbortSignal): Promise<void> {
    if (this.version !== after || signal?.aborted) return;
    await new Promise<void>((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', finish);
        this.waiters.delete(finish);
        resolve();
      };
      const timer = setTimeout(finish, timeoutMs);
      signal?.addEventListener('abort', finish);
      this.waiters.add(finish);
    });
  }

  /** Lets every waiting long poll answer now (on shutdown). */
  releaseWaiters(): void {
    for (const finish of [...this.waiters]) finish();
  }

  private changed(): void {
    this.version += 1;
    this.releaseWaiters();
  }
}

/** Slack gives every block that arrives without a `block_id` one of its own; clicks then name it. */
function withBlockIds(blocks: Block[]): Block[] {
  return structuredClone(blocks).map((b) => (typeof b.block_id === 'string' && b.block_id ? b : { ...b, block_id: blockId() }));
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
