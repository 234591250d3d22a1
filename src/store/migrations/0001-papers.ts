import { type Kysely, sql } from 'kysely';

/**
 * The first schema: papers, the sources that saw them, per-source fetch state, and the counter
 * that hands out change sequence numbers. Written once for both engines: only types both
 * understand (`text`, `integer`, `bigint`).
 *
 * NOTE: `Kysely<any>`, as Kysely's docs advise for migrations: a migration is frozen in time and
 * must not follow the `Database` interface as it changes later.
 */
// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on today's Database interface (see NOTE).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('papers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('arxiv_id', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('abstract', 'text', (c) => c.notNull())
    .addColumn('raw_abstract', 'text', (c) => c.notNull())
    .addColumn('authors', 'text', (c) => c.notNull())
    .addColumn('published', 'text')
    .addColumn('tldr', 'text', (c) => c.notNull())
    .addColumn('tldr_by', 'text')
    .addColumn('links', 'text', (c) => c.notNull())
    .addColumn('origin_file', 'text', (c) => c.notNull())
    .addColumn('origin_line', 'integer', (c) => c.notNull())
    .addColumn('text_source', 'text', (c) => c.notNull())
    .addColumn('version', 'integer')
    .addColumn('version_date', 'text')
    .addColumn('upvotes', 'integer')
    .addColumn('github_repo', 'text')
    .addColumn('github_stars', 'integer')
    .addColumn('project_page', 'text')
    .addColumn('ai_keywords', 'text')
    .addColumn('ai_summary', 'text')
    .addColumn('featured_on', 'text')
    .addColumn('first_seen_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull().unique())
    .addCheckConstraint('papers_id_not_empty', sql`length(id) > 0`)
    .addCheckConstraint('papers_title_not_empty', sql`length(title) > 0`)
    .addCheckConstraint('papers_version_positive', sql`version is null or version > 0`)
    .execute();

  await db.schema
    .createTable('paper_sources')
    .addColumn('paper_id', 'text', (c) => c.notNull().references('papers.id'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('first_seen_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('paper_sources_pk', ['paper_id', 'source'])
    .execute();
  // For counts by source; (paper_id, source) is served by the primary key.
  await db.schema.createIndex('paper_sources_by_source').on('paper_sources').column('source').execute();

  await db.schema
    .createTable('source_state')
    .addColumn('source', 'text', (c) => c.primaryKey())
    .addColumn('last_success_at', 'text')
    .addColumn('last_added', 'integer')
    .addColumn('last_updated', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('last_error_at', 'text')
    .addColumn('consecutive_failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_run_at', 'text')
    .execute();

  await db.schema
    .createTable('counters')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'bigint', (c) => c.notNull())
    .execute();
  await db.insertInto('counters').values({ name: 'papers.seq', value: 0 }).execute();
}

// biome-ignore lint/suspicious/noExplicitAny: as for up().
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['counters', 'source_state', 'paper_sources', 'papers']) await db.schema.dropTable(table).execute();
}
