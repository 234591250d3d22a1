import type { Block } from './block-kit.js';

/** The playground server's JSON contract, as the page reads it. */

export interface Channel {
  id: string;
  name: string;
  kind: 'channel' | 'im';
}

/** A message shortcut the app has: an entry in a message's "More actions" menu. */
export interface MessageShortcut {
  callbackId: string;
  name: string;
}

export interface Workspace {
  teamName: string;
  botUserId: string;
  botName: string;
  me: { id: string; name: string };
  /** User id → display name. */
  users: Record<string, string>;
  channels: Channel[];
  /** The app's message shortcuts; none when absent. */
  shortcuts?: MessageShortcut[];
}

export interface Message {
  id: string;
  channel: string;
  ts: string;
  /** Set and different from `ts`: a reply inside that thread. */
  threadTs?: string;
  userId?: string;
  bot: boolean;
  text: string;
  blocks?: Block[];
  /** Ephemeral messages are only ever the viewer's (`workspace.me`). */
  ephemeral: boolean;
}

export interface State {
  version: number;
  workspace: Workspace;
  messages: Message[];
  home: { blocks: Block[] } | null;
}

export interface SayRequest {
  channel: string;
  text: string;
  threadTs?: string;
}

export interface ClickRequest {
  /** The message the element is in; '' for the Home tab, whose view is no message. */
  messageId: string;
  actionId: string;
  blockId: string;
  value: string;
  /** What was picked, for a menu (a conversation or channel id). */
  selected?: string;
}

/** A message shortcut used on a message ("More actions" → its name). */
export interface ShortcutRequest {
  messageId: string;
  callbackId: string;
}

/** What "Run digests now" did (`POST /api/digests`), watch by watch, summed: src/digests/digest-runner.ts. */
export interface DigestReport {
  /** Digests posted. */
  posted: number;
  /** Watches with nothing new since their last digest: nothing posted. */
  empty: number;
  /** Watches whose digest for this period was posted already. */
  skipped: number;
  /** Watches paused because their channel cannot be posted in any more. */
  paused: number;
  /** Digests that failed otherwise (the terminal says why). */
  failed: number;
}
