import { loadCorpus } from '../corpus/load-corpus.js';
import type { Logger } from '../logger.js';
import { migrateToLatest } from './migrate.js';
import { type Store, openStore } from './open-store.js';
import { seedFromCorpusFile } from './seed.js';

export interface StartStoreOptions {
  /** DATABASE_URL; unset means the default SQLite file. */
  databaseUrl: string | undefined;
  /** The folder holding papers.json, imported on first start. */
  dataDir: string;
  defaultSqlitePath?: string;
  logger?: Logger;
  now?: Date;
}

/**
 * What the app does with the store at start: open it, apply pending migrations, import the
 * bundled corpus (a no-op after the first start). Closes the store again if any step fails.
 *
 * @example const store = await startStore({ databaseUrl: process.env.DATABASE_URL, dataDir: config.dataDir, logger });
 */
export async function startStore({ databaseUrl, dataDir, defaultSqlitePath, logger, now = new Date() }: StartStoreOptions): Promise<Store> {
  const store = await openStore({ databaseUrl, defaultSqlitePath, logger });
  try {
    const applied = await migrateToLatest(store);
    if (applied.length > 0) logger?.info({ applied }, 'store migrated');
    const seeded = await seedFromCorpusFile(store, loadCorpus(dataDir), now);
    if (seeded.added.length + seeded.updated.length > 0)
      logger?.info({ added: seeded.added.length, updated: seeded.updated.length }, 'bundled corpus imported');
    return store;
  } catch (error) {
    await store.close();
    throw error;
  }
}
