import { describe, expect, it } from 'vitest';
import { paperLinkId } from '../../src/corpus/arxiv.js';
import { UNFURL_BLOCK_TYPES, unfurlFor } from '../../src/render/unfurl.js';
import { messageProblems } from '../helpers/block-limits.js';
import { cardsIn, textOf } from '../helpers/blocks.js';
import { realCorpus } from '../helpers/paperbot.js';

/** The link preview card, and which links count as paper links. */
const papers = realCorpus().papers;

describe('unfurlFor', () => {
  it('every paper’s card keeps within Slack’s limits, uses only blocks chat.unfurl takes, and carries Share and Save', () => {
    for (const paper of papers.slice(0, 200)) {
      const unfurl = unfurlFor(paper);
      expect(messageProblems({ text: 'preview', ...unfurl })).toEqual([]);
      expect(unfurl.blocks.every((b) => UNFURL_BLOCK_TYPES.has(b.type))).toBe(true);
      expect(cardsIn(unfurl)[0]?.buttons).toEqual(['paper_share', 'paper_save']);
    }
  });

  it('says where the team discussed it', () => {
    const note = { channel: 'C0PAPERS1', userId: 'U0ALICE01', sharedAt: '2025-12-03T09:00:00.000Z', permalink: null, replies: 4, count: 1 };
    expect(textOf(unfurlFor(papers[0]!, note))).toContain(':speech_balloon: Shared in <#C0PAPERS1> by <@U0ALICE01> on 3 Dec 2025 · 4 replies');
  });
});

describe('paperLinkId', () => {
  it.each([
    ['https://arxiv.org/abs/2308.16582', '2308.16582'],
    ['https://arxiv.org/abs/2308.16582v2', '2308.16582'],
    ['https://arxiv.org/pdf/2308.16582v1.pdf', '2308.16582'],
    ['http://www.arxiv.org/html/2308.16582v3', '2308.16582'],
    ['https://export.arxiv.org/abs/cs/0112017v1', 'cs/0112017'],
    ['https://arxiv.org/abs/math.GT/0309136', 'math.GT/0309136'],
    ['https://huggingface.co/papers/2410.04199', '2410.04199'],
    ['https://huggingface.co/papers/2410.04199#community', '2410.04199'],
  ])('%s names %s', (url, id) => expect(paperLinkId(url)).toBe(id));

  it.each([
    '2308.16582',
    'arxiv.org/abs/2308.16582',
    'https://example.com/abs/2308.16582',
    'https://arxiv.org.evil.example/abs/2308.16582',
    'https://user@arxiv.org/abs/2308.16582',
    'https://arxiv.org:8443/abs/2308.16582',
    'ftp://arxiv.org/abs/2308.16582',
    'https://arxiv.org/list/cs.AI/recent',
    'https://huggingface.co/models/2410.04199',
    'not a url',
  ])('%s is no paper link', (url) => expect(paperLinkId(url)).toBeNull());
});
