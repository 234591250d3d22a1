// Makes sure dist/ holds a build of the current sources before `npm start` (prestart),
// `npm run paperbot` (prepaperbot) and `npm install` (prepare, with --install).
//
// - The build is there and newer than every source: nothing to do (no 10 s rebuild per start).
// - It is missing or older, and TypeScript is installed: `npm run build`, saying why.
// - TypeScript is not installed (`npm ci --omit=dev`): a build made beforehand is started as it
//   is (with a warning if a source is newer); with no build at all, says what to do and fails,
//   except at install (--install), where it only says so.
//
// NOTE: plain JavaScript on purpose: it runs before there is a build. Everything it writes goes
// to stderr, so `npm run -s paperbot -- search --json | jq` stays clean.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
/** What `npm run build` compiles (tsconfig.json and tsconfig.web.json). */
const SOURCE_DIRS = ['src', 'handlers'];
const SOURCE_FILES = ['tsconfig.json', 'tsconfig.web.json'];
/** What it must have made: the app, the command line, and the playground page's scripts. */
const OUTPUT_FILES = ['dist/src/main.js', 'dist/src/cli/main.js'];
const OUTPUT_DIRS = ['dist/playground-web'];

const atInstall = process.argv.includes('--install');
const say = (line) => process.stderr.write(`paperbot: ${line}\n`);

/** The newest .ts file under `dir`: [mtime, path]. */
function newestIn(dir, newest = [0, '']) {
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = newestIn(path, newest);
    else if (entry.name.endsWith('.ts')) newest = newer(newest, path);
  }
  return newest;
}

function newer(newest, path) {
  const time = statSync(path).mtimeMs;
  return time > newest[0] ? [time, path] : newest;
}

/** When the build was made (its oldest output), or undefined when an output is missing. */
function builtAt() {
  let oldest = Number.POSITIVE_INFINITY;
  for (const file of OUTPUT_FILES) {
    const path = join(ROOT, file);
    if (!existsSync(path)) return undefined;
    oldest = Math.min(oldest, statSync(path).mtimeMs);
  }
  for (const dir of OUTPUT_DIRS) {
    const path = join(ROOT, dir);
    const files = existsSync(path) ? readdirSync(path).filter((name) => name.endsWith('.js')) : [];
    if (files.length === 0) return undefined;
    for (const name of files) oldest = Math.min(oldest, statSync(join(path, name)).mtimeMs);
  }
  return oldest;
}

function build() {
  // Under npm, the same npm that runs us; otherwise the one on the PATH.
  const npm = process.env.npm_execpath;
  const [command, args] = npm ? [process.execPath, [npm, 'run', '-s', 'build']] : ['npm', ['run', '-s', 'build']];
  const result = spawnSync(command, args, { cwd: ROOT, stdio: ['ignore', 2, 2], shell: !npm && process.platform === 'win32' });
  if (result.status !== 0) {
    say(`the build failed${result.error ? ` (${result.error.message})` : ''}; fix what it printed above, then try again.`);
    process.exit(1);
  }
}

let newest = SOURCE_DIRS.reduce((found, dir) => newestIn(join(ROOT, dir), found), [0, '']);
for (const file of SOURCE_FILES) if (existsSync(join(ROOT, file))) newest = newer(newest, join(ROOT, file));
const built = builtAt();
const stale = built !== undefined && newest[0] > built;
const haveTypeScript = existsSync(join(ROOT, 'node_modules', 'typescript', 'package.json'));

if (built !== undefined && !stale) {
  // Up to date: start at once.
} else if (haveTypeScript) {
  say(`building dist/ (npm run build): ${built === undefined ? 'there is no build yet' : `${relative(ROOT, newest[1])} is newer than the build`}.`);
  build();
} else if (stale) {
  say(
    `warning: ${relative(ROOT, newest[1])} is newer than the build in dist/, and TypeScript is not installed to rebuild it: starting the build that is there.`,
  );
} else if (atInstall) {
  say('TypeScript is not installed (npm ci --omit=dev?), so dist/ was not built. Start needs a dist/ built beforehand: see docs/deploy.md.');
} else {
  say('there is no build to start (dist/ is missing or incomplete), and TypeScript is not installed to make one (npm ci --omit=dev leaves it out).');
  say('Build where the dev dependencies are installed (npm ci && npm run build) and bring dist/ here: docs/deploy.md shows how.');
  process.exit(1);
}
