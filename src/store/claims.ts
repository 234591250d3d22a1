import type { Queryable } from './in-transaction.js';

/**
 * Claims shared by every instance on the store: "this instance takes event Ev123" or "this Share
 * click", for a while. One upsert decides: a new row, or an expired one taken over, is this
 * caller's; a live row is someone else's. Atomic on both engines (SQLite's and Postgres's
 * `INSERT … ON CONFLICT DO UPDATE … WHERE`), so two instances racing for one id get one claim.
 */
export class StoreClaims {
  private claimsSincePurge = 0;

  constructor(
    private readonly store: Queryable,
    /** What is claimed: `event`, `share-click`; ids of different kinds never collide. */
    private readonly kind: string,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes `id`: true for the one caller that got it while no live claim holds it. */
  async claim(id: string): Promise<boolean> {
    const now = this.now();
    const at = new Date(now).toISOString();
    const result = await this.store.db
      .insertInto('claims')
      .values({ kind: this.kind, id, claimed_at: at, expires_at: new Date(now + this.ttlMs).toISOString() })
      .onConflict((oc) =>
        oc
          .columns(['kind', 'id'])
          .doUpdateSet((eb) => ({ claimed_at: eb.ref('excluded.claimed_at'), expires_at: eb.ref('excluded.expires_at') }))
          .where('claims.expires_at', '<=', at),
      )
      .executeTakeFirst();
    if (++this.claimsSincePurge >= PURGE_EVERY) {
      this.claimsSincePurge = 0;
      await this.purge(at);
    }
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  /** Gives `id` up (its processing failed), so a later delivery is processed. */
  async release(id: string): Promise<void> {
    await this.store.db.deleteFrom('claims').where('kind', '=', this.kind).where('id', '=', id).execute();
  }

  /** Deletes this kind's expired claims: they decide nothing any more. */
  private async purge(at: string): Promise<void> {
    await this.store.db.deleteFrom('claims').where('kind', '=', this.kind).where('expires_at', '<=', at).execute();
  }
}

/** Expired claims are deleted after every this many claims (one indexed delete). */
const PURGE_EVERY = 500;
