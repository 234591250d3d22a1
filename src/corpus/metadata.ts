import { parseArxivRef } from './arxiv.js';
import { IngestError } from './ingest-error.js';

export interface PaperMetadata {
  arxivId: string | null;
  authors: string[];
}

const HEADER = ['title', 'arxiv_id', 'authors'];

/** Reads `paper-metadata.tsv` (header `title arxiv_id authors`, authors separated by `; `). */
export function parseMetadata(content: string, file: string): Map<string, PaperMetadata> {
  const lines = content.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const header = lines[0]?.split('\t').map((cell) => cell.trim());
  if (!header || HEADER.some((name, i) => header[i] !== name)) {
    throw new IngestError(file, 1, `header must be "${HEADER.join('\\t')}"`);
  }
  const byTitle = new Map<string, PaperMetadata>();
  lines.slice(1).forEach((line, index) => {
    const lineNumber = index + 2;
    if (line.trim() === '') return;
    const [title = '', rawId = '', rawAuthors = ''] = line.split('\t').map((cell) => cell.trim());
    if (!title) throw new IngestError(file, lineNumber, 'row has no title');
    const arxivId = rawId ? parseArxivRef(rawId) : null;
    if (rawId && !arxivId) throw new IngestError(file, lineNumber, `"${rawId}" is not an arXiv identifier`);
    const key = titleKey(title);
    if (byTitle.has(key)) throw new IngestError(file, lineNumber, `title "${title}" is listed twice`);
    byTitle.set(key, {
      arxivId,
      authors: rawAuthors
        .split(';')
        .map((name) => name.trim())
        .filter(Boolean),
    });
  });
  return byTitle;
}

/** Titles join on their text, forgiving only whitespace and case. */
export function titleKey(title: string): string {
  return title.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}
