import type { SourcedPaper } from '../corpus/sourced-paper.js';
import { createArxivCategorySource } from './arxiv-category.js';
import { createHfDailySource } from './hf-daily.js';
import { createPageSource, isPageFileName } from './page-source.js';
import { createSourceClients, type SourceSettings } from './source-clients.js';

export interface SourceFetchOptions {
  /** The last successful fetch: fetch what is new since then (none: a first run, which backfills). */
  since?: Date;
  /** One day (`YYYY-MM-DD`, UTC) instead of "new since". */
  date?: string;
  signal?: AbortSignal;
}

export interface SourceFetchResult {
  /** The source's name, as listed (`arxiv:cs.CL`). */
  source: string;
  papers: SourcedPaper[];
  /** Entries left out because they were malformed. */
  skipped: number;
  /** Why, for the log: `entry 3: no title` (at most SOURCES.maxProblems of them). */
  problems: string[];
  /** Requests made (a day or page each), for the log. */
  requests: number;
}

/**
 * A place papers come from. `fetch` resolves with what it found, or rejects with a
 * {@link SourceError} and nothing else.
 */
export interface PaperSource {
  name: string;
  fetch(options?: SourceFetchOptions): Promise<SourceFetchResult>;
}

/** `hf-daily`, `arxiv:cs.CL`, `page:hf-papers-page.txt`. */
export type SourceName = 'hf-daily' | `arxiv:${string}` | `page:${string}`;

/** arXiv's category names: `cs.CL`, `hep-th`, `cond-mat.mes-hall`, `q-bio.NC`. */
const CATEGORY = /^[a-z]+(-[a-z]+)?(\.[A-Za-z]+(-[a-z]+)?)?$/;

/** A source list that names something unknown; `message` lists every problem and what is accepted. */
export class SourceListError extends Error {
  override readonly name = 'SourceListError';
  constructor(readonly problems: string[]) {
    super(
      `Paper sources: ${problems.join('; ')}. ` +
        'Write a comma-separated list of hf-daily, arxiv:<category> (e.g. arxiv:cs.CL), page:<file in data/sources>.txt, or none.',
    );
  }
}

/**
 * Reads a list of source names (as PAPER_SOURCES would hold it): `none` for no sources.
 * Throws a {@link SourceListError} naming every unknown, malformed or repeated name.
 *
 * @example parseSourceList('hf-daily, arxiv:cs.CL,arxiv:cs.LG'); // ['hf-daily', 'arxiv:cs.CL', 'arxiv:cs.LG']
 */
export function parseSourceList(text: string): SourceName[] {
  const names = text
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (names.length === 0) throw new SourceListError(['the list is empty (write none for no sources)']);
  if (names.length === 1 && names[0]!.toLowerCase() === 'none') return [];
  const problems: string[] = [];
  const valid: SourceName[] = [];
  for (const name of names) {
    const problem = problemOf(name);
    if (problem) problems.push(problem);
    else if (valid.includes(name as SourceName)) problems.push(`"${name}" is listed twice`);
    else valid.push(name as SourceName);
  }
  if (problems.length > 0) throw new SourceListError(problems);
  return valid;
}

function problemOf(name: string): string | null {
  if (name === 'hf-daily') return null;
  if (name.toLowerCase() === 'none') return '"none" cannot be combined with sources';
  if (name.startsWith('arxiv:')) {
    const category = name.slice('arxiv:'.length);
    return CATEGORY.test(category) ? null : `"${name}": "${category}" is not an arXiv category (like cs.CL or hep-th)`;
  }
  if (name.startsWith('page:')) {
    return isPageFileName(name.slice('page:'.length)) ? null : `"${name}": expected a .txt file name in data/sources, without folders`;
  }
  return `"${name}" is not a source`;
}

/**
 * The source a name stands for. Every arXiv source of the process shares one gate, and every
 * client of a service one rate-limit cooldown, whatever `settings` each was created with.
 *
 * @example const source = createSource('arxiv:cs.CL', { arxivApiUrl: 'http://127.0.0.1:8080/api/query' });
 */
export function createSource(name: SourceName, settings: SourceSettings = {}): PaperSource {
  const problem = problemOf(name);
  if (problem) throw new SourceListError([problem]);
  const clients = createSourceClients(settings);
  if (name === 'hf-daily') return createHfDailySource({ hf: clients.hf, ...clients.settings });
  if (name.startsWith('arxiv:')) return createArxivCategorySource(name.slice('arxiv:'.length), { arxiv: clients.arxiv, ...clients.settings });
  return createPageSource(name.slice('page:'.length), { dataDir: clients.settings.dataDir });
}
