import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/paths.js';
import { ensureBuilt } from '../helpers/build.js';

// The CLI as a user runs it: the built script, or npm, in a real shell pipeline into `head` and
// `jq`. What a closed pipe does to a process, and what npm prints around it, cannot be seen from
// inside the test runner's process.
const dir = mkdtempSync(join(tmpdir(), 'paperbot-pipes-'));
let databases = 0;
// Each run gets a store of its own (never the project's .paperbot/), and nothing from this process's npm.
const env = () => ({ PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? dir, DATABASE_URL: `sqlite:${join(dir, `db-${++databases}.sqlite`)}` });

// Enough queries that the CLI is still writing, by far, when `head` has read its line and gone.
const queries = join(dir, 'queries.txt');
writeFileSync(queries, 'long context\n'.repeat(200));

const CLI = 'node dist/src/cli/main.js';
const hasJq = spawnSync('jq', ['--version']).status === 0;
if (!hasJq) console.warn('test/cli/pipes.test.ts: the jq checks are skipped, jq is not installed (the same output is parsed with node).');

/** Runs `script` in bash with pipefail, so the status is the CLI's unless a later command failed. */
function sh(script: string, cwd = PROJECT_ROOT): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-o', 'pipefail', '-c', script], { cwd, env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

beforeAll(() => {
  ensureBuilt('dist/src/cli/main.js');
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the built CLI in a pipeline', () => {
  it('ends quietly with status 0 when `head -1` has read its line and closed the pipe (--json)', async () => {
    const { status, stdout, stderr } = await sh(`${CLI} search --json --limit 100 < ${queries} | head -1`);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!).query).toBe('long context');
  });

  it('does the same for readable results, whose first line is the count and how many are shown', async () => {
    const { status, stdout, stderr } = await sh(`${CLI} search --limit 3 < ${queries} | head -1`);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toMatch(/^\d+ results for "long context", the best 3 below \(--limit \d+ for all\)\n$/);
  });

  it('writes nothing on stdout but JSON lines, one per query', async () => {
    const { status, stdout, stderr } = await sh(`printf 'quantization\\nlangauge models\\nzzqqxx\\n' | ${CLI} search --json --limit 2`);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const lines = stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((l) => l.query)).toEqual(['quantization', 'langauge models', 'zzqqxx']);
  });

  it.skipIf(!hasJq)('pipes into jq', async () => {
    const { status, stdout, stderr } = await sh(`${CLI} search --json --limit 3 RAG | jq -r '.results[].id'`);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout.trimEnd().split('\n')).toHaveLength(3);
    const similar = await sh(`${CLI} similar --json 'diffusion models' | jq -r '.id, (.results | length)'`);
    expect(similar.status).toBe(0);
    expect(similar.stdout).toMatch(/^\S+\n10\n$/);
  });

  it('answers `similar <words>` with the papers like their best match', async () => {
    const { status, stdout, stderr } = await sh(`${CLI} similar diffusion models | head -1`);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toMatch(/^Papers like ".+" \(\S+\), the best match for "diffusion models"\n$/);
  });

  it('prints the usage line of `show` without an id, and names itself as it was run', async () => {
    const bare = await sh(`${CLI} show`);
    expect(bare.status).toBe(2);
    expect(bare.stdout).toBe('');
    expect(bare.stderr).toBe(`Usage: ${CLI} show [--json] ID\n  one paper in full (id, arXiv id or URL)\n`);
    const unknown = await sh(`${CLI} show nope`);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toBe(`No paper with id "nope". To find it by its words: ${CLI} search nope\n`);
  });
});

describe('the README form, through npm', () => {
  // A copy of the project (node_modules and data linked), built once: npm must not rebuild the
  // dist/ that other tests are running, and the runs below must not be a first build.
  const LEFT_OUT = new Set(['.git', 'node_modules', 'data', 'dist', 'test', 'test-results', 'coverage', '.paperbot']);
  let copy: string;
  beforeAll(async () => {
    copy = mkdtempSync(join(tmpdir(), 'paperbot-npm-'));
    for (const name of readdirSync(PROJECT_ROOT)) {
      if (LEFT_OUT.has(name) || (name.startsWith('.env') && name !== '.env.example')) continue;
      cpSync(join(PROJECT_ROOT, name), join(copy, name), { recursive: true });
    }
    for (const link of ['node_modules', 'data']) symlinkSync(join(PROJECT_ROOT, link), join(copy, link));
    const build = await sh('npm run -s build', copy);
    if (build.status !== 0) throw new Error(`npm run build failed in the copy:\n${build.stdout}\n${build.stderr}`);
  }, 180_000);
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it('`npm run -s paperbot -- search --json … | head -1` is one JSON line: no npm banner, no EPIPE', async () => {
    const { status, stdout, stderr } = await sh(`npm run -s paperbot -- search --json --limit 100 < ${queries} | head -1`, copy);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!).query).toBe('long context');
  });

  it.skipIf(!hasJq)('`npm run -s paperbot -- search --json … | jq` reads every line', async () => {
    const { status, stdout, stderr } = await sh(`npm run -s paperbot -- search --json --limit 5 RAG | jq -r '.results[].id'`, copy);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout.trimEnd().split('\n')).toHaveLength(5);
  });

  it('names `npm run -s paperbot --` in its hints when run that way', async () => {
    const { status, stdout, stderr } = await sh('npm run -s paperbot -- show nope', copy);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe('No paper with id "nope". To find it by its words: npm run -s paperbot -- search nope\n');
  });

  it("`npx paperbot` (the project's bin) pipes the same, and names itself in its hints", async () => {
    // --no --offline: the project's own bin or nothing; never a package of that name from the registry.
    const { status, stdout, stderr } = await sh(`npx --no --offline paperbot search --json --limit 100 < ${queries} | head -1`, copy);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(JSON.parse(stdout).query).toBe('long context');
    const unknown = await sh('npx --no --offline paperbot show nope', copy);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toBe('No paper with id "nope". To find it by its words: npx paperbot search nope\n');
  });
});
