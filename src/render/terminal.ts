import type { Paper } from '../corpus/paper.js';
import { authorsLine, monthYear, paperUrl } from './paper-meta.js';

/** A paper as plain terminal text, for the local prompt. */
export function paperAsText(paper: Paper, position?: number): string {
  const meta = [paper.arxivId && `arXiv:${paper.arxivId}`, monthYear(paper.published), authorsLine(paper.authors)].filter(Boolean).join(' · ');
  const { code, project } = paper.links;
  const links = [paperUrl(paper), code[0], project[0]].filter(Boolean).join('  ');
  const head = position === undefined ? paper.title : `${position}. ${paper.title}`;
  const indent = position === undefined ? '' : '   ';
  return [head, paper.tldr, meta, links].filter(Boolean).join(`\n${indent}`);
}
