import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR } from '../../src/config.js';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { SourceError } from '../../src/sources/source-error.js';
import { createSource } from '../../src/sources/source.js';
import { copyDataDir } from '../support/corpus-fixtures.js';

describe('page: sources', () => {
  it('yield the same 99 papers as data/papers.json, as sourced papers without extras', async () => {
    const result = await createSource('page:hf-papers-page.txt').fetch();
    const corpus = loadCorpus(DEFAULT_DATA_DIR);
    expect(result).toMatchObject({ source: 'page:hf-papers-page.txt', skipped: 0, problems: [], requests: 0 });
    expect(result.papers).toHaveLength(99);
    expect(result.papers.map((p) => p.paper)).toEqual(corpus.papers);
    expect(result.papers.every((p) => p.source === 'page:hf-papers-page.txt' && Object.keys(p.extras).length === 0)).toBe(true);
  });

  it('keep each page its own papers, with ids numbered as ingest numbers them across pages', async () => {
    const dataDir = copyDataDir();
    copyFileSync(join(dataDir, 'sources', 'hf-papers-page.txt'), join(dataDir, 'sources', 'second-page.txt'));
    const first = await createSource('page:hf-papers-page.txt', { dataDir }).fetch();
    const second = await createSource('page:second-page.txt', { dataDir }).fetch();
    expect(first.papers).toHaveLength(99);
    expect(second.papers).toHaveLength(99);
    expect(second.papers.every((p) => p.paper.source.file === 'sources/second-page.txt')).toBe(true);
    // The paper without an arXiv id appears on both pages: the second copy gets `-2`, as in papers.json after an ingest.
    expect(second.papers.find((p) => p.paper.arxivId === null)!.paper.id).toBe('understanding-the-impact-of-post-training-quantization-on-2');
  });

  it('fail as unreachable for a page that is not there', async () => {
    const error = await createSource('page:missing.txt')
      .fetch()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect(error).toMatchObject({ kind: 'unreachable', message: 'There is no sources/missing.txt in the data folder.' });
  });

  it("fail as garbled for a page ingest refuses, with ingest's file and line", async () => {
    const dataDir = copyDataDir();
    const page = join(dataDir, 'sources', 'hf-papers-page.txt');
    writeFileSync(page, readFileSync(page, 'utf8').replace(/\n\nVerifying the provenance[^\n]*\n/, '\n'));
    const error = await createSource('page:hf-papers-page.txt', { dataDir })
      .fetch()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect(error).toMatchObject({ kind: 'garbled', message: expect.stringMatching(/hf-papers-page\.txt:15: .*no abstract/) });
  });

  it('fail as unreachable when the data folder has no sources folder', async () => {
    const dataDir = copyDataDir();
    rmSync(join(dataDir, 'sources'), { recursive: true });
    const error = await createSource('page:hf-papers-page.txt', { dataDir })
      .fetch()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'unreachable', message: 'Cannot read the data folder (ENOENT).' });
  });
});
