import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_DATA_DIR } from '../../src/config.js';
import { summarizeCorpus } from '../../src/corpus/corpus-summary.js';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { readBaseConfig } from '../../src/env-config.js';
import { NO_MEMORY } from '../../src/library/team-memory.js';
import { NO_WATCHES } from '../../src/library/watches.js';
import type { Logger } from '../../src/logger.js';
import { sourceLabel } from '../../src/render/status.js';
import { createPaperSearch } from '../../src/search/paper-search.js';
import type { Deps } from '../../src/slack/deps.js';
import { startLibrary, type RunningLibrary } from '../../src/start-library.js';

let corpusCache: ReturnType<typeof loadCorpus> | undefined;
/** The real corpus, data/papers.json, loaded once per test file. */
export const realCorpus = () => (corpusCache ??= loadCorpus(DEFAULT_DATA_DIR));

/**
 * The listeners' dependencies over the real corpus held in memory, for tests about something
 * other than the store (the receiver, retries, rendering, the playground page): no database, no
 * sources, no lookups. Tests of what Paperbot remembers use {@link libraryDeps}.
 */
export function corpusDeps(options: { random?: () => number } = {}): Deps {
  const corpus = realCorpus();
  const search = createPaperSearch(corpus.papers);
  return {
    search,
    corpusSummary: summarizeCorpus(corpus.papers, [sourceLabel('page:')]),
    random: options.random ?? Math.random,
    generation: () => 0,
    lookup: undefined,
    status: async () => ({ papers: search.size, bySource: { 'page:hf-papers-page.txt': search.size }, sources: [] }),
    memory: NO_MEMORY,
    watches: NO_WATCHES,
  };
}

/** A real library on a fresh SQLite file (the bundled papers imported), as `npm start` builds it. */
export interface TestLibrary extends RunningLibrary {
  /** Closes the library and deletes its database. */
  remove(): Promise<void>;
}

/**
 * The listeners' dependencies exactly as `main` builds them (src/start-library.ts), on a real
 * SQLite file in a temporary folder; `env` adds settings such as PAPERBOT_SOURCES and the
 * sources' URLs (a replay server).
 */
export async function libraryDeps(logger: Logger, env: Record<string, string> = {}, options: { random?: () => number } = {}): Promise<TestLibrary> {
  const dir = mkdtempSync(join(tmpdir(), 'paperbot-lib-'));
  const config = { ...readBaseConfig({ DATABASE_URL: `sqlite:${join(dir, 'paperbot.sqlite')}`, ...env }), mode: 'http' as const };
  const running = await startLibrary(config, logger, options);
  return {
    ...running,
    async remove() {
      await running.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
