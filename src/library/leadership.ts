import { EventEmitter } from 'node:events';
import type { Logger } from '../logger.js';
import type { Queryable } from '../store/in-transaction.js';
import { holdLease, releaseLease } from '../store/leases.js';

export interface LeadershipOptions {
  store: Queryable;
  /** The lease's name: one leader per name. */
  name: string;
  /** This instance, as the lease records it. */
  holder: string;
  /** How long a lease lasts unless renewed: the longest a dead leader holds the jobs. */
  ttlMs: number;
  /** How often the leader renews and everyone else tries to take it. */
  renewMs: number;
  logger: Logger;
}

/**
 * One instance of several leads: it holds a lease in the store (src/store/leases.ts), renews it
 * every `renewMs`, and emits `gained` and `lost`; the others try to take it as often, so when
 * the leader dies another leads within `ttlMs + renewMs`, and when it stops cleanly (`stop()`
 * gives the lease up) within `renewMs`. A store that cannot be reached counts as a lost lease:
 * better no leader for a moment than two.
 *
 * @example
 * const lead = new Leadership({ store, name: 'jobs', holder, ttlMs: 20_000, renewMs: 5_000, logger });
 * lead.on('gained', () => scheduler.start()); lead.on('lost', () => scheduler.stop());
 * lead.start(); … await lead.stop();
 */
export class Leadership extends EventEmitter<{ gained: []; lost: [] }> {
  private leading = false;
  /** When the lease we hold runs out, as of our last renewal. */
  private heldUntil = 0;
  private timer: NodeJS.Timeout | undefined;
  /** Gives leadership up when the lease would run out without a confirmed renewal (a hung store). */
  private expiry: NodeJS.Timeout | undefined;
  private turn: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(private readonly options: LeadershipOptions) {
    super();
  }

  get isLeader(): boolean {
    return this.leading;
  }

  /** Tries at once, then every `renewMs`. */
  start(): void {
    this.stopped = false;
    this.tick();
  }

  /** Stops trying and gives the lease up (emitting `lost` if it was held). */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    clearTimeout(this.expiry);
    // A renewal stuck on a hung store is not waited for past one interval.
    await Promise.race([this.turn, new Promise((resolve) => setTimeout(resolve, this.options.renewMs).unref())]);
    if (this.leading) {
      this.leading = false;
      this.emit('lost');
    }
    await releaseLease(this.options.store, this.options.name, this.options.holder).catch((error: unknown) => {
      this.options.logger.warn({ err: error, lease: this.options.name }, 'could not give the lease up; it expires by itself');
    });
  }

  private tick(): void {
    this.turn = this.renew().finally(() => {
      if (this.stopped) return;
      this.timer = setTimeout(() => this.tick(), this.options.renewMs);
      this.timer.unref();
    });
  }

  private async renew(): Promise<void> {
    const { store, name, holder, ttlMs, logger } = this.options;
    const asked = Date.now();
    let held: boolean;
    let confirmed = false;
    try {
      held = await holdLease(store, name, holder, ttlMs);
      confirmed = held;
    } catch (error) {
      // The store did not answer. Nobody else can take the lease before it runs out, so a leader
      // keeps leading until then (a blip must not stop and restart its jobs); then it stops.
      held = this.leading && Date.now() < this.heldUntil - this.options.renewMs;
      logger.warn({ err: error, lease: name, leading: held }, 'lease: the store did not answer');
    }
    if (this.stopped) return;
    if (held && !this.leading) {
      this.leading = true;
      logger.info({ lease: name, holder }, 'leading: this instance runs the fetches and digests');
      this.emit('gained');
    } else if (!held && this.leading) {
      this.leading = false;
      logger.warn({ lease: name, holder }, 'no longer leading: another instance runs the fetches and digests');
      this.emit('lost');
    }
    // Counted from before we asked: the store's clock may have started the term a little earlier.
    if (confirmed) {
      this.heldUntil = asked + ttlMs;
      // NOTE: a renewal that hangs (a stuck connection) must not keep us leading past the term:
      // leadership ends a renewal interval before the lease does, whatever the store is doing.
      clearTimeout(this.expiry);
      this.expiry = setTimeout(() => this.expire(), Math.max(0, this.heldUntil - this.options.renewMs - Date.now()));
      this.expiry.unref();
    }
  }

  private expire(): void {
    if (this.stopped || !this.leading || Date.now() < this.heldUntil - this.options.renewMs) return;
    this.leading = false;
    this.options.logger.warn({ lease: this.options.name, holder: this.options.holder }, 'lease not renewed in time: no longer leading');
    this.emit('lost');
  }
}
