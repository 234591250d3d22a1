import { type Kysely, sql } from 'kysely';

/**
 * Watches and digests: a channel's standing queries (`/paper watch …`), and one claim per watch
 * and period, taken before a digest is posted, so no period is ever posted twice (by a restart,
 * a retry or a second instance). Also an index on when papers were first stored, which is how a
 * digest finds what is new.
 *
 * NOTE: `Kysely<any>`, as in 0001-papers.ts: a migration is frozen in time.
 */
// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on today's Database interface.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('watches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('enterprise_id', 'text')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('query', 'text', (c) => c.notNull())
    .addColumn('query_key', 'text', (c) => c.notNull())
    .addColumn('cadence', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('paused_at', 'text')
    .addColumn('paused_reason', 'text')
    .addCheckConstraint('watches_cadence', sql`cadence in ('daily', 'weekly')`)
    .addCheckConstraint('watches_number_positive', sql`number > 0`)
    .addUniqueConstraint('watches_number', ['team_id', 'channel', 'number'])
    .addUniqueConstraint('watches_query', ['team_id', 'channel', 'query_key'])
    .execute();

  await db.schema
    .createTable('digest_claims')
    .addColumn('watch_id', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('claimed_at', 'text', (c) => c.notNull())
    .addColumn('claimed_by', 'text', (c) => c.notNull())
    .addColumn('window_from', 'text', (c) => c.notNull())
    .addColumn('window_to', 'text', (c) => c.notNull())
    .addColumn('papers', 'integer')
    .addColumn('message_ts', 'text')
    .addColumn('error', 'text')
    .addColumn('finished_at', 'text')
    .addPrimaryKeyConstraint('digest_claims_pk', ['watch_id', 'period'])
    .addCheckConstraint('digest_claims_state', sql`state in ('claimed', 'posted', 'empty', 'failed')`)
    .execute();

  await db.schema.createIndex('papers_by_first_seen').on('papers').column('first_seen_at').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: as for up().
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('papers_by_first_seen').execute();
  for (const table of ['digest_claims', 'watches']) await db.schema.dropTable(table).execute();
}
