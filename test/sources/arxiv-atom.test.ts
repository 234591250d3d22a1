import { describe, expect, it } from 'vitest';
import { ArxivFeedError, parseArxivFeed } from '../../src/sources/arxiv-atom.js';
import { fixture, recording } from './replay-server.js';

const current = parseArxivFeed(recording('arxiv-query.xml'));
const legacy = parseArxivFeed(recording('arxiv-query-legacy.xml'));

describe('parseArxivFeed on the two recorded formats', () => {
  it('reads every entry of both, with the same fields', () => {
    expect(current.entries).toHaveLength(5);
    expect(legacy.entries).toHaveLength(2);
    expect(current).toMatchObject({ skipped: 0, error: null, totalResults: 496, startIndex: 0 });
    expect(legacy).toMatchObject({ skipped: 0, error: null, totalResults: 5619, startIndex: 0 });
    const keys = Object.keys(current.entries[0]!).sort();
    for (const entry of [...current.entries, ...legacy.entries]) expect(Object.keys(entry).sort()).toEqual(keys);
  });

  it('gives version-less ids, the version apart, https links and one-line text', () => {
    for (const entry of [...current.entries, ...legacy.entries]) {
      expect(entry.id).toMatch(/^\d{4}\.\d{4,5}$/);
      expect(entry.version).toBe(1);
      expect(entry.absUrl).toBe(`https://arxiv.org/abs/${entry.id}v1`);
      expect(entry.pdfUrl).toBe(`https://arxiv.org/pdf/${entry.id}v1`);
      for (const text of [entry.title, entry.summary, entry.comment ?? '']) {
        expect(text).not.toMatch(/\n|\s{2}|^\s|\s$/);
      }
      expect(entry.authors.length).toBeGreaterThan(0);
      expect(entry.categories).toContain(entry.primaryCategory);
    }
  });

  it('reads the old format: hard-wrapped title, per-element namespaces, http links', () => {
    expect(legacy.entries[0]).toEqual({
      id: '2510.14968',
      position: 1,
      version: 1,
      title: 'RDD: Retrieval-Based Demonstration Decomposer for Planner Alignment in Long-Horizon Tasks',
      summary: expect.stringMatching(/^To tackle long-horizon tasks, .* available at rdd-neurips\.github\.io\.$/),
      authors: ['Mingxuan Yan', 'Yuping Wang', 'Zechun Liu', 'Jiachen Li'],
      published: '2025-10-16T17:59:37Z',
      updated: '2025-10-16T17:59:37Z',
      primaryCategory: 'cs.RO',
      categories: ['cs.RO', 'cs.AI', 'cs.CV', 'cs.LG', 'cs.SY', 'eess.SY'],
      absUrl: 'https://arxiv.org/abs/2510.14968v1',
      pdfUrl: 'https://arxiv.org/pdf/2510.14968v1',
      comment: '39th Conference on Neural Information Processing Systems (NeurIPS 2025); Project Website: rdd-neurips.github.io',
      journalRef: null,
      doi: null,
    });
  });

  it('reads the current format: namespaces declared once, elements in another order', () => {
    expect(current.entries[2]).toMatchObject({
      id: '2609.20817',
      title: 'FAMOS: Feed-Forward 3D Articulation Modeling from Sparse Observations',
      primaryCategory: 'cs.CV',
      comment: 'Project page: https://kevinqu7.github.io/famos',
    });
    expect(current.entries[0]!.summary).toContain('$2.3\\times$'); // LaTeX left for cleanText
  });
});

describe('parseArxivFeed, namespace-aware', () => {
  it('reads the same entries whatever the prefixes, and ignores an arxiv: prefix bound to another namespace', () => {
    const other = parseArxivFeed(fixture('arxiv-other-prefixes.xml'));
    expect(other.entries).toEqual(current.entries.slice(0, 2));
    expect(other.totalResults).toBe(2);
    expect(other.entries[1]!.comment).toBe('26 pages; CoRL 2026; 11 figures'); // not "decoy"
  });
});

describe('parseArxivFeed on bad answers', () => {
  it('skips and counts malformed entries, keeping the good ones', () => {
    const feed = parseArxivFeed(fixture('arxiv-malformed-entries.xml'));
    expect(feed.entries.map((e) => [e.id, e.position])).toEqual([
      ['2609.20822', 1],
      ['2609.20817', 3],
      ['2609.20815', 5],
    ]);
    expect(feed.skipped).toBe(2);
    expect(feed.problems).toEqual(['entry 2: 2609.20820: no title', 'entry 4: id "http://example.org/not-a-paper" is not an arXiv abstract URL']);
  });

  it("reports arXiv's error feed with its reason", () => {
    const feed = parseArxivFeed(fixture('arxiv-error.xml'));
    expect(feed).toMatchObject({ error: 'incorrect id format for 2609.2082x', entries: [], skipped: 0 });
  });

  it('reads an empty feed as no entries', () => {
    expect(parseArxivFeed(fixture('arxiv-empty.xml'))).toMatchObject({ entries: [], skipped: 0, error: null, totalResults: 0 });
  });

  it.each([
    ['truncated XML', fixture('arxiv-truncated.xml'), /not well-formed XML/],
    ['HTML', '<!DOCTYPE html><html><head><title>Down</title></head><body><p>Service unavailable<br></body></html>', /not well-formed XML/],
    ['well-formed XHTML', '<html xmlns="http://www.w3.org/1999/xhtml"><body>hi</body></html>', /not an Atom feed/],
    ['JSON', '{"error": "nope"}', /not well-formed XML/],
    ['nothing', '', /not well-formed XML/],
  ])('refuses %s as not a feed', (_what, text, message) => {
    expect(() => parseArxivFeed(text)).toThrow(ArxivFeedError);
    expect(() => parseArxivFeed(text)).toThrow(message);
  });
});
