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

/** "2308.16582 · Aug 2023 · A, B, C et al.": the same facts, in the same order, as a Slack card's context line. */
export function byline(paper: Paper, maxAuthors?: number): string {
  return [paper.arxivId ?? 'no arXiv id', monthYear(paper.published), authorsLine(paper.authors, maxAuthors)].filter(Boolean).join(' · ');
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
    `${String(rank).padStart(2)}. ${style.bold(paper.title)}  ${style.dim(`[${paper.id}]`)}`,
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
  const header = style.dim(`${response.total} result${response.total === 1 ? '' : 's'} for "${response.query}"`);
  return [header, ...response.hits.map((hit, i) => formatHit(hit, i + 1, style))].join('\n\n');
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
