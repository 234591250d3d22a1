import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS } from '../config.js';
import { corpusFileSchema, type CorpusFile } from './paper.js';

/** Reads and validates the ingested `papers.json`. */
export function loadCorpus(dataDir: string): CorpusFile {
  const path = join(dataDir, CORPUS.papersFile);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read ${path}: ${(error as Error).message}. Run \`npm run ingest\` to rebuild it.`);
  }
  const parsed = corpusFileSchema.safeParse(json);
  if (!parsed.success) throw new Error(`${path} is not a valid corpus: ${parsed.error.issues[0]?.message}. Run \`npm run ingest\`.`);
  return parsed.data;
}
