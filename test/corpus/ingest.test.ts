import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR } from '../../src/config.js';
import { buildCorpus, ingest } from '../../src/corpus/ingest.js';
import { IngestError } from '../../src/corpus/ingest-error.js';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { copyDataDir } from '../support/corpus-fixtures.js';

const { corpus, unmatched } = buildCorpus(DEFAULT_DATA_DIR);
const papers = corpus.papers;

describe('ingest of the committed sources', () => {
  it('is what data/papers.json holds (run `npm run ingest` after changing a source)', () => {
    expect(loadCorpus(DEFAULT_DATA_DIR)).toEqual(corpus);
  });

  it('joins the metadata by title: 98 arXiv ids, 93 author lists, every title known', () => {
    expect(papers).toHaveLength(99);
    expect(unmatched).toEqual([]);
    expect(papers.filter((p) => p.arxivId)).toHaveLength(98);
    expect(papers.filter((p) => p.authors.length > 0)).toHaveLength(93);
    const anySize = papers.find((p) => p.title.startsWith('Any-Size-Diffusion'))!;
    expect(anySize).toMatchObject({ id: '2308.16582', arxivId: '2308.16582', published: '2023-08' });
    expect(anySize.authors[0]).toBe('Qingping Zheng');
  });

  it('gives every paper a unique, stable id and always something to click', () => {
    expect(new Set(papers.map((p) => p.id)).size).toBe(99);
    for (const paper of papers) {
      if (paper.arxivId) expect(paper.id).toBe(paper.arxivId);
      else expect(paper.id).toMatch(/^[a-z0-9-]+$/);
      expect(paper.links.abs ?? paper.links.search).toBeTruthy();
    }
    const noId = papers.find((p) => !p.arxivId)!;
    expect(noId).toMatchObject({ id: 'understanding-the-impact-of-post-training-quantization-on', published: null });
  });

  it('keeps the raw abstract beside the cleaned one', () => {
    const panorama = papers.find((p) => p.rawAbstract.includes('{\\deg}'))!;
    expect(panorama.abstract).toContain('360°');
    expect(papers.every((p) => !/\\[a-zA-Z%]|\{https?:/.test(p.abstract))).toBe(true);
  });

  it('extracts code and project links from the abstracts', () => {
    const oryx = papers.find((p) => p.title.startsWith('Oryx'))!;
    expect(oryx.links.code).toEqual(['https://github.com/Oryx-mllm/Oryx']);
    expect(papers.filter((p) => p.links.code.length > 0).length).toBeGreaterThanOrEqual(18);
    expect(papers.flatMap((p) => [...p.links.code, ...p.links.project]).every((url) => !/[.,;{}]$/.test(url))).toBe(true);
  });
});

describe('a failed ingest', () => {
  function failingIngest(dataDir: string): IngestError {
    try {
      ingest(dataDir);
    } catch (error) {
      if (error instanceof IngestError) return error;
      throw error;
    }
    throw new Error('expected ingest to fail');
  }

  it.each([
    [
      'a title with no abstract',
      (text: string) => text.replace(/\n\nVerifying the provenance[^\n]*\n/, '\n'),
      /hf-papers-page\.txt:15: .*Zero-Shot Statistical Tests.*no abstract/,
    ],
    ['an empty file', () => '', /hf-papers-page\.txt: no papers found/],
    ['a binary file', () => '\u0000\u0001PNG', /hf-papers-page\.txt: not a text file/],
  ])('on %s says where and leaves papers.json untouched', (_name, breakSource, message) => {
    const dataDir = copyDataDir();
    const source = join(dataDir, 'sources', 'hf-papers-page.txt');
    const before = readFileSync(join(dataDir, 'papers.json'));
    writeFileSync(source, breakSource(readFileSync(source, 'utf8')));
    expect(failingIngest(dataDir).message).toMatch(message);
    expect(readFileSync(join(dataDir, 'papers.json'))).toEqual(before);
  });

  it('on invalid UTF-8 says so', () => {
    const dataDir = copyDataDir();
    writeFileSync(join(dataDir, 'sources', 'hf-papers-page.txt'), Buffer.from([0x54, 0x69, 0xff, 0xfe, 0x0a]));
    expect(failingIngest(dataDir).message).toMatch(/invalid UTF-8/);
  });

  it('on a bad metadata row names its line', () => {
    const dataDir = copyDataDir();
    const metadata = join(dataDir, 'paper-metadata.tsv');
    const lines = readFileSync(metadata, 'utf8').split('\n');
    lines[3] = lines[3]!.replace(/\t[^\t]+\t/, '\tnot-an-id\t');
    writeFileSync(metadata, lines.join('\n'));
    expect(failingIngest(dataDir).message).toMatch(/paper-metadata\.tsv:4: "not-an-id" is not an arXiv identifier/);
  });

  it('rewrites papers.json only when it succeeds', () => {
    const dataDir = copyDataDir();
    writeFileSync(join(dataDir, 'papers.json'), '{}');
    ingest(dataDir);
    expect(loadCorpus(dataDir)).toEqual(corpus);
  });
});
