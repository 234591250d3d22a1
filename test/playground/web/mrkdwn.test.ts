import { describe, expect, it } from 'vitest';
import { mrkdwnToHtml } from '../../../src/playground/web/mrkdwn.js';
import { attr, tagsWith, visibleText } from './html-helpers.js';
import { loadEmojiNames } from '../../../src/playground/emoji-names.js';
import { setEmojiNames } from '../../../src/playground/web/emoji.js';

// Slack's emoji names, as the page loads them from the playground server (only the emoji tests need them).
const withEmojiNames = () => setEmojiNames(loadEmojiNames());

const links = (html: string) => html.match(/<a [^>]*>/g) ?? [];

describe('mrkdwnToHtml: escaping', () => {
  it('shows a raw <script> as text and never emits the tag', () => {
    const html = mrkdwnToHtml('<script>alert(1)</script>');
    expect(html).not.toMatch(/<script/i);
    expect(visibleText(html)).toBe('<script>alert(1)</script>');
  });

  it('shows Slack-escaped markup as the characters the user typed', () => {
    const html = mrkdwnToHtml('the &lt;projektor&gt; &amp; &lt;script&gt;x&lt;/script&gt;');
    expect(html).toBe('the &lt;projektor&gt; &amp; &lt;script&gt;x&lt;/script&gt;');
    expect(visibleText(html)).toBe('the <projektor> & <script>x</script>');
  });

  it('decodes exactly once, and only the three Slack entities', () => {
    expect(visibleText(mrkdwnToHtml('&amp;lt; is how you write &lt;'))).toBe('&lt; is how you write <');
    expect(visibleText(mrkdwnToHtml('&quot;kept&quot; &#39;too&#39;'))).toBe('&quot;kept&quot; &#39;too&#39;');
  });

  it('escapes quotes so text cannot break out of an attribute', () => {
    expect(mrkdwnToHtml(`say "hi" it's`)).toBe('say &quot;hi&quot; it&#39;s');
  });

  it('ignores placeholder characters smuggled into the text', () => {
    const html = mrkdwnToHtml('\uE0000\uE001 <https://a.example/>');
    expect(visibleText(html)).toBe('\uFFFD0\uFFFD https://a.example/');
    expect(links(html)).toHaveLength(1);
  });
});

describe('mrkdwnToHtml: formatting', () => {
  it('renders bold, italic and strike', () => {
    expect(mrkdwnToHtml('*bold* _it_ ~gone~')).toBe('<strong>bold</strong> <em>it</em> <del>gone</del>');
  });

  it('nests italic inside bold', () => {
    expect(mrkdwnToHtml('*very _much_ so*')).toBe('<strong>very <em>much</em> so</strong>');
  });

  it('leaves markers inside words and around spaces alone, as Slack does', () => {
    expect(mrkdwnToHtml('snake_case_name 2*3*4 a * b * c')).toBe('snake_case_name 2*3*4 a * b * c');
  });

  it('does not format across lines', () => {
    expect(mrkdwnToHtml('*open\nclose*')).toBe('*open<br>close*');
  });

  it('renders inline code verbatim, without formatting inside', () => {
    const html = mrkdwnToHtml('try `/paper *long* context` now');
    expect(html).toBe('try <code class="mk-code">/paper *long* context</code> now');
  });

  it('renders a code block as pre, without line breaks around its fences', () => {
    const html = mrkdwnToHtml('before\n```line 1\n*x* &lt;y&gt;```\nafter');
    expect(html).toBe('before<pre class="mk-pre">line 1<br>*x* &lt;y&gt;</pre>after');
  });

  it('keeps an unclosed fence as text', () => {
    expect(visibleText(mrkdwnToHtml('a ```b'))).toBe('a ```b');
  });

  it('turns newlines into line breaks', () => {
    expect(mrkdwnToHtml('one\ntwo\n\nthree')).toBe('one<br>two<br><br>three');
  });

  it('groups consecutive quoted lines, escaped or not', () => {
    expect(mrkdwnToHtml('&gt; first\n> second\nplain')).toBe('<blockquote class="mk-quote">first<br>second</blockquote>plain');
  });

  it('quotes the whole rest of the message after >>>', () => {
    expect(mrkdwnToHtml('intro\n&gt;&gt;&gt; a\nb')).toBe('intro<blockquote class="mk-quote">a<br>b</blockquote>');
  });

  it('draws known emoji and leaves unknown short names and times as typed', () => {
    withEmojiNames();
    const html = mrkdwnToHtml(':books: :no_such_emoji: at 10:30:45');
    expect(visibleText(html)).toBe('📚 :no_such_emoji: at 10:30:45');
  });
});

describe('mrkdwnToHtml: links', () => {
  it('renders <url|label> as a link that opens in a new tab', () => {
    const [a] = links(mrkdwnToHtml('<https://arxiv.org/abs/2307.03172|Lost in the Middle>'));
    expect(attr(a!, 'href')).toBe('https://arxiv.org/abs/2307.03172');
    expect(attr(a!, 'target')).toBe('_blank');
    expect(attr(a!, 'rel')).toBe('noopener noreferrer');
  });

  it('renders <url> with the URL as its text', () => {
    expect(visibleText(mrkdwnToHtml('see <https://example.com/x>'))).toBe('see https://example.com/x');
  });

  it('bolds a linked title written as *<url|title>*', () => {
    const html = mrkdwnToHtml('*<https://a.example/p|Title>*');
    expect(html).toMatch(/^<strong><a [^>]*>Title<\/a><\/strong>$/);
  });

  it('does not format markers inside a URL', () => {
    const html = mrkdwnToHtml('<https://a.example/snake_case_*x*_path>');
    expect(html).not.toMatch(/<em>|<strong>/);
    expect(attr(links(html)[0]!, 'href')).toBe('https://a.example/snake_case_*x*_path');
  });

  it('decodes the URL and label and re-escapes them for HTML', () => {
    const html = mrkdwnToHtml('<https://a.example/?q=1&amp;r=2|Q &amp; A &lt;1&gt;>');
    expect(attr(links(html)[0]!, 'href')).toBe('https://a.example/?q=1&r=2');
    expect(visibleText(html)).toBe('Q & A <1>');
  });

  it('does not link javascript: or relative URLs', () => {
    const html = mrkdwnToHtml('<javascript:alert(1)|click> <relative/path>');
    expect(links(html)).toEqual([]);
    expect(visibleText(html)).toBe('<javascript:alert(1)|click> <relative/path>');
  });

  it('links mailto addresses', () => {
    expect(attr(links(mrkdwnToHtml('<mailto:a@b.example|mail us>'))[0]!, 'href')).toBe('mailto:a@b.example');
  });
});

describe('mrkdwnToHtml: mentions', () => {
  const users = { U123: 'Alice', U999: '<b>Eve</b>' };

  it('names a mentioned user from the users map', () => {
    const html = mrkdwnToHtml('hi <@U123>!', { users });
    expect(visibleText(html)).toBe('hi @Alice!');
    expect(tagsWith(html, 'data-user-id', 'U123')).toHaveLength(1);
  });

  it('falls back to the label, then to the id', () => {
    expect(visibleText(mrkdwnToHtml('<@U555|bob> <@U777>'))).toBe('@bob @U777');
  });

  it('escapes user names', () => {
    const html = mrkdwnToHtml('<@U999>', { users });
    expect(html).not.toContain('<b>');
    expect(visibleText(html)).toBe('@<b>Eve</b>');
  });

  it('does not read names off Object.prototype', () => {
    expect(visibleText(mrkdwnToHtml('<@constructor>', { users }))).toBe('@constructor');
  });

  it('renders channel references with their label or the channels map', () => {
    const html = mrkdwnToHtml('<#C1|papers> and <#C2>', { channels: { C2: 'general' } });
    expect(visibleText(html)).toBe('#papers and #general');
  });

  it('renders @here, @channel and @everyone, and special commands by their fallback', () => {
    expect(visibleText(mrkdwnToHtml('<!here> <!channel> <!everyone>'))).toBe('@here @channel @everyone');
    expect(visibleText(mrkdwnToHtml('<!date^1764144000^{date}|Nov 26> <!subteam^S1|@ml-team>'))).toBe('Nov 26 @ml-team');
  });

  it('keeps links and mentions working inside code', () => {
    const html = mrkdwnToHtml('`<@U123> <https://a.example|doc>`', { users });
    expect(visibleText(html)).toBe('@Alice doc');
    expect(links(html)).toHaveLength(1);
  });
});
