import { describe, expect, it } from 'vitest';
import { summarizeCorpus } from '../../src/corpus/corpus-summary.js';
import type { Paper } from '../../src/corpus/paper.js';
import { abstractMessage, abstractReply } from '../../src/render/abstract.js';
import { helpMessage, mentionHelpMessage } from '../../src/render/help.js';
import { toMessage } from '../../src/render/message.js';
import { homeView } from '../../src/render/home.js';
import { paperCard } from '../../src/render/paper-card.js';
import { authorsLine, linksLine, metaLine, monthYear } from '../../src/render/paper-meta.js';
import { noResultsMessage, paperMessage, searchResultsMessage, similarMessage } from '../../src/render/results.js';
import { paperIdOfShareTo, sharedCardMessage, sharedToChannelMessage, shareToChannelMessage } from '../../src/render/share.js';
import { decodeAnswer } from '../../src/render/answer-state.js';
import { messageProblems } from '../helpers/block-limits.js';
import { buttonsIn, cardsIn, textOf } from '../helpers/blocks.js';
import { realCorpus } from '../helpers/paperbot.js';

const { papers, sources } = realCorpus();
const summary = summarizeCorpus(papers, sources);
const response = (list: readonly Paper[], query = 'q') => ({
  query,
  hits: list.map((paper, i) => ({ paper, score: 10 - i })),
  total: list.length,
  suggestion: null,
  direct: false,
});

/** A paper built to break things: every field far past Slack's limits, full of control characters. */
const monster: Paper = {
  id: '2401.99999',
  title: `<!channel> & <@U024BE7LH> ${'Very Long Title Words '.repeat(60)}`,
  abstract: `We show <script> & <0.5 loss. ${'This sentence pads the abstract well past any limit. '.repeat(450)}`,
  rawAbstract: 'raw',
  arxivId: '2401.99999',
  authors: Array.from({ length: 40 }, (_, i) => `Author <${i}> & Co`),
  published: '2024-01',
  tldr: `<!here> ${'tl;dr words '.repeat(300)}`,
  links: {
    abs: 'https://arxiv.org/abs/2401.99999',
    pdf: 'https://arxiv.org/pdf/2401.99999',
    hf: 'https://huggingface.co/papers/2401.99999',
    code: ['https://github.com/example/repo?a=1&b=<2>|x', 'https://github.com/example/other'],
    project: ['https://example.org/project'],
  },
  source: { file: 'sources/test.txt', line: 1 },
};

describe('every message for every paper in the corpus', () => {
  it('stays within Block Kit limits, escaped, with fallback text', () => {
    for (const paper of [...papers, monster]) {
      const messages = {
        card: toMessage(paper.title, paperCard(paper, { audience: 'ephemeral', blockId: 'c0' })),
        single: paperMessage(paper, { audience: 'thread' }),
        abstract: abstractMessage(paper, { audience: 'ephemeral' }),
        abstractShared: abstractMessage(paper, { audience: 'thread', shared: true }),
        shared: sharedCardMessage(paper, 'UA8RXUSPL'),
        reply: abstractReply(paper),
      };
      for (const [name, message] of Object.entries(messages)) expect(messageProblems(message, `${paper.id} ${name}`)).toEqual([]);
    }
  });

  it('a full page of the longest papers still fits', () => {
    const longest = [...papers].sort((a, b) => b.title.length + b.tldr.length - (a.title.length + a.tldr.length)).slice(0, 5);
    const message = searchResultsMessage({ ...response(longest), total: 40 }, { audience: 'ephemeral', offset: 0 });
    expect(messageProblems(message)).toEqual([]);
    expect(cardsIn(message)).toHaveLength(5);
  });

  it('fifty monsters are cut down to what fits, never past the block or text budget', () => {
    const many = Array.from({ length: 50 }, (_, i) => ({ ...monster, id: `2401.${String(i).padStart(5, '0')}` }));
    const message = searchResultsMessage({ ...response(many), total: 500 }, { audience: 'ephemeral', offset: 0 });
    expect(messageProblems(message)).toEqual([]);
    expect(cardsIn(message).length).toBeGreaterThan(0);
    expect(buttonsIn(message).some((b) => b.action_id === 'results_more')).toBe(true);
  });
});

describe('a paper card', () => {
  it("escapes the corpus's <projektor>", () => {
    const paper = papers.find((p) => p.tldr.includes('<projektor>'))!;
    const text = textOf({ blocks: paperCard(paper, { audience: 'thread' }) });
    expect(text).toContain('&lt;projektor&gt;');
    expect(text).not.toContain('<projektor>');
  });

  it('truncates a long title and TL;DR at a word with an ellipsis, and keeps the link whole', () => {
    const [title] = paperCard(monster, { audience: 'thread' });
    const shown = (title as { text: { text: string } }).text.text;
    expect(shown).toMatch(/^\*<https:\/\/arxiv\.org\/abs\/2401\.99999\|&lt;!channel&gt; &amp; &lt;@U024BE7LH&gt; Very Long Title Words .*Words…>\*\n/);
    expect(shown).toMatch(/\n&lt;!here&gt; tl;dr words .*words…$/);
    expect(shown.length).toBeLessThan(800);
  });

  it('has the buttons of its surface, each carrying only the paper id', () => {
    const paper = papers[0]!;
    const ephemeral = paperCard(paper, { audience: 'ephemeral' });
    expect(buttonsIn({ blocks: ephemeral }).map((b) => [b.text.text, b.value])).toEqual([
      ['Share', paper.id],
      ['Save', paper.id],
      ['Abstract', paper.id],
      ['Similar', paper.id],
    ]);
    expect(buttonsIn({ blocks: paperCard(paper, { audience: 'thread' }) }).map((b) => b.text.text)).toEqual(['Share', 'Save', 'Abstract']);
    expect(buttonsIn({ blocks: paperCard(paper, { audience: 'thread', shared: true }) }).map((b) => b.text.text)).toEqual(['Save', 'Abstract']);
  });
});

describe('meta and links lines', () => {
  it('shows arXiv id, month and year, and the first three authors then et al.', () => {
    expect(monthYear('2023-08')).toBe('Aug 2023');
    expect(monthYear(null)).toBeNull();
    expect(authorsLine(['A', 'B'])).toBe('A, B');
    expect(authorsLine(['A', 'B', 'C', 'D'])).toBe('A, B, C et al.');
    expect(authorsLine([])).toBeNull();
    expect(metaLine({ ...monster, authors: ['Ada <L>', 'Bo', 'Cy', 'Di'] })).toBe('arXiv:2401.99999 · Jan 2024 · Ada &lt;L&gt;, Bo, Cy et al.');
    expect(metaLine({ ...monster, arxivId: null, published: null, authors: [] })).toBe('');
  });

  it('links whichever of arXiv · PDF · Hugging Face · Code · Project exist', () => {
    expect(linksLine(monster)).toBe(
      '<https://arxiv.org/abs/2401.99999|arXiv> · <https://arxiv.org/pdf/2401.99999|PDF> · <https://huggingface.co/papers/2401.99999|Hugging Face> · ' +
        '<https://github.com/example/repo?a=1&amp;b=%3C2%3E%7Cx|Code> · <https://example.org/project|Project>',
    );
    const bare = { ...monster, links: { search: 'https://arxiv.org/a/search?q=x', code: [], project: [] } };
    expect(linksLine(bare)).toBe('<https://arxiv.org/a/search?q=x|Search arXiv>');
  });
});

describe('the abstract', () => {
  it('is shown whole when it fits, split into sections under 3000 characters', () => {
    const paper = papers.reduce((a, b) => (b.abstract.length > a.abstract.length ? b : a));
    const text = textOf(abstractReply(paper)).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    expect(text.replace(/\s+/g, ' ')).toContain(paper.abstract.replace(/\s+/g, ' '));
  });

  it('is cut short, with a link to the rest, when enormous', () => {
    const message = abstractReply(monster);
    expect(textOf(message)).toContain('<https://arxiv.org/abs/2401.99999|Read the full abstract>');
    expect(messageProblems(message)).toEqual([]);
  });
});

describe('the shared card', () => {
  it('credits the sharer and carries only Save, naming the paper', () => {
    const message = sharedCardMessage(papers[0]!, 'UA8RXUSPL');
    expect(textOf(message)).toContain('Shared by <@UA8RXUSPL>');
    expect(buttonsIn(message).map((b) => [b.action_id, b.value])).toEqual([['paper_save', papers[0]!.id]]);
  });

  it('never mentions anything that is not a user id', () => {
    expect(textOf(sharedCardMessage(papers[0]!, '!channel'))).toContain('Shared by someone');
  });
});

describe('results pages', () => {
  it('say of a paper listed for its topic alone that none of the words is in it, and of no other', () => {
    const [withWord, topicOnly] = [papers[0]!, papers[1]!];
    const message = searchResultsMessage(
      {
        ...response([withWord, topicOnly]),
        hits: [
          { paper: withWord, score: 2, match: { allWords: true, typedWord: true, anyWord: true } },
          { paper: topicOnly, score: 1, match: { allWords: false, typedWord: false, anyWord: false } },
        ],
      },
      { audience: 'ephemeral', offset: 0 },
    );
    const text = textOf(message);
    expect(text.match(/Related by topic/g)).toHaveLength(1);
    // The note sits in the second card: after the first card's title, and after the second's.
    expect(text.indexOf('Related by topic')).toBeGreaterThan(text.indexOf(topicOnly.title.slice(0, 20)));
    expect(messageProblems(message)).toEqual([]);
  });

  it('say which slice of how many, and offer More results only when there are more', () => {
    const page = searchResultsMessage({ ...response(papers.slice(0, 5), 'llm'), total: 12 }, { audience: 'ephemeral', offset: 5 });
    expect(textOf(page)).toContain('*6–10 of 12* papers for “llm”');
    const more = buttonsIn(page).find((b) => b.action_id === 'results_more')!;
    expect(decodeAnswer(more.value)).toEqual({ kind: 'search', query: 'llm', offset: 10 });
    const last = searchResultsMessage({ ...response(papers.slice(0, 2), 'llm'), total: 12 }, { audience: 'ephemeral', offset: 10 });
    expect(buttonsIn(last).some((b) => b.action_id === 'results_more')).toBe(false);
  });

  it('in a thread and a DM too: "1–3 of 12" always comes with a way to the rest', () => {
    const thread = searchResultsMessage({ ...response(papers.slice(0, 3), 'llm'), total: 12 }, { audience: 'thread', offset: 0 });
    expect(textOf(thread)).toContain('*1–3 of 12* papers');
    const more = buttonsIn(thread).find((b) => b.action_id === 'results_more')!;
    expect(decodeAnswer(more.value)).toEqual({ kind: 'search', query: 'llm', offset: 3 });
    // Everyone sees the thread; the next page only whoever clicks.
    expect(textOf(thread)).toContain('More results are shown only to you.');
    const dm = searchResultsMessage({ ...response(papers.slice(0, 3), 'llm'), total: 12 }, { audience: 'dm', offset: 0 });
    expect(buttonsIn(dm).some((b) => b.action_id === 'results_more')).toBe(true);
    expect(textOf(dm)).not.toContain('only to you');
    for (const message of [thread, dm]) expect(messageProblems(message)).toEqual([]);
  });

  it('say where a shared card went: the channel, or the thread an ephemeral page is in', () => {
    const base = { ...response(papers.slice(0, 3), 'llm'), total: 3 };
    expect(textOf(searchResultsMessage(base, { audience: 'ephemeral', offset: 0, shared: [1] }))).toContain('Shared to the channel');
    expect(textOf(searchResultsMessage(base, { audience: 'ephemeral', offset: 0, shared: [1], sharedIn: 'thread' }))).toContain('Shared in this thread');
  });

  it('no results: says so and offers the suggestion as a button, escaped', () => {
    const message = noResultsMessage('difusion <!here>', 'diffusion & <b>');
    expect(textOf(message)).toContain('No papers match “difusion &lt;!here&gt;”');
    expect(textOf(message)).toContain('Did you mean *diffusion &amp; &lt;b&gt;*?');
    const [button] = buttonsIn(message);
    expect(decodeAnswer(button!.value)).toEqual({ kind: 'search', query: 'diffusion & <b>', offset: 0 });
    expect(messageProblems(message)).toEqual([]);
    expect(buttonsIn(noResultsMessage('zzz', null))).toEqual([]);
  });

  it('similar: names the paper they are like', () => {
    const message = similarMessage(papers[0]!, papers.slice(1, 4), { audience: 'ephemeral' });
    expect(textOf(message)).toContain('Papers like *');
    expect(cardsIn(message).map((c) => c.id)).toEqual(papers.slice(1, 4).map((p) => p.id));
  });
});

describe('Share in a DM: the channel picker', () => {
  it('asks which channel, naming the paper in its block, within limits; then says it is done', () => {
    for (const paper of [papers[0]!, monster]) {
      const picker = shareToChannelMessage(paper);
      expect(messageProblems(picker)).toEqual([]);
      const [section] = picker.blocks as Record<string, any>[];
      expect(paperIdOfShareTo(section!.block_id)).toBe(paper.id);
      expect(section!.accessory).toMatchObject({ type: 'conversations_select', action_id: 'paper_share_to', filter: { include: ['public', 'private'] } });
      expect(section!.accessory.placeholder.text.length).toBeLessThanOrEqual(150);
      expect(messageProblems(sharedToChannelMessage(paper))).toEqual([]);
    }
    expect(paperIdOfShareTo('c0|0|s:0:x')).toBeNull();
    expect(paperIdOfShareTo('share_to|')).toBeNull();
  });

  it('DM cards carry Share, Save, Abstract and Similar', () => {
    expect(buttonsIn({ blocks: paperCard(papers[0]!, { audience: 'dm' }) }).map((b) => b.text.text)).toEqual(['Share', 'Save', 'Abstract', 'Similar']);
  });
});

describe('help and App Home', () => {
  it('stay within limits and describe the corpus', () => {
    for (const message of [helpMessage(summary), mentionHelpMessage(summary), mentionHelpMessage(summary, 'dm')]) expect(messageProblems(message)).toEqual([]);
    const home = homeView(summary);
    expect(messageProblems(home, 'home')).toEqual([]);
    expect(textOf(home)).toContain(`*${papers.length} papers*`);
    expect(textOf(home)).toContain(`${summary.withCode} with code`);
  });

  it('the Home tab says how fresh each live source is, and when one is failing', () => {
    const now = new Date('2026-12-03T15:00:00Z');
    const source = { scheduled: true, lastAdded: 3, lastUpdated: 0, lastError: null, lastErrorAt: null, consecutiveFailures: 0, nextRunAt: null };
    const status = {
      sources: [
        { ...source, source: 'hf-daily', lastSuccessAt: '2026-12-03T14:05:00Z' },
        {
          ...source,
          source: 'arxiv:cs.CL',
          lastSuccessAt: '2026-12-02T09:00:00Z',
          lastError: 'HTTP 503',
          lastErrorAt: '2026-12-03T14:00:00Z',
          consecutiveFailures: 2,
        },
        { ...source, source: 'arxiv:cs.LG', lastSuccessAt: null },
        { ...source, source: 'arxiv:cs.RO', scheduled: false, lastSuccessAt: null },
      ],
    };
    const home = homeView(summary, status, now);
    expect(messageProblems(home, 'home')).toEqual([]);
    const text = textOf(home);
    expect(text).toContain('Hugging Face daily papers: last fetched 3 Dec, 14:05 UTC');
    expect(text).toContain(':warning: arXiv cs.CL, newest submissions: the last fetch failed, last fetched 2 Dec, 09:00 UTC');
    expect(text).toContain('arXiv cs.LG, newest submissions: not fetched yet');
    expect(text).not.toContain('cs.RO');
    expect(textOf(homeView(summary, { sources: [] }, now))).not.toContain('last fetched');
  });
});
