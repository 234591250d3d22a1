import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { SLACK_EVENTS } from '../../config.js';
import type { PaperbotContext } from '../deps.js';

/**
 * The Events API deliveries already taken, by `event_id`. Slack delivers an event again when it
 * thinks we were slow (same `event_id`, `x-slack-retry-num`); each must be answered once.
 * NOTE: with several instances behind a load balancer, give them one shared store (Redis
 * `SET id 1 NX PX ttl` for `claim`, `DEL` for `release`); the in-memory one sees only its own.
 */
export interface SeenEvents {
  /** Takes `id` for processing: true the first time, false while it is remembered. Two racing deliveries get one true. */
  claim(id: string): Promise<boolean>;
  /** Forgets a claim whose processing failed, so a later delivery of the event is processed. */
  release(id: string): Promise<void>;
}

export interface MemorySeenEventsOptions {
  ttlMs?: number;
  maxIds?: number;
  now?: () => number;
}

/** The default store: this process's memory, bounded in size and expiring, oldest first. */
export class MemorySeenEvents implements SeenEvents {
  // Insertion order is expiry order (one TTL for all), so expired ids are always at the front.
  private readonly expiries = new Map<string, number>();
  private readonly ttlMs: number;
  private readonly maxIds: number;
  private readonly now: () => number;

  constructor({ ttlMs = SLACK_EVENTS.seenTtlMs, maxIds = SLACK_EVENTS.seenMaxIds, now = Date.now }: MemorySeenEventsOptions = {}) {
    this.ttlMs = ttlMs;
    this.maxIds = maxIds;
    this.now = now;
  }

  get size(): number {
    return this.expiries.size;
  }

  // NOTE: async for the interface, but nothing here awaits: a claim is check-and-set in one step.
  async claim(id: string): Promise<boolean> {
    const now = this.now();
    this.forgetExpired(now);
    if (this.expiries.has(id)) return false;
    this.expiries.set(id, now + this.ttlMs);
    if (this.expiries.size > this.maxIds) this.expiries.delete(this.expiries.keys().next().value!);
    return true;
  }

  async release(id: string): Promise<void> {
    this.expiries.delete(id);
  }

  private forgetExpired(now: number): void {
    for (const [id, expires] of this.expiries) {
      if (expires > now) return;
      this.expiries.delete(id);
    }
  }
}

/**
 * Global middleware: an event whose `event_id` was already taken is skipped (logged, never
 * answered twice); one whose processing fails is released, so Slack's retry gets another go.
 * If the store itself fails we answer anyway: a rare duplicate beats a lost question.
 */
export function dedupeEvents(seen: SeenEvents): Middleware<AnyMiddlewareArgs, PaperbotContext> {
  return async ({ body, context, next }) => {
    const { type, event_id: eventId } = body as { type?: unknown; event_id?: unknown };
    if (type !== 'event_callback' || typeof eventId !== 'string') return next();
    let first = true;
    try {
      first = await seen.claim(eventId);
    } catch (error) {
      context.log.warn({ err: error }, 'event store failed; answering without the duplicate check');
    }
    if (!first) {
      context.log.info('event already taken (a retry from Slack): skipped');
      return;
    }
    try {
      await next();
    } catch (error) {
      await seen.release(eventId).catch((releaseError: unknown) => context.log.warn({ err: releaseError }, 'event store failed to release'));
      throw error;
    }
  };
}
