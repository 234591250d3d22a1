import { BLOCK_KIT, PLAYGROUND } from '../config.js';
import { urlSecret } from './ids.js';
import type { Block } from './types.js';
import type { SlackWorkspace } from './workspace.js';

/**
 * Answers that travel outside the Web API: posts to a `response_url`, and a slash command's ack
 * body, which Slack treats the same way. Both land in the workspace as Slack would show them.
 */

/** Where a response goes: the conversation, who asked, and the message a click came from. */
export interface ResponseTarget {
  channel: string;
  userId: string;
  /** The thread the original message is in, if any. */
  threadTs?: string;
  /** The message whose button was clicked (`replace_original`, `delete_original`). */
  originalId?: string;
}

export interface ResponseMessage {
  text?: unknown;
  blocks?: unknown;
  response_type?: unknown;
  replace_original?: unknown;
  delete_original?: unknown;
  thread_ts?: unknown;
}

export type ResponseResult = { ok: true } | { ok: false; status: number; error: string };

const fail = (status: number, error: string): ResponseResult => ({ ok: false, status, error });

/**
 * Applies one response. `delete_original` removes the clicked message; `replace_original`
 * rewrites it in place (an ephemeral one stays ephemeral, whatever `response_type` says); anything
 * else is a new message: public with `response_type: in_channel`, otherwise only for the asker.
 * Without a target (an open world's response_url that Slack handed out unseen) it is only checked.
 */
export function applyResponse(workspace: SlackWorkspace, target: ResponseTarget | undefined, message: ResponseMessage): ResponseResult {
  // NOTE: in an open world the original is a message Slack has and the stand-in never saw.
  const unseen = workspace.world === 'open';
  const original = target?.originalId ? workspace.get(target.originalId) : undefined;
  if (message.delete_original === true) {
    return (original && workspace.remove(original.id)) || unseen ? { ok: true } : fail(404, 'message_not_found');
  }
  const text = typeof message.text === 'string' ? message.text : '';
  const blocks = Array.isArray(message.blocks) ? (message.blocks as Block[]) : undefined;
  if (!text && !blocks?.length) return fail(400, 'no_text');
  if (blocks && blocks.length > BLOCK_KIT.maxBlocks) return fail(400, 'invalid_blocks');
  if (!target) return { ok: true };

  if (message.replace_original === true && target.originalId) {
    return workspace.replace(target.originalId, { text, blocks }) || unseen ? { ok: true } : fail(404, 'message_not_found');
  }
  const { bot } = workspace.setup;
  const asked = typeof message.thread_ts === 'string' ? workspace.threadRoot(target.channel, message.thread_ts) : undefined;
  const threadTs = asked ?? target.threadTs;
  const content = { channel: target.channel, userId: bot.userId, bot: true, text, blocks, threadTs };
  if (message.response_type === 'in_channel') workspace.add({ ...content, ephemeral: false });
  // Ephemeral messages for anyone the workspace does not follow exist only on their screens.
  else if (workspace.keepsPrivate(target.userId)) workspace.add({ ...content, ephemeral: true });
  return { ok: true };
}

interface Registered {
  target: ResponseTarget | undefined;
  uses: number;
  expires: number;
}

/**
 * The response_urls handed out with commands and clicks, each good for Slack's 5 posts in 30
 * minutes; by id (the transport makes the URL). An open world also takes ids it never handed
 * out, counting from their first post.
 */
export class ResponseUrls {
  private urls = new Map<string, Registered>();

  constructor(
    private readonly workspace: SlackWorkspace,
    private readonly now: () => number = Date.now,
  ) {}

  /** A new response_url's id. */
  create(target: ResponseTarget): string {
    const id = urlSecret();
    this.register(id, target);
    return id;
  }

  post(id: string, message: ResponseMessage): ResponseResult {
    const registered = this.urls.get(id) ?? (this.workspace.world === 'open' ? this.register(id, undefined) : undefined);
    if (!registered) return fail(404, 'no_such_url');
    if (this.now() > registered.expires) return fail(404, 'expired_url');
    if (registered.uses >= PLAYGROUND.responseUrl.maxUses) return fail(404, 'used_url');
    registered.uses += 1;
    return applyResponse(this.workspace, registered.target, message);
  }

  private register(id: string, target: ResponseTarget | undefined): Registered {
    // Forget expired ones, oldest first (a Map keeps insertion order, and every url lives as long).
    for (const [old, { expires }] of this.urls) {
      if (this.now() <= expires) break;
      this.urls.delete(old);
    }
    const registered = { target, uses: 0, expires: this.now() + PLAYGROUND.responseUrl.ttlMs };
    this.urls.set(id, registered);
    return registered;
  }
}
