import { describe, expect, it } from 'vitest';
import { summarizeCorpus } from '../../src/corpus/corpus-summary.js';
import { homeView } from '../../src/render/home.js';
import { readingListMessage, type ReadingEntry } from '../../src/render/reading-list.js';
import { sharedListMessage, topMessage, type TopEntry } from '../../src/render/team-view.js';
import { messageProblems } from '../helpers/block-limits.js';
import { buttonsIn, textOf } from '../helpers/blocks.js';
import { realCorpus } from '../helpers/paperbot.js';

/** The reading list and the team's view stay within Slack's limits and escape what the store hands them. */
const papers = realCorpus().papers;
const summary = summarizeCorpus(papers, []);
const AT = '2025-12-03T09:00:00.000Z';
const entries = (n: number): ReadingEntry[] => papers.slice(0, n).map((paper, i) => ({ paperId: paper.id, savedAt: AT, readAt: i % 2 ? AT : null, paper }));
const top = (n: number): TopEntry[] => papers.slice(0, n).map((paper, i) => ({ paperId: paper.id, paper, replies: n - i, shares: 1, saves: n - i }));

describe('team memory views', () => {
  it('a long reading list keeps within a message’s limits and says how many more there are', () => {
    const message = readingListMessage(entries(60));
    expect(messageProblems(message)).toEqual([]);
    expect(textOf(message)).toContain('…and 48 more');
    // Read papers lose Mark as read; every item keeps Remove.
    expect(buttonsIn(message).filter((b) => b.action_id === 'paper_unsave')).toHaveLength(12);
    expect(buttonsIn(message).filter((b) => b.action_id === 'paper_mark_read')).toHaveLength(6);
  });

  it('a saved paper gone from the corpus is named by its id, escaped', () => {
    const message = readingListMessage([{ paperId: '<!here> & co', savedAt: AT, readAt: null }]);
    expect(messageProblems(message)).toEqual([]);
    expect(textOf(message)).toContain('&lt;!here&gt; &amp; co');
  });

  it('the Home tab with a long list and the week’s top stays within a view’s limits, the list first', () => {
    const view = homeView(summary, null, new Date(AT), { readingList: entries(60), weekTop: { discussed: top(5), saved: top(5) } });
    expect(messageProblems(view)).toEqual([]);
    expect(view.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Your reading list' } });
    expect(textOf(view)).toContain('Top papers in this workspace in the last 7 days');
  });

  it('the shared list and the top lists keep within limits, with fallback text', () => {
    const note = { channel: 'C0ABC', userId: 'U0ABC', sharedAt: AT, permalink: 'https://x.slack.com/archives/C0ABC/p1', replies: 3, count: 1 };
    const shared = sharedListMessage(
      papers.slice(0, 20).map((paper) => ({ paperId: paper.id, paper, note })),
      'all',
    );
    expect(messageProblems(shared)).toEqual([]);
    const ranked = topMessage({ discussed: top(5), saved: [{ paperId: '<gone>', replies: 0, shares: 0, saves: 1 }] }, 'week');
    expect(messageProblems(ranked)).toEqual([]);
    expect(textOf(ranked)).toContain('*&lt;gone&gt;* · saved by 1 person');
  });
});
