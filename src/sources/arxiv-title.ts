import { cleanText } from '../corpus/clean-text.js';
import { ARXIV, type ArxivClient } from './arxiv-client.js';
import { SOURCES } from '../config.js';
import { guardSource } from './source-error.js';

export type TitleResolution =
  | { status: 'found'; arxivId: string }
  | { status: 'not-found' }
  /** Several papers carry exactly this title: none is chosen. */
  | { status: 'ambiguous'; arxivIds: string[] };

/**
 * A title reduced to its words: LaTeX made readable, accents and case dropped, every run of
 * punctuation and space one space. `Any-Size-Diffusion: Toward …` and `Any Size Diffusion --
 * toward …` are the same title; one word more or less is not.
 *
 * @example normalisedTitle('Café:  A $\\beta$-Study'); // 'cafe a β study'
 */
export function normalisedTitle(title: string): string {
  return cleanText(title)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The arXiv id of a paper known only by its title (a stored paper without one), by an exact-title
 * query (`ti:"…"`). Only an exact match of the normalised titles counts: arXiv's search is fuzzy
 * and its best hit for a title it does not hold is some other paper. Rejects only with a SourceError.
 *
 * @example
 * const found = await resolveArxivIdByTitle('Understanding the Impact of Post-Training Quantization on Large Language Models', { arxiv });
 * if (found.status === 'found') found.arxivId;
 */
export async function resolveArxivIdByTitle(title: string, deps: { arxiv: ArxivClient }, options: { signal?: AbortSignal } = {}): Promise<TitleResolution> {
  const wanted = normalisedTitle(title);
  if (wanted === '') return { status: 'not-found' };
  return guardSource<TitleResolution>(ARXIV, async () => {
    // NOTE: the phrase is the normalised words: no quote, colon or bracket can reach arXiv's query syntax.
    const feed = await deps.arxiv.query({ searchQuery: `ti:"${wanted}"`, maxResults: SOURCES.arxiv.titleResults }, options.signal);
    const ids = [...new Set(feed.entries.filter((entry) => normalisedTitle(entry.title) === wanted).map((entry) => entry.id))];
    if (ids.length === 1) return { status: 'found', arxivId: ids[0]! };
    return ids.length === 0 ? { status: 'not-found' } : { status: 'ambiguous', arxivIds: ids };
  });
}
