import type { Logger } from '../logger.js';
import type { PartialSearchOptions } from '../search/options.js';
import { createPaperSearch } from '../search/paper-search.js';
import { allPapers, latestSeq } from '../store/paper-repository.js';
import { startStore } from '../store/start-store.js';
import { displayPaper } from './display-paper.js';
import { PaperLibrary } from './paper-library.js';

export interface OpenLibraryOptions {
  /** DATABASE_URL; unset means the default SQLite file. */
  databaseUrl: string | undefined;
  /** Holds papers.json, imported into the store on first start. */
  dataDir: string;
  logger: Logger;
  searchOptions?: PartialSearchOptions;
  /** Tests: another default SQLite path. */
  defaultSqlitePath?: string;
}

/**
 * Opens the store (migrated, the bundled corpus imported on first start) and builds the search
 * index over every paper in it. NOTE: the change number is read before the papers, so a paper
 * stored meanwhile by another process is taken in by the first `sync()`, never missed.
 */
export async function openLibrary(options: OpenLibraryOptions): Promise<PaperLibrary> {
  const { logger } = options;
  const store = await startStore({ databaseUrl: options.databaseUrl, dataDir: options.dataDir, defaultSqlitePath: options.defaultSqlitePath, logger });
  try {
    const seq = await latestSeq(store);
    const stored = await allPapers(store);
    const started = Date.now();
    const search = createPaperSearch(stored.map(displayPaper), { options: options.searchOptions });
    logger.info({ papers: search.size, indexMs: Date.now() - started, store: store.location }, 'search index built from the store');
    const library = new PaperLibrary(store, search, seq, logger);
    await library.sync();
    return library;
  } catch (error) {
    await store.close();
    throw error;
  }
}
