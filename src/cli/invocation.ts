import { basename, isAbsolute, relative } from 'node:path';

/**
 * How the user ran this CLI, as a command they can type again: the usage lines and hints name it,
 * so a hint never names a `paperbot` that is not on the PATH.
 *
 * @example
 * invocation({ npm_lifecycle_event: 'paperbot' }, '/app/dist/src/cli/main.js', '/app'); // 'npm run -s paperbot --'
 * invocation({}, '/app/dist/src/cli/main.js', '/app'); // 'node dist/src/cli/main.js'
 */
export function invocation(env: NodeJS.ProcessEnv, script: string, cwd: string): string {
  // NOTE: npm names the running script in npm_lifecycle_event: 'paperbot' under `npm run paperbot`,
  // 'npx' under `npx paperbot` (`npm exec`). `-s` keeps npm's banner off stdout, so the hint pipes.
  if (env.npm_lifecycle_event === 'paperbot') return 'npm run -s paperbot --';
  if (env.npm_lifecycle_event === 'npx') return 'npx paperbot';
  // The bin's link (`npm link`, a global install): on the PATH under that name.
  if (basename(script) === 'paperbot') return 'paperbot';
  const path = relative(cwd, script);
  return `node ${shellWord(path === '' || path.startsWith('..') || isAbsolute(path) ? script : path)}`;
}

/**
 * One argument as a POSIX shell reads it back: as is when it is plain, else in single quotes.
 *
 * @example shellWord('diffusion models'); // "'diffusion models'"
 */
export function shellWord(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`;
}
