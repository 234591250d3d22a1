import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PLAYGROUND } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import type { DigestReport, Message, State } from '../../src/playground/web/api-types.js';
import { libraryDeps, type TestLibrary } from '../helpers/deps.js';
import { blockText, buttonIn, startTestPlayground, type TestPlayground } from './harness.js';

/**
 * Watches and digests in the playground, as `npm start` runs them: the real store, a watch set
 * with `/paper watch` on the page, and "Run digests now" (`POST /api/digests`) posting the digest
 * through the Slack stand-in into the watch's channel, like any bot post.
 */

const W = PLAYGROUND.workspace;
const PAPERS = W.channels[0].id;
const dir = mkdtempSync(join(tmpdir(), 'paperbot-playground-digests-'));
const env = { DATABASE_URL: `sqlite:${join(dir, 'paperbot.sqlite')}`, PAPERBOT_SOURCES: 'none' };

// The library's lines (the digest runner logs there), kept to check that nothing failed.
const libraryLogs: Record<string, any>[] = [];
let library: TestLibrary;
let t: TestPlayground;
beforeAll(async () => {
  library = await libraryDeps(createLogger({ level: 'info', destination: { write: (line: string) => void libraryLogs.push(JSON.parse(line)) } }), env);
  t = await startTestPlayground({ deps: library.deps, digests: (poster) => library.startDigests(poster) });
});
afterEach(() => expect([...libraryLogs, ...t.logs].filter((l) => l.level >= 50)).toEqual([]));
afterAll(async () => {
  await t?.stop();
  await library?.remove();
  rmSync(dir, { recursive: true, force: true });
});

const inPapers = (s: State): Message[] => s.messages.filter((m) => m.channel === PAPERS);
const isDigest = (m: Message) => m.bot && !m.ephemeral && m.text.startsWith('Daily digest for');

async function runDigests(): Promise<DigestReport> {
  const response = await t.post('/api/digests', {});
  expect(response.status).toBe(200);
  return (await response.json()) as DigestReport;
}

describe('watches and digests in the playground', () => {
  it('/paper watch, then Run digests now: the digest lands in the channel with its cards, and only once a period', async () => {
    const before = inPapers(await t.state()).length;
    expect((await t.post('/api/say', { channel: PAPERS, text: '/paper watch long context daily' })).status).toBe(202);
    const watched = await t.waitFor((s) => inPapers(s).length > before);
    expect(inPapers(watched).at(-1)).toMatchObject({ bot: true, userId: W.bot.userId });
    expect(inPapers(watched).at(-1)!.text).toContain('Watching');

    // The store was just seeded from the bundled page, so matching bundled papers are new to a first digest.
    expect(await runDigests()).toEqual({ posted: 1, empty: 0, skipped: 0, paused: 0, failed: 0 });
    const state = await t.waitFor((s) => inPapers(s).some(isDigest));
    const digest = inPapers(state).find(isDigest)!;
    expect(digest).toMatchObject({ userId: W.bot.userId, bot: true, ephemeral: false });
    expect(digest.threadTs).toBeUndefined();
    expect(digest.text).toContain('long context');
    expect(blockText(digest)).toContain('Daily digest for');
    // Paper cards: each a bundled paper with its Share and Save buttons.
    const share = buttonIn(digest, 'paper_share');
    expect(library.deps.search.get(share.value)).toBeDefined();
    expect(buttonIn(digest, 'paper_save').value).toBe(share.value);
    expect(digest.blocks!.filter((b) => String(b.block_id ?? '').startsWith('digest|')).length).toBeGreaterThan(0);

    // The same period again: already posted, nothing new in the channel.
    const second = await runDigests();
    expect(second.posted).toBe(0);
    expect(second.skipped).toBeGreaterThanOrEqual(1);
    expect(inPapers(await t.state()).filter(isDigest)).toHaveLength(1);
  });
});

describe('POST /api/digests', () => {
  it('takes JSON only, as every POST (another site’s page cannot run the digests), and no GET', async () => {
    expect((await t.post('/api/digests', 'x=1', { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect((await t.get('/api/digests')).status).toBe(405);
  });

  it('says digests are off when the playground was started without them', async () => {
    const bare = await startTestPlayground();
    try {
      const response = await bare.post('/api/digests', {});
      expect(response.status).toBe(503);
      expect(((await response.json()) as { error: string }).error).toMatch(/Digests are off/);
    } finally {
      await bare.stop();
    }
  });
});
