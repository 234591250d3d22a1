import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/paths.js';

// `npm start`, `npm run paperbot` and `npm install` through npm itself, with package.json's real
// scripts and scripts/ensure-build.mjs, in a project of their own: a one-line app whose build
// these tests can remove, age and rebuild without touching the dist/ other tests run. The two
// that compile take about 10 s each (loading TypeScript).
const scripts = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
const TS_OPTIONS = { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, types: [] };

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'paperbot-start-'));
  const { build, prepare, prestart, start, prepaperbot, paperbot } = scripts;
  write(
    'package.json',
    JSON.stringify({ name: 'start-fixture', private: true, type: 'module', scripts: { build, prepare, prestart, start, prepaperbot, paperbot } }),
  );
  cpSync(join(PROJECT_ROOT, 'scripts', 'ensure-build.mjs'), join(root, 'scripts', 'ensure-build.mjs'));
  write(
    'tsconfig.json',
    JSON.stringify({ compilerOptions: { ...TS_OPTIONS, outDir: 'dist', rootDir: '.' }, include: ['src'], exclude: ['src/playground/web'] }),
  );
  write(
    'tsconfig.web.json',
    JSON.stringify({ compilerOptions: { ...TS_OPTIONS, rootDir: 'src/playground/web', outDir: 'dist/playground-web' }, include: ['src/playground/web/*.ts'] }),
  );
  source('v1');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function write(path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

/** The app's sources, printing `version` when started. */
function source(version: string): void {
  write('src/main.ts', `declare const console: { log(text: string): void };\nconsole.log('started ${version}');\n`);
  write('src/cli/main.ts', `declare const console: { log(text: string): void };\nconsole.log('cli ${version}');\n`);
  write('src/playground/web/page.ts', `export const version = '${version}';\n`);
}

/** A build made beforehand (as in a build stage), printing `version`, dated `at`. */
function built(version: string, at: Date): void {
  for (const [path, text] of [
    ['dist/src/main.js', `console.log('started ${version}');\n`],
    ['dist/src/cli/main.js', `console.log('cli ${version}');\n`],
    ['dist/playground-web/page.js', `export const version = '${version}';\n`],
  ] as const) {
    write(path, text);
    utimesSync(join(root, path), at, at);
  }
}

/** Sources dated `at` (a checkout, an edit). */
function sourcesDated(at: Date): void {
  for (const path of ['src/main.ts', 'src/cli/main.ts', 'src/playground/web/page.ts', 'tsconfig.json', 'tsconfig.web.json'])
    utimesSync(join(root, path), at, at);
}

/** TypeScript installed, as `npm install` leaves it (what `npm ci --omit=dev` leaves out). */
function withTypeScript(): void {
  mkdirSync(join(root, 'node_modules', '.bin'), { recursive: true });
  symlinkSync(join(PROJECT_ROOT, 'node_modules', 'typescript'), join(root, 'node_modules', 'typescript'), 'dir');
  symlinkSync('../typescript/bin/tsc', join(root, 'node_modules', '.bin', 'tsc'));
}

function npm(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync('npm', args, {
    cwd: root,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: root, npm_config_update_notifier: 'false', npm_config_fund: 'false' },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const EARLIER = new Date(Date.now() - 3_600_000);
const LATER = new Date(Date.now() - 60_000);

describe('npm start', () => {
  it('starts the build at once when it is newer than the sources, with no TypeScript needed', () => {
    sourcesDated(EARLIER);
    built('v1', LATER);
    const run = npm('start');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('started v1');
    expect(run.stderr).toBe('');
  });

  it('with no build and no TypeScript (npm ci --omit=dev), says what to do and fails', () => {
    const run = npm('start');
    expect(run.status).not.toBe(0);
    expect(run.stdout).not.toContain('started');
    expect(run.stderr).toContain('paperbot: there is no build to start (dist/ is missing or incomplete), and TypeScript is not installed to make one');
    expect(run.stderr).toContain('npm ci && npm run build');
    expect(run.stderr).toContain('docs/deploy.md');
  });

  it('with a build older than the sources and no TypeScript, warns and starts the build that is there', () => {
    built('v0', EARLIER);
    sourcesDated(LATER);
    const run = npm('start');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('started v0');
    expect(run.stderr).toMatch(/paperbot: warning: \S+ is newer than the build in dist\/, and TypeScript is not installed to rebuild it/);
  });

  it('with a build older than the sources and TypeScript installed, rebuilds first, saying why', () => {
    withTypeScript();
    built('v0', EARLIER);
    source('v2');
    const run = npm('start');
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/paperbot: building dist\/ \(npm run build\): \S+ is newer than the build\./);
    expect(run.stdout).toContain('started v2');
    expect(readFileSync(join(root, 'dist/playground-web/page.js'), 'utf8')).toContain("'v2'");
    // Built once: the next start does not build again.
    const again = npm('start');
    expect(again.stdout).toContain('started v2');
    expect(again.stderr).toBe('');
  }, 60_000);
});

describe('npm run paperbot', () => {
  it('runs the command line from the build without building, printing nothing else on stdout', () => {
    sourcesDated(EARLIER);
    built('v1', LATER);
    const run = npm('run', '-s', 'paperbot', '--', 'search', 'x');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('cli v1\n');
    expect(run.stderr).toBe('');
  });
});

describe('npm install (prepare)', () => {
  it('builds when TypeScript is there', () => {
    withTypeScript();
    const run = npm('run', 'prepare');
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('paperbot: building dist/ (npm run build): there is no build yet.');
    for (const path of ['dist/src/main.js', 'dist/src/cli/main.js', 'dist/playground-web/page.js']) expect(existsSync(join(root, path))).toBe(true);
    expect(statSync(join(root, 'dist/src/main.js')).mtimeMs).toBeGreaterThanOrEqual(statSync(join(root, 'src/main.ts')).mtimeMs);
  }, 60_000);

  it('without TypeScript (npm ci --omit=dev) does not fail the install, and says start needs a build made beforehand', () => {
    const run = npm('run', 'prepare');
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('paperbot: TypeScript is not installed (npm ci --omit=dev?), so dist/ was not built.');
    expect(existsSync(join(root, 'dist'))).toBe(false);
  });
});
