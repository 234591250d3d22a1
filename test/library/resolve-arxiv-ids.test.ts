import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR } from '../../src/config.js';
import { openLibrary } from '../../src/library/open-library.js';
import type { PaperLibrary } from '../../src/library/paper-library.js';
import { resolveMissingArxivIds } from '../../src/library/resolve-arxiv-ids.js';
import { createLogger } from '../../src/logger.js';
import { createSourceClients } from '../../src/sources/source-clients.js';
import { getPaper } from '../../src/store/paper-repository.js';
import { ATOM, fixture, type ReplayServer, startReplayServer } from '../sources/replay-server.js';
import { replayApis, settingsFor } from '../sources/routes.js';

const logger = createLogger({ level: 'silent' });
const SLUG = 'understanding-the-impact-of-post-training-quantization-on';

describe('resolving arXiv ids of stored papers by exact title', () => {
  let dir = '';
  let library: PaperLibrary | undefined;
  let server: ReplayServer | undefined;
  afterEach(async () => {
    await library?.store.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives the bundled paper without an id its arXiv id and links, keeping its own id', async () => {
    server = await startReplayServer((request) =>
      // The exact-title query finds 2510.14968 (the fixture retitles it); its lookup is that entry.
      request.path === '/api/query' && request.query.get('id_list') === '2510.14968'
        ? { headers: ATOM, body: fixture('arxiv-title-search.xml') }
        : replayApis(request),
    );
    dir = mkdtempSync(join(tmpdir(), 'paperbot-resolve-'));
    library = await openLibrary({ databaseUrl: `sqlite:${join(dir, 'db.sqlite')}`, dataDir: DEFAULT_DATA_DIR, logger });
    expect(library.search.get(SLUG)?.arxivId).toBeNull();

    const clients = createSourceClients(settingsFor(server.origin));
    expect(await resolveMissingArxivIds(library, clients, logger)).toEqual([SLUG]);

    const paper = library.search.get(SLUG)!;
    expect(paper.arxivId).toBe('2510.14968');
    expect(paper.links.abs).toBe('https://arxiv.org/abs/2510.14968');
    expect(library.search.get('2510.14968')?.id).toBe(SLUG);
    expect(library.search.size).toBe(99);
    expect((await getPaper(library.store, SLUG))?.sources).toContain('arxiv-title');
    // Nothing left to resolve: a second pass asks nothing.
    const asked = server.seen.length;
    expect(await resolveMissingArxivIds(library, clients, logger)).toEqual([]);
    expect(server.seen.length).toBe(asked);
  });

  it('leaves the paper alone when arXiv is down', async () => {
    dir = mkdtempSync(join(tmpdir(), 'paperbot-resolve-'));
    library = await openLibrary({ databaseUrl: `sqlite:${join(dir, 'db.sqlite')}`, dataDir: DEFAULT_DATA_DIR, logger });
    const clients = createSourceClients(settingsFor('http://127.0.0.1:9'));
    expect(await resolveMissingArxivIds(library, clients, logger)).toEqual([]);
    expect(library.search.get(SLUG)?.arxivId).toBeNull();
  });
});
