import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { CORPUS } from '../config.js';
import { buildPaper } from './build-paper.js';
import { IngestError } from './ingest-error.js';
import { parseMetadata, titleKey } from './metadata.js';
import { assignIds } from './paper-id.js';
import { corpusFileSchema, type CorpusFile } from './paper.js';
import { parsePapersPage } from './parse-page.js';

export interface IngestResult {
  corpus: CorpusFile;
  /** Titles on the pages that the metadata file does not know. */
  unmatched: string[];
}

/** Parses every source in `dataDir/sources`, joins the metadata and validates the result. Writes nothing. */
export function buildCorpus(dataDir: string): IngestResult {
  const sourcesDir = join(dataDir, CORPUS.sourcesDir);
  const files = readdirSync(sourcesDir)
    .filter((name) => (CORPUS.sourceExtensions as readonly string[]).includes(extname(name)))
    .sort();
  if (files.length === 0) throw new IngestError(sourcesDir, null, 'no source files found');

  const metadataPath = join(dataDir, CORPUS.metadataFile);
  const metadata = parseMetadata(readText(metadataPath, CORPUS.metadataFile), CORPUS.metadataFile);
  const unmatched: string[] = [];
  const drafts = files.flatMap((name) => {
    const file = `${CORPUS.sourcesDir}/${name}`;
    return parsePapersPage(readText(join(sourcesDir, name), file), file).map((entry) => {
      const meta = metadata.get(titleKey(entry.title));
      if (!meta) unmatched.push(entry.title);
      return buildPaper(entry, file, meta);
    });
  });
  const ids = assignIds(drafts);
  const papers = drafts.map((draft, i) => ({ id: ids[i]!, ...draft }));
  const parsed = corpusFileSchema.safeParse({ version: 1, sources: files.map((f) => `${CORPUS.sourcesDir}/${f}`), papers });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const index = issue.path[1];
    const paper = typeof index === 'number' ? papers[index] : undefined;
    const where = paper ? paper.source : { file: CORPUS.papersFile, line: null };
    throw new IngestError(where.file, where.line, `invalid ${issue.path.slice(2).join('.') || 'record'}: ${issue.message}`);
  }
  return { corpus: parsed.data, unmatched };
}

/** Builds the corpus and replaces `papers.json` atomically: on any error the old file stays as it was. */
export function ingest(dataDir: string): IngestResult {
  const result = buildCorpus(dataDir);
  writeAtomically(join(dataDir, CORPUS.papersFile), `${JSON.stringify(result.corpus, null, 2)}\n`);
  return result;
}

function writeAtomically(path: string, content: string): void {
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, path);
  } finally {
    rmSync(temporary, { force: true });
  }
}

function readText(path: string, file: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new IngestError(file, null, `cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new IngestError(file, null, 'not a text file (invalid UTF-8)');
  }
}
