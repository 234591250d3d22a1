import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR } from '../../src/config.js';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { lookupArxivPaper } from '../../src/sources/arxiv-lookup.js';
import { normalisedTitle, resolveArxivIdByTitle } from '../../src/sources/arxiv-title.js';
import { SourceError } from '../../src/sources/source-error.js';
import { createSource } from '../../src/sources/source.js';
import { createSourceClients } from '../../src/sources/source-clients.js';
import { ATOM, fixture, type ReplayServer, type Route, startReplayServer } from './replay-server.js';
import { replayApis, settingsFor } from './routes.js';

const servers: ReplayServer[] = [];
async function serve(route: Route = replayApis): Promise<ReplayServer> {
  const server = await startReplayServer(route);
  servers.push(server);
  return server;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe('arxiv:<category>', () => {
  it("asks for the category's newest submissions and maps them, version and date as extras", async () => {
    const server = await serve();
    const result = await createSource('arxiv:cs.AI', settingsFor(server.origin)).fetch();

    expect(server.seen).toHaveLength(1);
    expect(server.seen[0]!.path).toBe('/api/query');
    expect(Object.fromEntries(server.seen[0]!.query)).toEqual({
      search_query: 'cat:cs.AI',
      start: '0',
      max_results: '100',
      sortBy: 'submittedDate',
      sortOrder: 'descending',
    });
    expect(result).toMatchObject({ source: 'arxiv:cs.AI', skipped: 0, requests: 1 });
    expect(result.papers.map((p) => [p.paper.id, p.paper.source.line])).toEqual([
      ['2609.20822', 1],
      ['2609.20820', 2],
      ['2609.20817', 3],
      ['2609.20816', 4],
      ['2609.20815', 5],
    ]);
    const famos = result.papers[2]!;
    expect(famos.source).toBe('arxiv:cs.AI');
    expect(famos.extras).toEqual({ version: 1, versionDate: '2026-09-17T17:59:40Z' });
    expect(famos.paper).toMatchObject({ arxivId: '2609.20817', published: '2026-09', source: { file: 'arxiv:cs.AI', line: 3 } });
    // The project page from arXiv's comment.
    expect(famos.paper.links.project).toEqual(['https://kevinqu7.github.io/famos']);
    // LaTeX made readable for display; kept as arXiv wrote it in rawAbstract.
    expect(result.papers[0]!.paper.abstract).toContain('2.3×');
    expect(result.papers[0]!.paper.rawAbstract).toContain('$2.3\\times$');
  });

  it('reads the old format the same way: titles and abstracts on one line', async () => {
    const server = await serve();
    const { papers } = await createSource('arxiv:cs.RO', settingsFor(server.origin)).fetch();
    expect(papers.map((p) => p.paper.title)).toEqual([
      'RDD: Retrieval-Based Demonstration Decomposer for Planner Alignment in Long-Horizon Tasks',
      'Neural Implicit Flow Fields for Spatio-Temporal Motion Mapping',
    ]);
    for (const { paper } of papers) expect(paper.rawAbstract).not.toMatch(/\n|^\s/);
  });

  it('with `since`, keeps what was submitted since and reads further pages only while they are full and new', async () => {
    const server = await serve();
    const source = createSource('arxiv:cs.AI', settingsFor(server.origin, { arxivCategoryPageSize: 5 }));
    const recent = await source.fetch({ since: new Date('2026-09-17T17:59:50Z') });
    expect(recent.papers.map((p) => p.paper.id)).toEqual(['2609.20822', '2609.20820']);
    expect(server.seen).toHaveLength(1);

    const all = await source.fetch({ since: new Date('2026-09-01T00:00:00Z') });
    expect(all.papers).toHaveLength(5);
    expect(server.seen.slice(1).map((r) => r.query.get('start'))).toEqual(['0', '5']);
  });

  it('with `date`, asks for that day only', async () => {
    const server = await serve();
    await createSource('arxiv:cs.AI', settingsFor(server.origin)).fetch({ date: '2026-09-17' });
    expect(server.seen[0]!.query.get('search_query')).toBe('cat:cs.AI AND submittedDate:[202609170000 TO 202609172359]');
  });
});

describe('lookup by arXiv id', () => {
  it("finds the latest version, with Hugging Face's extras and links", async () => {
    const server = await serve();
    const result = await lookupArxivPaper('https://arxiv.org/abs/2609.20822v1', createSourceClients(settingsFor(server.origin)));

    expect(result.status).toBe('found');
    if (result.status !== 'found') return;
    expect(result.extrasProblem).toBeUndefined();
    const arxivRequest = server.seen.find((r) => r.path === '/api/query')!;
    expect(Object.fromEntries(arxivRequest.query)).toEqual({ id_list: '2609.20822', max_results: '1' });
    expect(server.seen.some((r) => r.path === '/api/papers/2609.20822')).toBe(true);

    const { paper, extras, source } = result.paper;
    expect(source).toBe('arxiv-lookup');
    expect(paper).toMatchObject({ id: '2609.20822', arxivId: '2609.20822', source: { file: 'arxiv-lookup', line: 1 } });
    expect(extras).toEqual({
      version: 2,
      versionDate: '2026-09-24T09:30:00Z',
      upvotes: 1,
      githubRepo: 'https://github.com/example-lab/safeharness',
      githubStars: 128,
      projectPage: 'https://example-lab.github.io/safeharness/',
      aiKeywords: expect.arrayContaining(['reading comprehension', 'machine translation']),
      aiSummary: 'SafeHarness gives coding agents obstacle-aware route planning and contact execution.',
      featuredOn: '2026-09-18',
    });
    expect(paper.links).toMatchObject({
      abs: 'https://arxiv.org/abs/2609.20822',
      code: ['https://github.com/example-lab/safeharness'],
      project: ['https://example-lab.github.io/safeharness/'],
    });
  });

  it('says not found for an id arXiv answers with an empty feed (Hugging Face 404 is no problem)', async () => {
    const server = await serve();
    const result = await lookupArxivPaper('2609.99999', createSourceClients(settingsFor(server.origin)));
    expect(result).toEqual({ status: 'not-found', id: '2609.99999' });
  });

  it('says invalid for input that is no arXiv id, without asking anyone', async () => {
    const server = await serve();
    expect(await lookupArxivPaper('attention is all you need', createSourceClients(settingsFor(server.origin)))).toEqual({
      status: 'invalid-id',
      input: 'attention is all you need',
    });
    expect(server.seen).toHaveLength(0);
  });

  it("rejects with `garbled` and arXiv's reason for an error feed", async () => {
    const server = await serve((request) => (request.path === '/api/query' ? { headers: ATOM, body: fixture('arxiv-error.xml') } : replayApis(request)));
    const lookup = lookupArxivPaper('2609.20822', createSourceClients(settingsFor(server.origin)));
    await expect(lookup).rejects.toBeInstanceOf(SourceError);
    await expect(lookup).rejects.toMatchObject({ kind: 'garbled', message: 'arXiv refused the query: incorrect id format for 2609.2082x' });
  });

  it.each([
    ['down (500)', { status: 500, body: 'oops' }, 'Hugging Face answered with an error (HTTP 500).'],
    [
      'answering HTML',
      { status: 200, headers: { 'content-type': 'text/html' }, body: '<html><body>Maintenance</body></html>' },
      'Hugging Face sent an answer Paperbot cannot read.',
    ],
  ])('still finds the paper when Hugging Face is %s, and says why the extras are missing', async (_what, hfReply, problem) => {
    const server = await serve((request) => (request.path.startsWith('/api/papers/') ? hfReply : replayApis(request)));
    const result = await lookupArxivPaper('2609.20822', createSourceClients(settingsFor(server.origin)));
    expect(result).toMatchObject({ status: 'found', extrasProblem: problem });
    if (result.status === 'found') expect(result.paper.extras).toEqual({ version: 2, versionDate: '2026-09-24T09:30:00Z' });
  });
});

describe('arXiv id by exact title', () => {
  const stored = loadCorpus(DEFAULT_DATA_DIR).papers.find((p) => p.arxivId === null)!;

  it('resolves a stored paper without an arXiv id, matching the normalised title exactly', async () => {
    const server = await serve();
    const found = await resolveArxivIdByTitle(stored.title, createSourceClients(settingsFor(server.origin)));
    expect(found).toEqual({ status: 'found', arxivId: '2510.14968' });
    expect(server.seen[0]!.query.get('search_query')).toBe('ti:"understanding the impact of post training quantization on large language models"');
  });

  it('accepts no near miss, and no choice between two papers with the same title', async () => {
    const server = await serve();
    const clients = createSourceClients(settingsFor(server.origin));
    expect(await resolveArxivIdByTitle('Understanding the Impact of Post-Training Quantization', clients)).toEqual({ status: 'not-found' });

    const twice = fixture('arxiv-title-search.xml').replace(': A Survey</title>', '</title>');
    const twins = await serve((request) => ({ headers: ATOM, body: request.path === '/api/query' ? twice : '' }));
    expect(await resolveArxivIdByTitle(stored.title, createSourceClients(settingsFor(twins.origin)))).toEqual({
      status: 'ambiguous',
      arxivIds: ['2510.14968', '2510.14827'],
    });
  });

  it('normalises case, punctuation, accents and LaTeX, not words', () => {
    expect(normalisedTitle('Any-Size-Diffusion:  Toward Efficient\n Synthesis')).toBe('any size diffusion toward efficient synthesis');
    expect(normalisedTitle('Café über $\\alpha$-Nets')).toBe('cafe uber α nets');
    expect(normalisedTitle('A B')).not.toBe(normalisedTitle('A B C'));
  });
});

describe('the arXiv gate, on the wire', () => {
  it('spaces requests from every arXiv source of the process, one at a time on one connection, as Paperbot', async () => {
    const arxiv = await serve();
    const hf = await serve();
    const intervalMs = 200;
    // Two sets of clients, as two sources would have: the gate is per process and arXiv origin.
    const settings = { ...settingsFor(hf.origin), arxivApiUrl: `${arxiv.origin}/api/query`, arxivMinIntervalMs: intervalMs };
    const one = createSourceClients(settings);
    const two = createSourceClients(settings);
    const category = createSource('arxiv:cs.AI', settings);

    const results = await Promise.all([
      lookupArxivPaper('2609.20822', one),
      lookupArxivPaper('2609.99998', two),
      category.fetch(),
      lookupArxivPaper('2609.99997', one),
      resolveArxivIdByTitle('Some Title', two),
    ]);
    expect(results.map((r) => ('status' in r ? r.status : r.papers.length))).toEqual(['found', 'not-found', 5, 'not-found', 'not-found']);

    const seen = arxiv.seen;
    expect(seen).toHaveLength(5);
    expect(arxiv.maxInFlight).toBe(1);
    for (let i = 1; i < seen.length; i += 1) {
      const quiet = seen[i]!.arrivedAt - seen[i - 1]!.endedAt!;
      expect(quiet).toBeGreaterThanOrEqual(intervalMs);
    }
    expect(arxiv.maxOpenConnections).toBe(1);
    expect(arxiv.connections).toBe(1);
    for (const request of [...seen, ...hf.seen]) expect(request.headers['user-agent']).toMatch(/^Paperbot\//);
  });
});
