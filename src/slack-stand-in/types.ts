/**
 * What the stand-in's Slack is made of. The playground page reads the same shapes
 * (src/playground/web/api-types.ts, its own copy: the page is built apart from Node code).
 */

/** A Block Kit block as it arrives: only `type` is relied on. */
export type Block = { type: string; block_id?: string } & Record<string, unknown>;

export interface Person {
  id: string;
  name: string;
}

/** A conversation: a channel, or the app's DM with someone (`im`). */
export interface Channel {
  id: string;
  name: string;
  kind: 'channel' | 'im';
}

/** A message as Slack keeps it; `id` is the stand-in's own and stays when the message is replaced. */
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
  ephemeral: boolean;
}

/** Who the app is in a workspace: what every payload Slack sends it names. */
export interface SlackTeam {
  teamId: string;
  domain: string;
  appId: string;
  botUserId: string;
  botId: string;
}
