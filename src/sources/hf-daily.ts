import { parseArxivRef } from '../corpus/arxiv.js';
import type { SourcedPaper } from '../corpus/sourced-paper.js';
import type { HttpClient } from './http-client.js';
import { hfAuthorNames, hfDailyEntrySchema, hfExtras } from './hf-papers.js';
import { SOURCES } from '../config.js';
import { guardSource, SourceError } from './source-error.js';
import type { PaperSource, SourceFetchOptions, SourceFetchResult } from './source.js';
import { toPaper } from './to-paper.js';
import { checkedDay, DAY_MS, isoDay, startOfUtcDay } from './utc-day.js';

export const HF_DAILY = 'hf-daily';

export interface HfDailyOptions {
  hf: HttpClient;
  /** `limit` of each request. */
  hfDailyLimit: number;
  /** Days fetched on a first run, and the most a catch-up fetches. */
  hfBackfillDays: number;
  today: () => Date;
}

/**
 * Hugging Face's daily papers: `date` alone; else every featured day since `since` (a catch-up
 * after downtime), at most `hfBackfillDays`; else, on a first run, the last `hfBackfillDays` days.
 * Days are UTC, newest first; a paper featured twice is kept once, from its latest day.
 * NOTE: a failing day fails the fetch (the caller keeps its `since` and tries again later) rather
 * than returning a catch-up with a hole in it.
 *
 * @example const { papers } = await createHfDailySource({ hf, hfDailyLimit: 100, hfBackfillDays: 7, today: () => new Date() }).fetch({ since });
 */
export function createHfDailySource(options: HfDailyOptions): PaperSource {
  return {
    name: HF_DAILY,
    async fetch(fetchOptions: SourceFetchOptions = {}): Promise<SourceFetchResult> {
      const days = daysToFetch(fetchOptions, options.today(), options.hfBackfillDays);
      return guardSource(options.hf.service, async () => {
        const result: SourceFetchResult = { source: HF_DAILY, papers: [], skipped: 0, problems: [], requests: 0 };
        const seen = new Set<string>();
        for (const date of days) {
          const { text } = await options.hf.get({
            path: '/api/daily_papers',
            query: { date, limit: options.hfDailyLimit },
            accept: 'application/json',
            signal: fetchOptions.signal,
          });
          result.requests += 1;
          const day = parseDailyPapers(text, options.hf.service);
          result.skipped += day.skipped;
          result.problems.push(...day.problems.map((p) => `${date} ${p}`));
          for (const paper of day.papers) {
            if (seen.has(paper.paper.id)) continue;
            seen.add(paper.paper.id);
            result.papers.push(paper);
          }
        }
        result.problems = result.problems.slice(0, SOURCES.maxProblems);
        return result;
      });
    },
  };
}

/**
 * One `GET /api/daily_papers` answer as sourced papers. Entries that cannot be read (no arXiv id,
 * no title or abstract) are skipped and counted; an answer that is not a JSON array throws `garbled`.
 */
export function parseDailyPapers(text: string, service: string): Pick<SourceFetchResult, 'papers' | 'skipped' | 'problems'> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw SourceError.garbled(service, 'not JSON', text.slice(0, 200), error);
  }
  if (!Array.isArray(json)) throw SourceError.garbled(service, 'not a list of papers', text.slice(0, 200));

  const papers: SourcedPaper[] = [];
  const problems: string[] = [];
  json.forEach((raw, index) => {
    const position = index + 1;
    const parsed = hfDailyEntrySchema.safeParse(raw);
    if (!parsed.success) {
      problems.push(`entry ${position}: ${parsed.error.issues[0]?.path.join('.') || 'entry'} ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      return;
    }
    const { paper } = parsed.data;
    const arxivId = parseArxivRef(paper.id);
    if (!arxivId) {
      problems.push(`entry ${position}: "${paper.id.slice(0, 40)}" is not an arXiv id`);
      return;
    }
    const extras = hfExtras(paper);
    const built = toPaper({
      arxivId,
      title: paper.title ?? parsed.data.title ?? '',
      abstract: paper.summary ?? parsed.data.summary ?? '',
      authors: hfAuthorNames(paper),
      sourceName: HF_DAILY,
      position,
      githubRepo: extras.githubRepo,
      projectPage: extras.projectPage,
    });
    if (built.ok) papers.push({ paper: built.paper, extras, source: HF_DAILY });
    else problems.push(`entry ${position}: ${built.problem}`);
  });
  return { papers, skipped: problems.length, problems };
}

/** The UTC days to fetch, newest first. Throws RangeError for a `date` that is not `YYYY-MM-DD` (a caller's bug). */
export function daysToFetch({ since, date }: Pick<SourceFetchOptions, 'since' | 'date'>, today: Date, backfillDays: number): string[] {
  if (date !== undefined) return [checkedDay(date)];
  const last = startOfUtcDay(today);
  const first = since ? Math.max(startOfUtcDay(since), last - (backfillDays - 1) * DAY_MS) : last - (backfillDays - 1) * DAY_MS;
  const days: string[] = [];
  for (let day = last; day >= first; day -= DAY_MS) days.push(isoDay(day));
  return days;
}
