import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/paths.js';

const SOURCES = ['src', 'handlers'];
// Built by their own tsconfig (tsconfig.web.json); the Node build leaves them out.
const SKIP = join(PROJECT_ROOT, 'src', 'playground', 'web');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (path === SKIP) continue;
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Makes sure `dist/` holds a build of the current sources, for tests that run the real
 * `node dist/src/main.js`: compiles (the Node build only) when any source is newer than the
 * built entry point. NOTE: tsc emits even when it reports a type error somewhere else in the
 * tree (work in progress); what matters here is that the files were written.
 */
export function ensureBuilt(entry = 'dist/src/main.js'): string {
  const target = join(PROJECT_ROOT, entry);
  const newest = Math.max(...SOURCES.map((dir) => newestSource(join(PROJECT_ROOT, dir))));
  if (existsSync(target) && statSync(target).mtimeMs >= newest) return target;
  const result = spawnSync(process.execPath, [join(PROJECT_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
  });
  if (!existsSync(target) || statSync(target).mtimeMs < newest) {
    throw new Error(`could not build ${entry}:\n${result.stdout}\n${result.stderr}`);
  }
  return target;
}
