import { basename } from 'node:path';
import type { CorpusFile } from '../corpus/paper.js';
import type { Queryable } from './in-transaction.js';
import { type UpsertResult, upsertPapers } from './paper-repository.js';

/** The source name of papers read from a page file: `page:hf-papers-page.txt`. */
export const pageSource = (file: string): string => `page:${basename(file)}`;

/**
 * Imports the bundled corpus (data/papers.json, as `loadCorpus` reads it), each paper as seen by
 * the page it was read from (`page:<file name>`), in one transaction. Idempotent by the upsert's
 * rules, so it can run at every start: a second run finds every paper unchanged and writes
 * nothing (no `updatedAt` or `seq` moves). A re-ingested page replaces the text it gave before,
 * but never text a source with an arXiv version has given since.
 *
 * @example
 * const { added } = await seedFromCorpusFile(store, loadCorpus(dataDir)); // 99 the first time, then 0
 */
export async function seedFromCorpusFile(store: Queryable, corpus: CorpusFile, now: Date = new Date()): Promise<UpsertResult> {
  return upsertPapers(
    store,
    corpus.papers.map((paper) => ({ paper, extras: {}, source: pageSource(paper.source.file) })),
    now,
  );
}
