import { describe, expect, it } from 'vitest';
import { escapeFit, escapeText, fitMrkdwn, link, mentionUser, splitText, toPlainQuery, truncate } from '../../src/render/text.js';
import { mrkdwnProblems } from '../helpers/block-limits.js';

describe('escapeText', () => {
  it("escapes Slack's three control characters, as in the corpus's own text", () => {
    expect(escapeText('a framework called <projektor>, with <0.5 point loss & more')).toBe(
      'a framework called &lt;projektor&gt;, with &lt;0.5 point loss &amp; more',
    );
  });

  it('escapes & first, so existing entities show literally instead of being decoded', () => {
    expect(escapeText('&lt;b&gt; &amp;')).toBe('&amp;lt;b&amp;gt; &amp;amp;');
  });

  it('cannot produce a broadcast, a user mention or a link from any input', () => {
    for (const attack of ['<!channel>', '<!here|here>', '<!everyone>', '<@U024BE7LH>', '<#C0LAN2Q65>', '<https://evil.example|arxiv.org>', '<!subteam^S123>']) {
      const shown = escapeText(attack);
      expect(shown).not.toContain('<');
      expect(mrkdwnProblems(shown, attack)).toEqual([]);
    }
  });

  it('defangs plain @channel, @here and @everyone', () => {
    expect(escapeText('ping @here and @Channel, not @hereford')).toBe('ping @\u2060here and @\u2060Channel, not @hereford');
  });
});

describe('link', () => {
  it('escapes the label, including | and > that would end it', () => {
    expect(link('https://arxiv.org/abs/2307.02460', 'A | B > C & <D>')).toBe('<https://arxiv.org/abs/2307.02460|A ¦ B &gt; C &amp; &lt;D&gt;>');
  });

  it('keeps the URL inside the link token', () => {
    expect(link('https://example.org/a?x=1&y=<2>|z', 'x')).toBe('<https://example.org/a?x=1&amp;y=%3C2%3E%7Cz|x>');
  });

  it('refuses anything but http(s), leaving the plain label', () => {
    expect(link('javascript:alert(1)', 'click')).toBe('click');
    expect(link('not a url', '<b>')).toBe('&lt;b&gt;');
  });
});

describe('mentionUser', () => {
  it('mentions only things shaped like a Slack user id', () => {
    expect(mentionUser('UA8RXUSPL')).toBe('<@UA8RXUSPL>');
    expect(mentionUser('W021FGA1Z')).toBe('<@W021FGA1Z>');
    expect(mentionUser('!channel')).toBe('someone');
    expect(mentionUser('U1>|<!here')).toBe('someone');
  });
});

describe('truncate', () => {
  it('leaves short text alone', () => {
    expect(truncate('  one two  ', 20)).toBe('one two');
  });

  it('cuts at a word boundary with an ellipsis, within the limit', () => {
    expect(truncate('one two three four', 12)).toBe('one two…');
    const long = 'word '.repeat(100);
    for (const max of [10, 75, 150, 299]) {
      const cut = truncate(long, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(cut.endsWith('word…')).toBe(true);
    }
  });

  it('drops dangling punctuation before the ellipsis', () => {
    expect(truncate('Attention, in short, is all you need', 12)).toBe('Attention…');
  });

  it('cuts inside one enormous word rather than losing everything', () => {
    expect(truncate('a'.repeat(50), 10)).toBe(`${'a'.repeat(9)}…`);
  });

  it('never splits a surrogate pair', () => {
    const cut = truncate('🧪'.repeat(20), 10);
    expect(cut.length).toBeLessThanOrEqual(10);
    expect(cut).toMatch(/^(🧪)+…$/u);
  });
});

describe('escapeFit', () => {
  it('fits after escaping, never leaving half an entity', () => {
    const text = '<0.5 & <projektor> '.repeat(30);
    for (const max of [20, 41, 100, 299]) {
      const fitted = escapeFit(text, max);
      expect(fitted.length).toBeLessThanOrEqual(max);
      expect(mrkdwnProblems(fitted, 'fitted')).toEqual([]);
    }
  });
});

describe('fitMrkdwn', () => {
  it('never cuts through a link or an entity', () => {
    const mrkdwn = `${'word '.repeat(10)}<https://arxiv.org/abs/2307.02460|a long label here> &amp; more`;
    for (let max = 20; max < mrkdwn.length; max += 3) {
      const fitted = fitMrkdwn(mrkdwn, max);
      expect(fitted.length).toBeLessThanOrEqual(max);
      expect(mrkdwnProblems(fitted, `max ${max}`)).toEqual([]);
    }
  });
});

describe('splitText', () => {
  it('splits long text into pieces within the limit, at sentence ends, losing nothing', () => {
    const text = Array.from({ length: 40 }, (_, i) => `Sentence number ${i} says something.`).join(' ');
    const pieces = splitText(text, 200);
    expect(pieces.every((p) => p.length <= 200)).toBe(true);
    expect(pieces.every((p) => p.endsWith('.'))).toBe(true);
    expect(pieces.join(' ')).toBe(text);
  });

  it('falls back to spaces, then to a hard cut', () => {
    expect(splitText('x'.repeat(25), 10)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
  });
});

describe('toPlainQuery', () => {
  it('drops the bot mention and other mentions, broadcasts and channels', () => {
    expect(toPlainQuery('<@U0LAN0Z89> diffusion <!here> for <#C123|general> <@W1|bob>')).toBe('diffusion for');
  });

  it('turns Slack links back into their URL, so arXiv links are found', () => {
    expect(toPlainQuery('<https://arxiv.org/abs/2308.16582>')).toBe('https://arxiv.org/abs/2308.16582');
    expect(toPlainQuery('see <https://arxiv.org/abs/2308.16582|arxiv.org/abs/2308.16582>')).toBe('see https://arxiv.org/abs/2308.16582');
  });

  it('decodes entities and straightens typographic quotes', () => {
    expect(toPlainQuery('“in-context learning” &amp; R&amp;D &lt;0.5 ‘x’')).toBe(`"in-context learning" & R&D <0.5 'x'`);
  });
});
