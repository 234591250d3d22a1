import type { Migration } from 'kysely/migration';
import * as m0001 from './0001-papers.js';
import * as m0002 from './0002-team-memory.js';
import * as m0003 from './0003-watches.js';
import * as m0004 from './0004-instances.js';
import * as m0005 from './0005-first-seq.js';

/**
 * Every migration, by name; applied in name order, each once. NOTE: a static map rather than
 * Kysely's FileMigrationProvider, which scans a folder: the code runs from dist/, and a bundler or
 * a stray `.d.ts` there must not change what runs. Add a file `NNNN-what.ts` and a line here;
 * never edit or rename one that has shipped.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-papers': m0001,
  '0002-team-memory': m0002,
  '0003-watches': m0003,
  '0004-instances': m0004,
  '0005-first-seq': m0005,
};
