import { type Kysely, sql } from 'kysely';

/**
 * When a paper was first stored, as a change number: `first_seq`, the `seq` it was added with
 * (never changed after). Change numbers become visible in commit order (paper-repository.ts), so
 * a digest that covers papers by `first_seq` up to what the search index has seen never skips
 * one that was still being written, as a window of `first_seen_at` times could (a paper is dated
 * before its transaction commits). Digest claims record the change number they covered up to.
 *
 * NOTE: `Kysely<any>`, as in 0001-papers.ts: a migration is frozen in time.
 */
// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on today's Database interface.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('papers').addColumn('first_seq', 'bigint').execute();
  // Papers stored before: their first change number is lost; their current one is the closest (and only later).
  await db.updateTable('papers').set({ first_seq: sql`seq` }).execute();
  await db.schema.createIndex('papers_by_first_seq').on('papers').column('first_seq').execute();
  await db.schema.alterTable('digest_claims').addColumn('seq_to', 'bigint').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: as for up().
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('digest_claims').dropColumn('seq_to').execute();
  await db.schema.dropIndex('papers_by_first_seq').execute();
  await db.schema.alterTable('papers').dropColumn('first_seq').execute();
}
