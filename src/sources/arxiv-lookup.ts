import { parseArxivRef } from '../corpus/arxiv.js';
import type { PaperExtras, SourcedPaper } from '../corpus/sourced-paper.js';
import { arxivExtras } from './arxiv-category.js';
import { ARXIV, type ArxivClient } from './arxiv-client.js';
import type { HttpClient } from './http-client.js';
import { hfExtras, hfPaperSchema } from './hf-papers.js';
import { guardSource, SourceError } from './source-error.js';
import { toPaper } from './to-paper.js';

export const ARXIV_LOOKUP = 'arxiv-lookup';

export type ArxivLookupResult =
  | {
      status: 'found';
      paper: SourcedPaper;
      /** Why Hugging Face's extras are missing, when they are for a reason other than "HF does not know it". */
      extrasProblem?: string;
    }
  /** arXiv answered, and knows no such paper. */
  | { status: 'not-found'; id: string }
  /** The input is no arXiv id or URL at all; nothing was asked. */
  | { status: 'invalid-id'; input: string };

export interface ArxivLookupDeps {
  arxiv: ArxivClient;
  hf: HttpClient;
}

/**
 * One paper by arXiv id (or arXiv / Hugging Face URL), its latest version, from the arXiv API,
 * with Hugging Face's extras when Hugging Face is reachable and knows it. "Not found" is a result;
 * arXiv being down, slow, rate limiting or garbled rejects with a {@link SourceError}.
 * NOTE: Hugging Face is asked at the same time as arXiv (arXiv's gate may keep the lookup
 * waiting); its failure only leaves the extras out.
 *
 * @example
 * const result = await lookupArxivPaper('https://arxiv.org/abs/2510.14968v1', { arxiv, hf });
 * if (result.status === 'found') result.paper.extras.version; // 2
 */
export async function lookupArxivPaper(input: string, deps: ArxivLookupDeps, options: { signal?: AbortSignal } = {}): Promise<ArxivLookupResult> {
  const id = parseArxivRef(input);
  if (!id) return { status: 'invalid-id', input };
  const hfExtrasPromise = hfPaperExtras(id, deps.hf, options.signal);
  return guardSource<ArxivLookupResult>(ARXIV, async () => {
    const feed = await deps.arxiv.query({ idList: [id], maxResults: 1 }, options.signal);
    const entry = feed.entries.find((e) => e.id.toLowerCase() === id.toLowerCase());
    if (!entry) {
      if (feed.skipped > 0) throw SourceError.garbled(ARXIV, 'a malformed entry', feed.problems.join('; '));
      if (feed.entries.length > 0) throw SourceError.garbled(ARXIV, 'another paper than the one asked for', feed.entries[0]?.id);
      return { status: 'not-found', id };
    }
    const hf = await hfExtrasPromise;
    const built = toPaper({
      arxivId: entry.id,
      title: entry.title,
      abstract: entry.summary,
      authors: entry.authors,
      sourceName: ARXIV_LOOKUP,
      position: 1,
      comment: entry.comment,
      githubRepo: hf.extras.githubRepo,
      projectPage: hf.extras.projectPage,
    });
    if (!built.ok) throw SourceError.garbled(ARXIV, 'an unreadable paper', built.problem);
    const extras: PaperExtras = { ...hf.extras, ...arxivExtras(entry) };
    return { status: 'found', paper: { paper: built.paper, extras, source: ARXIV_LOOKUP }, ...(hf.problem && { extrasProblem: hf.problem }) };
  });
}

/**
 * Hugging Face's extras for `id`, best effort: never rejects. A 404 (Hugging Face does not know
 * the paper) is no extras and no problem; anything else is no extras and the reason.
 */
async function hfPaperExtras(id: string, hf: HttpClient, signal: AbortSignal | undefined): Promise<{ extras: PaperExtras; problem?: string }> {
  // NOTE: Hugging Face's paper pages are new-style ids only; an old-style id has a slash that would change the path.
  if (id.includes('/')) return { extras: {} };
  try {
    const { status, text } = await hf.get({ path: `/api/papers/${id}`, accept: 'application/json', signal, allowStatuses: [404] });
    if (status === 404) return { extras: {} };
    const parsed = hfPaperSchema.safeParse(JSON.parse(text));
    if (!parsed.success || parsed.data.id !== id) return { extras: {}, problem: `${hf.service} sent an answer Paperbot cannot read.` };
    return { extras: hfExtras(parsed.data) };
  } catch (error) {
    return { extras: {}, problem: error instanceof SourceError ? error.message : `${hf.service} sent an answer Paperbot cannot read.` };
  }
}
