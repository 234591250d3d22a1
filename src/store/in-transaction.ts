import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';

/** What the store's functions need: something to query with, a store's `db` or a transaction. */
export interface Queryable {
  db: Kysely<Database>;
}

/**
 * Runs `work` in one transaction: it commits when `work` resolves and rolls back when it throws.
 * The store's functions called with the handle it passes join that transaction, so a fetch can
 * store its papers and its fetch state together. Inside a transaction already, `work` joins it.
 *
 * @example
 * await inTransaction(store, async (tx) => {
 *   const result = await upsertPapers(tx, batch, now);
 *   await recordSuccess(tx, 'hf-daily', { added: result.added.length, updated: result.updated.length, at: now });
 * });
 */
export async function inTransaction<T>(store: Queryable, work: (tx: { db: Transaction<Database> }) => Promise<T>): Promise<T> {
  // NOTE: Kysely cannot nest transactions; a Transaction is a Kysely whose `isTransaction` is true.
  // On SQLite the transaction is deferred: if other processes share the file, write first (as
  // upsertPapers does), since a transaction that read first cannot wait for the write lock.
  if (store.db.isTransaction) return work({ db: store.db as Transaction<Database> });
  return store.db.transaction().execute((db) => work({ db }));
}
