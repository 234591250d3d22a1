import type { SourcedPaper } from '../corpus/sourced-paper.js';
import type { ArxivEntry } from './arxiv-atom.js';
import { ARXIV, type ArxivClient } from './arxiv-client.js';
import { SOURCES } from '../config.js';
import { guardSource, SourceError } from './source-error.js';
import type { PaperSource, SourceFetchOptions, SourceFetchResult } from './source.js';
import { toPaper } from './to-paper.js';
import { checkedDay } from './utc-day.js';

export interface ArxivCategoryOptions {
  arxiv: ArxivClient;
  /** `max_results` of each request. */
  arxivCategoryPageSize: number;
  /** Pages read at most when catching up since a date. */
  arxivCategoryMaxPages: number;
}

/**
 * The newest submissions of one arXiv category (`cs.CL`), newest first. With `since`, entries
 * first submitted before it are left out, and further pages are read while the last one was full
 * and still newer than `since` (at most `arxivCategoryMaxPages`). With `date`, that day's
 * submissions. Without either (a first run), one page.
 *
 * @example const { papers } = await createArxivCategorySource('cs.CL', { arxiv, arxivCategoryPageSize: 100, arxivCategoryMaxPages: 3 }).fetch();
 */
export function createArxivCategorySource(category: string, options: ArxivCategoryOptions): PaperSource {
  const name = `arxiv:${category}`;
  return {
    name,
    async fetch({ since, date, signal }: SourceFetchOptions = {}): Promise<SourceFetchResult> {
      const day = date === undefined ? undefined : checkedDay(date).replaceAll('-', '');
      const searchQuery = day ? `cat:${category} AND submittedDate:[${day}0000 TO ${day}2359]` : `cat:${category}`;
      return guardSource(ARXIV, async () => {
        const result: SourceFetchResult = { source: name, papers: [], skipped: 0, problems: [], requests: 0 };
        const pages = since || day ? options.arxivCategoryMaxPages : 1;
        for (let page = 0; page < pages; page += 1) {
          const start = page * options.arxivCategoryPageSize;
          const feed = await options.arxiv.query(
            { searchQuery, start, maxResults: options.arxivCategoryPageSize, sortBy: 'submittedDate', sortOrder: 'descending' },
            signal,
          );
          result.requests += 1;
          // NOTE: arXiv's API sometimes answers a page with no entries although it counts results
          // past `start` (a known glitch; the arxiv Python client retries on it). Treat it as a
          // bad answer, not as "nothing new", so the caller retries instead of moving `since` on.
          if (feed.entries.length === 0 && feed.skipped === 0 && (feed.totalResults ?? 0) > start) {
            throw SourceError.garbled(ARXIV, 'an empty page where results were expected', `totalResults ${feed.totalResults}, start ${start}`);
          }
          result.skipped += feed.skipped;
          result.problems.push(...feed.problems);
          for (const entry of feed.entries) {
            if (since && isBefore(entry, since)) continue;
            const built = toSourcedPaper(entry, name, start + entry.position);
            if ('problem' in built) {
              result.skipped += 1;
              result.problems.push(built.problem);
            } else result.papers.push(built);
          }
          const oldest = feed.entries.at(-1);
          const full = feed.entries.length + feed.skipped >= options.arxivCategoryPageSize;
          if (!full || !oldest || (since && isBefore(oldest, since))) break;
        }
        result.problems = result.problems.slice(0, SOURCES.maxProblems);
        return result;
      });
    },
  };
}

/**
 * A sourced paper from an arXiv entry: version and version date as extras.
 * `position` is the entry's 1-based place in the listing (`source.line`).
 */
export function toSourcedPaper(entry: ArxivEntry, sourceName: string, position: number): SourcedPaper | { problem: string } {
  const built = toPaper({
    arxivId: entry.id,
    title: entry.title,
    abstract: entry.summary,
    authors: entry.authors,
    sourceName,
    position,
    comment: entry.comment,
  });
  if (!built.ok) return { problem: built.problem };
  return { paper: built.paper, extras: arxivExtras(entry), source: sourceName };
}

/** arXiv's version and its date, as {@link SourcedPaper} extras. */
export function arxivExtras(entry: ArxivEntry): SourcedPaper['extras'] {
  return {
    ...(entry.version !== null && { version: entry.version }),
    ...(entry.updated !== null && { versionDate: entry.updated }),
  };
}

function isBefore(entry: ArxivEntry, since: Date): boolean {
  const published = entry.published ? Date.parse(entry.published) : Number.NaN;
  return !Number.isNaN(published) && published < since.getTime();
}
