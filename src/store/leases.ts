import type { Queryable } from './in-transaction.js';

/**
 * Named leases: a job only one instance may run at a time, held by `holder` until `expires_at`
 * unless renewed. Taking one is one upsert that succeeds only when the lease is free (no row, or
 * expired) or already ours, so two instances never both hold it; an instance that dies loses it
 * when it expires.
 */

/**
 * Takes or renews the lease for `ttlMs` from `now`; true when `holder` holds it afterwards.
 * With `renew: false` it is taken only when free (expired), even from `holder` itself: a turn
 * that must wait out the lease's last term whoever held it (deployment-turn.ts).
 */
export async function holdLease(
  store: Queryable,
  name: string,
  holder: string,
  ttlMs: number,
  now: Date = new Date(),
  { renew = true } = {},
): Promise<boolean> {
  const at = now.toISOString();
  const result = await store.db
    .insertInto('leases')
    .values({ name, holder, acquired_at: at, expires_at: new Date(now.getTime() + ttlMs).toISOString() })
    .onConflict((oc) =>
      oc
        .column('name')
        .doUpdateSet((eb) => ({
          holder: eb.ref('excluded.holder'),
          // Renewing keeps when it was first taken.
          acquired_at: eb.case().when('leases.holder', '=', holder).then(eb.ref('leases.acquired_at')).else(eb.ref('excluded.acquired_at')).end(),
          expires_at: eb.ref('excluded.expires_at'),
        }))
        .where((eb) => (renew ? eb.or([eb('leases.holder', '=', holder), eb('leases.expires_at', '<=', at)]) : eb('leases.expires_at', '<=', at))),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Keeps the lease until `until` (it must be ours): after a job, to space the next one. False if it is not ours. */
export async function holdLeaseUntil(store: Queryable, name: string, holder: string, until: Date): Promise<boolean> {
  const result = await store.db
    .updateTable('leases')
    .set({ expires_at: until.toISOString() })
    .where('name', '=', name)
    .where('holder', '=', holder)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Gives the lease up at once, if `holder` holds it (a clean stop: another instance takes over at its next try). */
export async function releaseLease(store: Queryable, name: string, holder: string): Promise<void> {
  await store.db.deleteFrom('leases').where('name', '=', name).where('holder', '=', holder).execute();
}

/** Who holds the lease now, if anyone (for status and tests). */
export async function leaseHolder(store: Queryable, name: string, now: Date = new Date()): Promise<string | undefined> {
  const row = await store.db.selectFrom('leases').select('holder').where('name', '=', name).where('expires_at', '>', now.toISOString()).executeTakeFirst();
  return row?.holder;
}
