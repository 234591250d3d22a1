import { SLACK_ANSWERS } from '../config.js';
import type { Message } from '../render/message.js';
import type { Audience } from '../render/paper-card.js';
import { EMPTY_CORPUS_NOTICE } from '../render/notices.js';
import type { AnswerDeps, Workspace } from './answer-deps.js';
import { parseRequest } from './parse-request.js';
import { answerForRequest, answerSlackText, renderRemembered } from './render-answer.js';

/** A bounded least-recently-used map: a hit moves to the back, the front goes first. */
export class LruCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly max: number) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
  }
}

// `random` differs every time; `status` is async and never comes through here.
const CACHEABLE = new Set(['help', 'similar', 'search']);

// One cache per set of dependencies (per corpus and search), gone with them.
const caches = new WeakMap<AnswerDeps, LruCache<Message>>();

/**
 * {@link answerSlackText}, remembered: the same text for the same audience gets the same answer while
 * the papers do not change (the key carries `deps.generation()`), so it is rendered once (see SLACK_ANSWERS). `random` is never kept.
 * NOTE: callers must not change the message they get: it is shared.
 */
export function cachedAnswerText(text: string, deps: AnswerDeps, audience: Audience): Message {
  let cache = caches.get(deps);
  if (!cache) caches.set(deps, (cache = new LruCache(SLACK_ANSWERS.cacheEntries)));
  const key = `${deps.generation()}\u0000${audience}\u0000${text}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const message = answerSlackText(text, deps, audience);
  if (CACHEABLE.has(parseRequest(text).kind)) cache.set(key, message);
  return message;
}

/**
 * {@link cachedAnswerText} for a workspace: each paper the workspace already shared carries a line
 * saying where. Remembered per workspace and under its memory version (src/store/team-memory.ts),
 * so a new share or reply there makes the remembered answers stale, and no workspace ever gets
 * an answer drawn for another.
 */
export async function cachedWorkspaceAnswer(text: string, deps: AnswerDeps, audience: Audience, ws: Workspace | undefined): Promise<Message> {
  const request = parseRequest(text);
  if (
    !ws ||
    request.kind === 'help' ||
    request.kind === 'status' ||
    request.kind === 'saved' ||
    request.kind === 'forget' ||
    request.kind === 'shared' ||
    request.kind === 'top' ||
    request.kind === 'watch' ||
    request.kind === 'watches' ||
    request.kind === 'unwatch'
  )
    return cachedAnswerText(text, deps, audience);
  let cache = caches.get(deps);
  if (!cache) caches.set(deps, (cache = new LruCache(SLACK_ANSWERS.cacheEntries)));
  const version = await deps.memory.version(ws);
  const key = [deps.generation(), ws.teamId, ws.enterpriseId ?? '', version, audience, text].join('\u0000');
  const hit = cache.get(key);
  if (hit) return hit;
  const answer = answerForRequest(request, deps);
  const message = answer ? await renderRemembered(answer, deps, { audience }, ws) : EMPTY_CORPUS_NOTICE;
  if (CACHEABLE.has(request.kind)) cache.set(key, message);
  return message;
}
