import type { Kysely } from 'kysely';

/**
 * What several instances on one database share: claims (Slack events and Share clicks each
 * answered once, whichever instance gets them), leases (one instance at a time fetches sources
 * and posts digests), and the workspaces Paperbot is installed in (OAuth), whose tokens are
 * encrypted before they reach this table (src/store/installations.ts).
 *
 * NOTE: `Kysely<any>`, as in 0001-papers.ts: a migration is frozen in time.
 */
// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on today's Database interface.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('claims')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('claimed_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('claims_pk', ['kind', 'id'])
    .execute();
  await db.schema.createIndex('claims_by_expiry').on('claims').column('expires_at').execute();

  await db.schema
    .createTable('leases')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('acquired_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('installations')
    // `E…` for an org-wide (Enterprise Grid) install, else `T…`: what Bolt looks installations up by.
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text')
    .addColumn('enterprise_id', 'text')
    .addColumn('is_enterprise_install', 'integer', (c) => c.notNull())
    .addColumn('bot_user_id', 'text')
    .addColumn('bot_id', 'text')
    /** The whole installation as Slack gave it (tokens included), encrypted: AES-256-GCM, base64 `v1:iv:tag:ciphertext`. */
    .addColumn('sealed', 'text', (c) => c.notNull())
    .addColumn('installed_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: as for up().
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['installations', 'leases', 'claims']) await db.schema.dropTable(table).execute();
}
