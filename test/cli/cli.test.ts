import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { answerForRequest } from '../../src/answers/render-answer.js';
import { runCli } from '../../src/cli/run-cli.js';
import { readBaseConfig } from '../../src/env-config.js';
import { corpusDeps } from '../helpers/deps.js';
import { type ReplayServer, startReplayServer } from '../sources/replay-server.js';
import { replayApis } from '../sources/routes.js';

// Every CLI call here works on one real SQLite file, as `paperbot` does on the default one.
const dir = mkdtempSync(join(tmpdir(), 'paperbot-cli-'));
const env = { DATABASE_URL: `sqlite:${join(dir, 'paperbot.sqlite')}` };
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(argv: string[], stdin = '', extraEnv: Record<string, string> = {}, program?: string): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk) => (out += chunk));
  stderr.on('data', (chunk) => (err += chunk));
  const code = await runCli(argv, { stdin: Readable.from([stdin]), stdout, stderr, program }, readBaseConfig({ ...env, ...extraEnv }));
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

  it("reads an unquoted -word as the query's exclusion, not as an option", async () => {
    const { code, out, err } = await cli(['search', '--json', 'quantization', '-survey']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const line = JSON.parse(out);
    expect(line.query).toBe('quantization -survey');
    const quoted = JSON.parse((await cli(['search', '--json', 'quantization -survey'])).out);
    expect(line.results.map((r: { id: string }) => r.id)).toEqual(quoted.results.map((r: { id: string }) => r.id));
    expect(line.results.map((r: { title: string }) => r.title).join(' ')).not.toMatch(/survey/i);
  });

  it('takes the query from the arguments too', async () => {
    const { out } = await cli(['search', '--json', '2308.16582v2']);
    expect(JSON.parse(out).results[0].id).toBe('2308.16582');
  });
});

describe('paperbot search, readable', () => {
  it('says when it lists fewer results than it found, and how to see them all', async () => {
    const { total } = JSON.parse((await cli(['search', '--json', 'long', 'context'])).out);
    expect(total).toBeGreaterThan(10);
    const { code, out } = await cli(['search', 'long', 'context']);
    expect(code).toBe(0);
    expect(out.split('\n')[0]).toBe(`${total} results for "long context", the best 10 below (--limit ${total} for all)`);
    expect(out.match(/^ ?\d+\. /gm)).toHaveLength(10);
    const all = await cli(['search', '--limit', String(total), 'long', 'context']);
    expect(all.out.split('\n')[0]).toBe(`${total} results for "long context"`);
  });

  it('prints each id once (links aside): the arXiv id, or the slug of a paper without one', async () => {
    // The title of the one bundled paper without an arXiv id, so its slug is among them.
    const query = ['search', '--limit', '5', 'understanding the impact of post-training quantization on large language models'];
    const { out } = await cli([...query.slice(0, 1), '--json', ...query.slice(1)]);
    const results: { id: string; arxivId: string | null }[] = JSON.parse(out).results;
    expect(results.some((r) => r.arxivId === null)).toBe(true);
    const ids = results.map((r) => r.id);
    const text = (await cli(query)).out;
    const lines = text.split('\n').filter((line) => !line.includes('://'));
    for (const id of ids)
      expect(
        lines.filter((line) => line.includes(id)),
        id,
      ).toHaveLength(1);
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

  it('takes words too, meaning the best match for them, as /paper similar <words> does in Slack', async () => {
    const best = JSON.parse((await cli(['search', '--json', '--limit', '1', 'diffusion models'])).out).results[0].id;
    const slack = answerForRequest({ kind: 'similar', ref: 'diffusion models' }, corpusDeps());
    expect(slack).toEqual({ kind: 'similar', of: best });

    const json = await cli(['similar', '--json', 'diffusion', 'models']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out).id).toBe(best);
    const text = await cli(['similar', 'diffusion', 'models']);
    expect(text.out.split('\n')[0]).toMatch(new RegExp(`^Papers like ".+" \\(${best}\\), the best match for "diffusion models"$`));
    expect(text.out).toContain(' 1. ');
  });

  it('says so when the words match nothing, with the suggestion a search would make', async () => {
    const { code, out, err } = await cli(['similar', 'zzqqxx']);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toMatch(/^No papers match "zzqqxx"\./);
  });

  it('prints the usage line of show and similar when given no id', async () => {
    const show = await cli(['show']);
    expect(show.code).toBe(2);
    expect(show.err).toBe('Usage: paperbot show [--json] ID\n  one paper in full (id, arXiv id or URL)\n');
    const similar = await cli(['similar', '--json'], '', {}, 'npm run -s paperbot --');
    expect(similar.code).toBe(2);
    expect(similar.err.split('\n')[0]).toBe('Usage: npm run -s paperbot -- similar [--json] [--limit N] ID|WORDS');
  });

  it('names, in its hint for an unknown id, the command the user ran', async () => {
    const unknown = await cli(['show', 'nope'], '', {}, 'npm run -s paperbot --');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toBe('No paper with id "nope". To find it by its words: npm run -s paperbot -- search nope\n');
    expect((await cli(['show', 'two words'])).err).toContain("paperbot search 'two words'");
  });

  it('exits 2 with the usage for bad usage', async () => {
    expect((await cli(['search', '--limit', 'x', 'a'])).code).toBe(2);
    const unknown = await cli(['frobnicate'], '', {}, 'npx paperbot');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('Usage: npx paperbot <command>');
    const option = await cli(['search', '--frob']);
    expect(option.code).toBe(2);
    expect(option.err).toMatch(/^Unknown option '--frob'[\s\S]*\n\nUsage: paperbot <command>/);
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
    expect(db.out).toMatch(/schema: +0005/);
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
