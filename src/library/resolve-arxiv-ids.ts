import type { Logger } from '../logger.js';
import { lookupArxivPaper, type ArxivLookupDeps } from '../sources/arxiv-lookup.js';
import { resolveArxivIdByTitle } from '../sources/arxiv-title.js';
import type { PaperLibrary } from './paper-library.js';

/** The source name the store records for text found by an exact-title query. */
export const ARXIV_TITLE = 'arxiv-title';

/**
 * Gives stored papers that have no arXiv id one, when arXiv holds a paper with exactly their
 * title: the paper keeps its id (buttons and links already point at it) and takes arXiv's id,
 * links, authors and text. Papers arXiv does not hold, or holds twice, are left as they are.
 * Resolves with the ids resolved; a source failure stops the pass (logged) and is tried at the
 * next start.
 *
 * @example await resolveMissingArxivIds(library, clients, logger); // ['understanding-the-impact-of-…']
 */
export async function resolveMissingArxivIds(library: PaperLibrary, clients: ArxivLookupDeps, logger: Logger, signal?: AbortSignal): Promise<string[]> {
  const resolved: string[] = [];
  for (const paper of library.search.all().filter((p) => p.arxivId === null)) {
    try {
      const found = await resolveArxivIdByTitle(paper.title, clients, { signal });
      if (found.status !== 'found') {
        logger.info({ paperId: paper.id, result: found.status }, 'no arXiv id for this title');
        continue;
      }
      const looked = await lookupArxivPaper(found.arxivId, clients, { signal });
      if (looked.status !== 'found') continue;
      const fromArxiv = looked.paper;
      await library.add([{ ...fromArxiv, source: ARXIV_TITLE, paper: { ...fromArxiv.paper, id: paper.id } }]);
      resolved.push(paper.id);
      logger.info({ paperId: paper.id, arxivId: found.arxivId }, 'resolved an arXiv id by exact title');
    } catch (error) {
      logger.warn({ err: error, paperId: paper.id }, 'resolving arXiv ids stopped; tried again at the next start');
      break;
    }
  }
  return resolved;
}
