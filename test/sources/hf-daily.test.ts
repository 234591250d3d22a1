import { afterEach, describe, expect, it } from 'vitest';
import { daysToFetch } from '../../src/sources/hf-daily.js';
import { createSource } from '../../src/sources/source.js';
import { fixture, JSON_TYPE, type ReplayServer, startReplayServer } from './replay-server.js';
import { replayApis, settingsFor } from './routes.js';

let server: ReplayServer;
afterEach(async () => {
  await server?.close();
});

const today = () => new Date('2026-09-18T15:00:00Z');

describe('hf-daily', () => {
  it("maps a day's papers to corpus papers and Hugging Face's extras", async () => {
    server = await startReplayServer(replayApis);
    const result = await createSource('hf-daily', settingsFor(server.origin)).fetch({ date: '2026-09-18' });

    expect(server.seen).toHaveLength(1);
    expect(server.seen[0]!.path).toBe('/api/daily_papers');
    expect(Object.fromEntries(server.seen[0]!.query)).toEqual({ date: '2026-09-18', limit: '100' });
    expect(server.seen[0]!.headers['user-agent']).toMatch(/^Paperbot\/\d+\.\d+ \(\+https:\/\/github\.com\/.*research paper Slack bot\)$/);
    expect(result).toMatchObject({ source: 'hf-daily', skipped: 0, problems: [], requests: 1 });
    expect(result.papers).toHaveLength(2);

    const [fuse, index] = result.papers;
    expect(fuse!.source).toBe('hf-daily');
    expect(fuse!.paper).toMatchObject({
      id: '2609.17496',
      arxivId: '2609.17496',
      title: 'Verifiable Social Reasoning for LLM Assistants',
      published: '2026-09',
      source: { file: 'hf-daily', line: 1 },
      links: {
        abs: 'https://arxiv.org/abs/2609.17496',
        pdf: 'https://arxiv.org/pdf/2609.17496',
        hf: 'https://huggingface.co/papers/2609.17496',
      },
    });
    expect(fuse!.paper.authors).toHaveLength(9);
    expect(fuse!.paper.authors[0]).toBe('Amir Taubenfeld');
    expect(fuse!.paper.tldr).toMatch(/we introduce Fuse|Fuse/);
    expect(fuse!.extras).toEqual({
      upvotes: 47,
      projectPage: 'https://github.com/google-research/google-research/tree/master/user_mediated_social_reasoning',
      featuredOn: '2026-09-18',
    });
    // A project page on GitHub is code, as ingest sorts links.
    expect(fuse!.paper.links.code).toEqual(['https://github.com/google-research/google-research/tree/master/user_mediated_social_reasoning']);

    expect(index!.paper).toMatchObject({ id: '2609.19656', source: { file: 'hf-daily', line: 2 } });
    expect(index!.extras).toEqual({ upvotes: 43, projectPage: 'https://augustinlib.github.io/Self-Index/', featuredOn: '2026-09-18' });
    expect(index!.paper.links.project).toEqual(['https://augustinlib.github.io/Self-Index/']);
  });

  it('on a first run fetches the last 7 days, newest first, keeping a paper featured twice once', async () => {
    server = await startReplayServer(replayApis);
    const result = await createSource('hf-daily', settingsFor(server.origin, { today })).fetch();
    expect(server.seen.map((r) => r.query.get('date'))).toEqual([
      '2026-09-18',
      '2026-09-17',
      '2026-09-16',
      '2026-09-15',
      '2026-09-14',
      '2026-09-13',
      '2026-09-12',
    ]);
    expect(result.requests).toBe(7);
    expect(result.papers.map((p) => p.paper.id)).toEqual(['2609.17496', '2609.19656']);
  });

  it('after a first run fetches the days since the last fetch', async () => {
    server = await startReplayServer(replayApis);
    await createSource('hf-daily', settingsFor(server.origin, { today })).fetch({ since: new Date('2026-09-16T23:30:00Z') });
    expect(server.seen.map((r) => r.query.get('date'))).toEqual(['2026-09-18', '2026-09-17', '2026-09-16']);
  });

  it('keeps entries with missing or odd optional fields, and skips and counts those it cannot use', async () => {
    server = await startReplayServer(() => ({ headers: JSON_TYPE, body: fixture('hf-daily-odd-fields.json') }));
    const result = await createSource('hf-daily', settingsFor(server.origin)).fetch({ date: '2026-09-18' });

    expect(result.papers.map((p) => [p.paper.id, p.paper.source.line])).toEqual([
      ['2609.17496', 1],
      ['2609.19656', 2],
      ['2609.22222', 7],
    ]);
    const [minimal, odd, entryLevel] = result.papers;
    expect(minimal!.extras).toEqual({});
    expect(minimal!.paper.authors).toEqual([]);
    // upvotes "many", githubStars null, ai_keywords [1, 2], projectPage "not a url": read as absent.
    expect(odd!.extras).toEqual({ featuredOn: '2026-09-18' });
    expect(odd!.paper.authors).toHaveLength(8);
    expect(odd!.paper.links.project).toEqual([]);
    // The entry-level title and summary stand in for the paper's, on one line.
    expect(entryLevel!.paper).toMatchObject({ title: 'Entry-Level Title Only', authors: ['Ada Lovelace'] });
    expect(entryLevel!.paper.rawAbstract).not.toContain('\n');

    expect(result.skipped).toBe(4);
    expect(result.problems).toHaveLength(4);
    expect(result.problems.join('\n')).toMatch(/entry 3: paper\.id/);
    expect(result.problems.join('\n')).toMatch(/entry 5: "not-an-arxiv-id" is not an arXiv id/);
    expect(result.problems.join('\n')).toMatch(/entry 6: 2609\.11111: invalid title/);
  });
});

describe('daysToFetch', () => {
  const now = new Date('2026-09-18T00:30:00Z');
  it('is one day for `date`, refusing a day that does not exist', () => {
    expect(daysToFetch({ date: '2026-02-28' }, now, 7)).toEqual(['2026-02-28']);
    expect(() => daysToFetch({ date: '2026-02-30' }, now, 7)).toThrow(RangeError);
    expect(() => daysToFetch({ date: '18/09/2026' }, now, 7)).toThrow(RangeError);
  });

  it('catches up at most the backfill days, and only today when `since` is today', () => {
    expect(daysToFetch({ since: new Date('2026-01-01T00:00:00Z') }, now, 3)).toEqual(['2026-09-18', '2026-09-17', '2026-09-16']);
    expect(daysToFetch({ since: new Date('2026-09-18T00:10:00Z') }, now, 7)).toEqual(['2026-09-18']);
  });
});
