import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PROJECT_ROOT } from '../../src/paths.js';

/** `shared/` sits beside the repository (here and in CI). */
export const SHARED_DIR = resolve(PROJECT_ROOT, '..', 'shared');

export const readShared = (...parts: string[]): string => readFileSync(join(SHARED_DIR, ...parts), 'utf8');

/** One of Slack's own payload examples from shared/slack/fixtures. */
export const readFixture = (name: string): string => readShared('slack', 'fixtures', name);
