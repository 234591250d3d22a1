import type { SourcedPaper } from '../corpus/sourced-paper.js';
import { CONTENT_COLUMNS, type PaperContent, extrasColumns, textColumns } from './paper-row.js';

/**
 * What a source's paper does to the stored one: the rules of the issue in one pure function.
 * - The text (title, abstract, TL;DR, authors, links, where it was read) comes with an arXiv
 *   version: a newer version replaces it, an older or equal one never does.
 * - Text without a version (a page, a listing that does not say) fills a new paper, and replaces
 *   only text that has no version either and came from the same source (a re-ingest of that page).
 *   NOTE: so two versionless sources cannot take turns overwriting each other, which would make
 *   every re-seed look like a change.
 * - Extras (upvotes, stars, repo, project page, keywords, summary) replace the stored ones when the
 *   source gives them, whatever the version; an extra the source omits is kept.
 *
 * @example
 * mergePaper(stored, { paper, extras: { version: 3, upvotes: 12 }, source: 'arxiv:cs.CL' });
 */
export function mergePaper(current: PaperContent | undefined, incoming: SourcedPaper): PaperContent {
  const extras = extrasColumns(incoming.extras);
  if (current === undefined) return { ...emptyExtras(), ...textColumns(incoming), ...extras };
  const text = takesText(current, incoming) ? textColumns(incoming) : {};
  return { ...current, ...text, ...extras };
}

/** Whether the incoming paper's text replaces the stored text (see {@link mergePaper}). */
export function takesText(current: Pick<PaperContent, 'version' | 'text_source'>, { extras, source }: SourcedPaper): boolean {
  if (extras.version !== undefined) return current.version === null || extras.version > current.version;
  return current.version === null && current.text_source === source;
}

/** Whether two contents hold the same values in every column. */
export function sameContent(a: PaperContent, b: PaperContent): boolean {
  return CONTENT_COLUMNS.every((column) => a[column] === b[column]);
}

function emptyExtras() {
  return { upvotes: null, github_repo: null, github_stars: null, project_page: null, ai_keywords: null, ai_summary: null, featured_on: null };
}
