import { join } from 'node:path';
import { PROJECT_ROOT } from './paths.js';

/**
 * Every default Paperbot has lives here, so there is one place to read what it does.
 * NOTE: environment settings (tokens, port, log level) are read by `readConfig` below.
 */

export const DEFAULT_DATA_DIR = join(PROJECT_ROOT, 'data');

export const CORPUS = {
  sourcesDir: 'sources',
  metadataFile: 'paper-metadata.tsv',
  papersFile: 'papers.json',
  /** Source files ingest reads, by extension. */
  sourceExtensions: ['.txt'],
} as const;

export const TLDR = {
  minChars: 40,
  maxChars: 280,
} as const;

export const CLI = {
  defaultLimit: 10,
  maxLimit: 100,
} as const;
