import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { ensureBuilt } from './build.js';
import type { FakeSlack } from './fake-slack.js';

/** What a test running the built app in processes of its own needs: the entry point, a scratch folder, an empty settings file. */
export interface BuiltApp {
  /** `dist/src/main.js`, built from the current sources. */
  readonly main: string;
  /** A scratch folder for the processes' SQLite files; deleted after. */
  readonly dir: string;
  /** An empty settings file for PAPERBOT_ENV_FILE: the project's own .env is never read. */
  readonly envFile: string;
}

/**
 * Registers (in the current file or `describe`) the set-up every process test shares: build the
 * app if the sources changed, make the scratch folder and its empty settings file, start the
 * Slack stand-in `fake` the processes post to; and after, stop it and delete the folder.
 *
 * @example const app = builtApp(fake, 'paperbot-process-'); … startChild(app.main, { PAPERBOT_ENV_FILE: app.envFile, … });
 */
export function builtApp(fake: FakeSlack, prefix: string): BuiltApp {
  let main = '';
  let dir = '';
  beforeAll(async () => {
    main = ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), prefix));
    writeFileSync(join(dir, 'empty.env'), '');
    await fake.start();
  }, 180_000);
  afterAll(async () => {
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    get main() {
      return main;
    },
    get dir() {
      return dir;
    },
    get envFile() {
      return join(dir, 'empty.env');
    },
  };
}
