import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registerListeners } from '../../handlers/index.js';
import { corpusDeps } from '../helpers/deps.js';
import type { Deps } from '../../src/slack/deps.js';
import { readConfig, type LocalConfig } from '../../src/env-config.js';
import { createLogger } from '../../src/logger.js';
import { startPlayground, type Playground, type PlaygroundOptions } from '../../src/playground/start.js';
import type { Message, State } from '../../src/playground/web/api-types.js';

/**
 * The whole playground for node tests: the real app, real corpus and search, on a free port.
 * The page's compiled modules are replaced by a stub, so these tests need no build.
 */

export interface TestPlayground {
  base: string;
  playground: Playground;
  logs: Record<string, any>[];
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  state(): Promise<State>;
  /** Long-polls until `test` holds, as the page does; fails after `ms`. */
  waitFor(test: (state: State) => boolean, ms?: number): Promise<State>;
  /** Resolves with the next log line that matches, logged from now on (`long poll waiting`, `delivering to the app`, …). */
  nextLog(match: (line: Record<string, any>) => boolean): Promise<Record<string, any>>;
  stop(): Promise<void>;
}

/** The real corpus in memory, no store: the playground's page and server are what these tests are about. */
export const realDeps = (): Deps => corpusDeps({ random: () => 0 });

export const STUB_MODULE = 'console.log("stub app.js");\n';

export async function startTestPlayground(options: Partial<PlaygroundOptions> = {}): Promise<TestPlayground> {
  const logs: Record<string, any>[] = [];
  const logWaiters = new Set<(line: Record<string, any>) => void>();
  const write = (text: string) => {
    const line = JSON.parse(text) as Record<string, any>;
    logs.push(line);
    for (const waiter of [...logWaiters]) waiter(line);
  };
  const logger = createLogger({ level: 'debug', destination: { write } });
  const webBuildDir = mkdtempSync(join(tmpdir(), 'playground-web-'));
  writeFileSync(join(webBuildDir, 'app.js'), STUB_MODULE);
  const config = readConfig({ PORT: '0' }) as LocalConfig;
  const playground = await startPlayground({ deps: realDeps(), logger, config, webBuildDir, listeners: registerListeners, ...options });
  const base = `http://127.0.0.1:${playground.port}`;

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers });
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const state = async () => (await (await get('/api/state')).json()) as State;

  return {
    base,
    playground,
    logs,
    get,
    post,
    state,
    async waitFor(test, ms = 10_000) {
      const deadline = Date.now() + ms;
      let current = await state();
      while (!test(current)) {
        if (Date.now() > deadline) throw new Error(`state never matched; last: ${JSON.stringify(current.messages.map((m) => [m.id, m.text.slice(0, 40)]))}`);
        current = (await (await get(`/api/state?after=${current.version}`)).json()) as State;
      }
      return current;
    },
    nextLog(match) {
      return new Promise((resolve) => {
        const waiter = (line: Record<string, any>) => {
          if (!match(line)) return;
          logWaiters.delete(waiter);
          resolve(line);
        };
        logWaiters.add(waiter);
      });
    },
    stop: () => playground.stop(),
  };
}

/** The first button with this action id in a message, as the page would post its click. */
export function buttonIn(message: Message | undefined, actionId: string): { messageId: string; actionId: string; blockId: string; value: string } {
  for (const block of message?.blocks ?? []) {
    const elements = Array.isArray(block['elements']) ? (block['elements'] as Record<string, unknown>[]) : [];
    const button = elements.find((e) => e['action_id'] === actionId);
    if (button) return { messageId: message!.id, actionId, blockId: block.block_id ?? '', value: String(button['value'] ?? '') };
  }
  throw new Error(`no ${actionId} button in ${message?.id}`);
}

/** Every piece of text in a message's blocks, for "does it show X". */
export const blockText = (message: Message | undefined): string => JSON.stringify(message?.blocks ?? []);
