import type { Message } from '../render/message.js';
import type { Workspace } from '../store/team-memory.js';

/** What posting a digest came to: its message's ts, or Slack's error code (`not_in_channel`, …). */
export type PostOutcome = { ok: true; ts: string } | { ok: false; error: string };

/**
 * Posts a digest into a channel of a workspace, with link previews off. NOTE: an interface so
 * that the digests know nothing of Slack's client: src/slack/outbound/post-digest.ts fills it
 * with the Web API, and each workspace's token is the filler's business.
 */
export interface DigestPoster {
  post(ws: Workspace, channel: string, message: Message): Promise<PostOutcome>;
}
