import type { Block } from './block-kit.js';

/** The playground server's JSON contract, as the page reads it. */

export interface Channel {
  id: string;
  name: string;
  kind: 'channel' | 'im';
}

export interface Workspace {
  teamName: string;
  botUserId: string;
  botName: string;
  me: { id: string; name: string };
  /** User id → display name. */
  users: Record<string, string>;
  channels: Channel[];
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
}
