import { RESULTS } from '../config.js';
import type { Paper } from '../corpus/paper.js';
import { escapeText, link, truncate } from './text.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `'2023-08'` → `'Aug 2023'`. */
export function monthYear(published: string | null): string | null {
  const match = published?.match(/^(\d{4})-(\d{2})$/);
  const month = match && MONTHS[Number(match[2]) - 1];
  return match && month ? `${month} ${match[1]}` : null;
}

/** The first authors, then "et al." when there are more. */
export function authorsLine(authors: readonly string[], shown: number = RESULTS.authorsShown): string | null {
  if (authors.length === 0) return null;
  if (authors.length <= shown) return authors.join(', ');
  return `${authors.slice(0, shown).join(', ')} et al.`;
}

/** Where the title links: the arXiv page, else Hugging Face, else a search for it. */
export function paperUrl(paper: Paper): string | undefined {
  const { abs, hf, search, pdf } = paper.links;
  return abs ?? hf ?? search ?? pdf;
}

/** The title, bold and linked (mrkdwn). */
export function titleLink(paper: Paper): string {
  const title = truncate(paper.title, RESULTS.titleChars);
  const url = paperUrl(paper);
  return `*${url ? link(url, title) : escapeText(title)}*`;
}

/** "arXiv:2308.16582 · Aug 2023 · A, B, C et al." (mrkdwn). */
export function metaLine(paper: Paper): string {
  return [paper.arxivId && `arXiv:${paper.arxivId}`, monthYear(paper.published), authorsLine(paper.authors)]
    .filter((part): part is string => Boolean(part))
    .map(escapeText)
    .join(' · ');
}

/** "arXiv · PDF · Hugging Face · Code · Project", whichever exist (mrkdwn links). */
export function linksLine(paper: Paper): string {
  const { abs, pdf, hf, search, code, project } = paper.links;
  const links: [string | undefined, string][] = [
    [abs, 'arXiv'],
    [abs ? undefined : search, 'Search arXiv'],
    [pdf, 'PDF'],
    [hf, 'Hugging Face'],
    [code[0], 'Code'],
    [project[0], 'Project'],
  ];
  return links
    .filter((entry): entry is [string, string] => Boolean(entry[0]))
    .map(([url, label]) => link(url, label))
    .join(' · ');
}
