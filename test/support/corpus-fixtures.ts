import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_DATA_DIR } from '../../src/config.js';

export const PAGE_FILE = join(DEFAULT_DATA_DIR, 'sources', 'hf-papers-page.txt');
export const pageText = (): string => readFileSync(PAGE_FILE, 'utf8');

/** A throwaway copy of data/, so a test can break sources without touching the real ones. */
export function copyDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'paperbot-data-'));
  cpSync(DEFAULT_DATA_DIR, dir, { recursive: true });
  return dir;
}
