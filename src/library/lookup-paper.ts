import { LIBRARY } from '../config.js';
import type { Paper } from '../corpus/paper.js';
import type { Logger } from '../logger.js';
import { lookupArxivPaper, type ArxivLookupDeps } from '../sources/arxiv-lookup.js';
import { SourceError } from '../sources/source-error.js';
import type { PaperLibrary } from './paper-library.js';

/** What looking up one paper by arXiv id came to. */
export type LookupOutcome =
  /** Found, stored and searchable. */
  | { kind: 'found'; paper: Paper }
  /** arXiv answered, and has no such paper. */
  | { kind: 'not-found'; arxivId: string }
  /** arXiv could not be asked (down, slow, rate limited, garbled); `reason` is safe to show. */
  | { kind: 'unavailable'; arxivId: string; reason: string };

/**
 * Fetches one paper that is not in the library yet from arXiv (with Hugging Face's extras when
 * reachable), stores it and makes it searchable: the paper Paperbot did not know is now one it
 * knows, for everyone. Never throws: every failure is an outcome, logged.
 *
 * @example const outcome = await lookupPaper('1706.03762', { library, clients, logger });
 */
export async function lookupPaper(arxivId: string, deps: { library: PaperLibrary; clients: ArxivLookupDeps; logger: Logger }): Promise<LookupOutcome> {
  const { library, clients, logger } = deps;
  try {
    const result = await lookupArxivPaper(arxivId, clients, { signal: AbortSignal.timeout(LIBRARY.lookupTimeoutMs) });
    if (result.status === 'invalid-id') return { kind: 'not-found', arxivId };
    if (result.status === 'not-found') {
      logger.info({ arxivId }, 'lookup: arXiv has no such paper');
      return { kind: 'not-found', arxivId };
    }
    if (result.extrasProblem) logger.info({ arxivId, problem: result.extrasProblem }, 'lookup: no Hugging Face extras');
    await library.add([result.paper]);
    const paper = library.search.get(result.paper.paper.id);
    if (!paper) throw new Error(`stored ${result.paper.paper.id} but the index does not have it`);
    logger.info({ arxivId, paperId: paper.id }, 'lookup: stored a paper from arXiv');
    return { kind: 'found', paper };
  } catch (error) {
    const reason = error instanceof SourceError ? error.message : 'Something went wrong while fetching it.';
    logger.warn({ err: error, arxivId }, 'lookup failed');
    return { kind: 'unavailable', arxivId, reason };
  }
}
