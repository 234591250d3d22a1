import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PLAYGROUND } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { libraryDeps, type TestLibrary } from '../helpers/deps.js';
import { buttonIn, startTestPlayground, type TestPlayground } from './harness.js';

/**
 * The playground on the embedded store, as `npm start` runs it: what a person saves is still
 * there after a restart, and the page's messages carry the team-memory buttons and lists.
 */

const PAPERS = PLAYGROUND.workspace.channels[0].id;
const dir = mkdtempSync(join(tmpdir(), 'paperbot-playground-memory-'));
const env = { DATABASE_URL: `sqlite:${join(dir, 'paperbot.sqlite')}`, PAPERBOT_SOURCES: 'none' };
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function start(): Promise<{ t: TestPlayground; library: TestLibrary }> {
  const library = await libraryDeps(createLogger({ level: 'silent' }), env);
  const t = await startTestPlayground({ deps: library.deps });
  return { t, library };
}

const inPapers = (t: TestPlayground) => async () => (await t.state()).messages.filter((m) => m.channel === PAPERS);

describe('the playground remembers', () => {
  it('keeps a saved paper across a restart, and /paper saved lists it', async () => {
    const first = await start();
    let saved: string;
    try {
      const before = (await inPapers(first.t)()).length;
      expect((await first.t.post('/api/say', { channel: PAPERS, text: '/paper long context' })).status).toBe(202);
      const state = await first.t.waitFor((s) => s.messages.filter((m) => m.channel === PAPERS).length > before);
      const results = state.messages.filter((m) => m.channel === PAPERS).at(-1)!;
      const save = buttonIn(results, 'paper_save');
      saved = save.value;
      const title = first.library.deps.search.get(saved)!.title;
      const shown = (await inPapers(first.t)()).length;
      expect((await first.t.post('/api/click', save)).status).toBe(202);
      const confirmed = await first.t.waitFor((s) => s.messages.filter((m) => m.channel === PAPERS).length > shown);
      expect(confirmed.messages.filter((m) => m.channel === PAPERS).at(-1)!.text).toContain(title.slice(0, 30));
    } finally {
      await first.t.stop();
      await first.library.close();
    }

    const second = await start();
    try {
      const before = (await inPapers(second.t)()).length;
      await second.t.post('/api/say', { channel: PAPERS, text: '/paper saved' });
      const state = await second.t.waitFor((s) => s.messages.filter((m) => m.channel === PAPERS).length > before);
      const list = state.messages.filter((m) => m.channel === PAPERS).at(-1)!;
      expect(JSON.stringify(list.blocks)).toContain(saved);
      expect(() => buttonIn(list, 'paper_unsave')).not.toThrow();
    } finally {
      await second.t.stop();
      await second.library.remove();
    }
  });
});
