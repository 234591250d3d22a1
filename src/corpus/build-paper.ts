import { arxivMonth } from './arxiv.js';
import { cleanText } from './clean-text.js';
import { buildLinks } from './links.js';
import type { PaperMetadata } from './metadata.js';
import type { Paper } from './paper.js';
import type { PageEntry } from './parse-page.js';
import { summarize } from './tldr.js';

/** A title's short name: `eDKM: An Efficient …` → `eDKM`. */
export function shortName(title: string): string | undefined {
  const head = title.split(':')[0]?.trim();
  return head && head.length <= 30 && head !== title ? head : undefined;
}

/** Everything a paper needs but its id: cleaned text, metadata, links and TL;DR. */
export function buildPaper(entry: PageEntry, file: string, metadata: PaperMetadata | undefined): Omit<Paper, 'id'> {
  const arxivId = metadata?.arxivId ?? null;
  const projectName = shortName(entry.title);
  const abstract = cleanText(entry.abstract, projectName ? { projectName } : {});
  return {
    title: cleanText(entry.title),
    abstract,
    rawAbstract: entry.abstract,
    arxivId,
    authors: metadata?.authors ?? [],
    published: arxivId ? arxivMonth(arxivId) : null,
    tldr: summarize(abstract),
    links: buildLinks(entry.title, arxivId, entry.abstract),
    source: { file, line: entry.line },
  };
}
