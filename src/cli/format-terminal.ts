import { CLI } from '../config.js';
import type { Paper } from '../corpus/paper.js';
import { authorsLine, monthYear } from '../render/paper-meta.js';
import type { SearchHit, SearchResponse } from '../search/types.js';

const WIDTH = 96;

export interface Style {
  bold(text: string): string;
  dim(text: string): string;
}

export const plainStyle: Style = { bold: (t) => t, dim: (t) => t };
export const ansiStyle: Style = { bold: (t) => `\x1b[1m${t}\x1b[22m`, dim: (t) => `\x1b[2m${t}\x1b[22m` };

/**
 * "2308.16582 · Aug 2023 · A, B, C et al.": the same facts, in the same order, as a Slack card's
 * context line. It opens with what `show` and `similar` take: the id, which is the arXiv id where
 * there is one (so it is printed once), else a slug said to be one.
 */
export function byline(paper: Paper, maxAuthors?: number): string {
  const id = paper.arxivId ?? `${paper.id} (no arXiv id)`;
  return [id, monthYear(paper.published), authorsLine(paper.authors, maxAuthors)].filter(Boolean).join(' · ');
}

function wrap(text: string, indent: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > WIDTH - indent.length) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map((l) => indent + l).join('\n');
}

function paperLinks(paper: Paper): string[] {
  const { abs, pdf, hf, search, code, project } = paper.links;
  return [abs, pdf, hf, search, ...code, ...project].filter((url): url is string => Boolean(url));
}

export function formatHit(hit: SearchHit, rank: number, style: Style): string {
  const { paper } = hit;
  return [
    `${String(rank).padStart(2)}. ${style.bold(paper.title)}`,
    wrap(byline(paper), '    '),
    wrap(paper.tldr, '    '),
    ...paperLinks(paper).map((url) => `    ${style.dim(url)}`),
  ].join('\n');
}

export function formatResponse(response: SearchResponse, style: Style): string {
  if (response.hits.length === 0) {
    const hint = response.suggestion ? ` Did you mean: ${style.bold(response.suggestion)}?` : '';
    return `No papers match "${response.query}".${hint}`;
  }
  return [style.dim(searchHeader(response)), ...response.hits.map((hit, i) => formatHit(hit, i + 1, style))].join('\n\n');
}

/**
 * "22 results for "long context", the best 10 below (--limit 22 for all)": a page shorter than the
 * total says so, and how to see more (up to `CLI.maxLimit`).
 */
export function searchHeader({ total, hits, query }: Pick<SearchResponse, 'total' | 'hits' | 'query'>): string {
  const header = `${total} result${total === 1 ? '' : 's'} for "${query}"`;
  if (hits.length >= total) return header;
  const more = hits.length >= CLI.maxLimit ? '' : total <= CLI.maxLimit ? ` (--limit ${total} for all)` : ` (--limit ${CLI.maxLimit} for more)`;
  return `${header}, the best ${hits.length} below${more}`;
}

/**
 * `similar`: "Papers like "Title"", as Slack heads the same answer, then the papers. `words` is
 * what the user typed when it named no paper and `paper` is their best match.
 */
export function formatSimilar(paper: Paper, hits: readonly SearchHit[], style: Style, words?: string): string {
  const which = `"${paper.title}" (${paper.id})${words === undefined ? '' : `, the best match for "${words}"`}`;
  if (hits.length === 0) return `No papers like ${which} in the library.`;
  return [style.dim(`Papers like ${which}`), ...hits.map((hit, i) => formatHit(hit, i + 1, style))].join('\n\n');
}

export function formatPaper(paper: Paper, style: Style): string {
  return [
    style.bold(paper.title),
    byline(paper, Number.POSITIVE_INFINITY),
    '',
    style.bold('TL;DR: ') + paper.tldr,
    '',
    wrap(paper.abstract, ''),
    '',
    ...paperLinks(paper),
  ].join('\n');
}
