import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { PROJECT_ROOT } from '../../src/paths.js';

/** A Node process running one of our built scripts, its JSON log lines collected as they come. */
export interface Child {
  process: ChildProcess;
  logs: Record<string, any>[];
  /** Everything it wrote that was not a JSON line (a crash's stack trace). */
  other: string[];
  /** Resolves with the first log line that matches (rejects if the process ends first). */
  waitFor(match: (line: Record<string, any>) => boolean, what: string): Promise<Record<string, any>>;
  /** Resolves with the exit code (or the signal that killed it). */
  exited: Promise<number | NodeJS.Signals>;
}

export function startChild(script: string, env: Record<string, string>, args: readonly string[] = []): Child {
  const child = spawn(process.execPath, [script, ...args], {
    cwd: PROJECT_ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, any>[] = [];
  const other: string[] = [];
  const waiters: { match: (line: Record<string, any>) => boolean; resolve: (line: Record<string, any>) => void }[] = [];
  const onLine = (line: string) => {
    let parsed: Record<string, any> | undefined;
    try {
      parsed = JSON.parse(line);
    } catch {
      other.push(line);
      return;
    }
    logs.push(parsed!);
    for (const waiter of [...waiters]) {
      if (waiter.match(parsed!)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(parsed!);
      }
    }
  };
  createInterface({ input: child.stdout! }).on('line', onLine);
  createInterface({ input: child.stderr! }).on('line', onLine);
  const exited = new Promise<number | NodeJS.Signals>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal!)));
  return {
    process: child,
    logs,
    other,
    exited,
    waitFor(match, what) {
      const seen = logs.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        waiters.push({ match, resolve });
        exited.then((code) => reject(new Error(`process ended (${code}) before: ${what}\n${other.join('\n')}`)));
      });
    },
  };
}
