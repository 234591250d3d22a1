import type { Kysely } from 'kysely';

/**
 * Team memory: the shares of papers into channels (and how much each was discussed), and each
 * person's reading list. Every row names its workspace (team id, and enterprise id where Slack
 * gives one). The unique keys make Slack's retries harmless: a card is one share, a paper is
 * saved once per person.
 *
 * NOTE: `Kysely<any>`, as in 0001-papers.ts: a migration is frozen in time.
 */
// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on today's Database interface.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('shares')
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('enterprise_id', 'text')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('message_ts', 'text', (c) => c.notNull())
    .addColumn('permalink', 'text')
    .addColumn('paper_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('shared_at', 'text', (c) => c.notNull())
    .addColumn('reply_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_reply_ts', 'text')
    .addPrimaryKeyConstraint('shares_pk', ['team_id', 'channel', 'message_ts'])
    .execute();
  await db.schema.createIndex('shares_by_paper').on('shares').columns(['team_id', 'paper_id', 'shared_at']).execute();

  await db.schema
    .createTable('saves')
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('enterprise_id', 'text')
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('paper_id', 'text', (c) => c.notNull())
    .addColumn('saved_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .addPrimaryKeyConstraint('saves_pk', ['team_id', 'user_id', 'paper_id'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: as for up().
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['saves', 'shares']) await db.schema.dropTable(table).execute();
}
