import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { readBaseConfig } from '../../src/env-config.js';

async function cli(argv: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk) => (out += chunk));
  stderr.on('data', (chunk) => (err += chunk));
  const code = await runCli(argv, { stdin: Readable.from([stdin]), stdout, stderr }, readBaseConfig({}).dataDir);
  return { code, out, err };
}

describe('paperbot search --json', () => {
  it('answers one JSON line per stdin query, in order, with the documented shape', async () => {
    const { code, out } = await cli(['search', '--json', '--limit', '3'], 'long context\nquantization\n\nzzqqxx\n');
    expect(code).toBe(0);
    const lines = out.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((l) => l.query)).toEqual(['long context', 'quantization', '', 'zzqqxx']);
    const first = lines[0].results[0];
    expect(Object.keys(first).sort()).toEqual(['abstract', 'arxivId', 'authors', 'id', 'links', 'published', 'score', 'title', 'tldr']);
    expect(Object.keys(first.links).sort()).toEqual(['abs', 'code', 'hf', 'pdf', 'project', 'search']);
    expect(lines[0].results.length).toBeLessThanOrEqual(3);
    expect(lines[0].results.length).toBeGreaterThan(0);
    expect(typeof first.score).toBe('number');
    expect(lines[3].results).toEqual([]);
  });

  it('takes the query from the arguments too', async () => {
    const { out } = await cli(['search', '--json', '2308.16582v2']);
    expect(JSON.parse(out).results[0].id).toBe('2308.16582');
  });
});

describe('paperbot show / similar', () => {
  it('shows a paper by arXiv URL', async () => {
    const { code, out } = await cli(['show', 'https://arxiv.org/abs/2308.16582v1']);
    expect(code).toBe(0);
    expect(out).toContain('Any-Size-Diffusion');
    expect(out).toContain('TL;DR');
  });

  it('lists similar papers without the paper itself', async () => {
    const { out } = await cli(['similar', '--json', '2308.16582']);
    const { results } = JSON.parse(out);
    expect(results.length).toBeGreaterThan(0);
    expect(results.map((r: { id: string }) => r.id)).not.toContain('2308.16582');
  });

  it('exits 1 with a hint for an unknown id, 2 for bad usage', async () => {
    expect((await cli(['show', 'nope'])).code).toBe(1);
    expect((await cli(['search', '--limit', 'x', 'a'])).code).toBe(2);
    expect((await cli(['frobnicate'])).code).toBe(2);
  });
});
