import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { readBaseConfig } from '../../src/env-config.js';
import { type ReplayServer, startReplayServer } from '../sources/replay-server.js';
import { replayApis } from '../sources/routes.js';

// Every CLI call here works on one real SQLite file, as `paperbot` does on the default one.
const dir = mkdtempSync(join(tmpdir(), 'paperbot-cli-'));
const env = { DATABASE_URL: `sqlite:${join(dir, 'paperbot.sqlite')}` };
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(argv: string[], stdin = '', extraEnv: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk) => (out += chunk));
  stderr.on('data', (chunk) => (err += chunk));
  const code = await runCli(argv, { stdin: Readable.from([stdin]), stdout, stderr }, readBaseConfig({ ...env, ...extraEnv }));
  return { code, out, err };
}

describe('paperbot search --json', () => {
  it('answers one JSON line per stdin query, in order, with the documented shape', async () => {
    const { code, out } = await cli(['search', '--json', '--limit', '3'], 'long context\nquantization\n\nzzqqxx\n');
    expect(code).toBe(0);
    const lines = out
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
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

describe('paperbot fetch / status / db', () => {
  let server: ReplayServer;
  afterAll(async () => server?.close());

  it('fetches a source into the store, prints what it added, and the papers are searchable', async () => {
    server = await startReplayServer(replayApis);
    const sources = { ARXIV_API_URL: `${server.origin}/api/query`, HF_API_URL: server.origin, ARXIV_MIN_INTERVAL_MS: '10' };
    const fetched = await cli(['fetch', '--source', 'arxiv:cs.AI'], '', sources);
    expect(fetched.err).toBe('');
    expect(fetched.out).toContain('arxiv:cs.AI: 5 new, 0 updated');
    expect(fetched.code).toBe(0);
    const found = JSON.parse((await cli(['search', '--json', 'obstacle-aware harness robot manipulation'])).out);
    expect(found.results[0].id).toBe('2609.20822');
    const again = await cli(['fetch', '--source', 'arxiv:cs.AI'], '', sources);
    expect(again.out).toContain('arxiv:cs.AI: 0 new, 0 updated');

    const status = await cli(['status']);
    expect(status.out).toMatch(/^104 papers in the library \(sqlite\)/);
    expect(status.out).toContain('arXiv cs.AI, newest submissions [arxiv:cs.AI]');
    expect(status.out).toMatch(/last fetched .*: 0 new, 0 updated/);

    const db = await cli(['db', 'status']);
    expect(db.out).toMatch(/schema: +0001/);
    expect(db.out).toMatch(/papers: +104/);
  });

  it('says which source failed and exits 1; a bad --source or --date is a usage error', async () => {
    const down = await cli(['fetch', '--source', 'hf-daily'], '', { HF_API_URL: 'http://127.0.0.1:9' });
    expect(down.code).toBe(1);
    expect(down.out).toMatch(/hf-daily: failed: Hugging Face/);
    expect((await cli(['fetch', '--source', 'nonsense'])).code).toBe(2);
    expect((await cli(['fetch', '--date', 'yesterday'])).code).toBe(2);
  });
});
