import { describe, expect, it } from 'vitest';
import { blocksToHtml, type Block } from '../../../src/playground/web/block-kit.js';
import { attr, tagsWith, visibleText } from './html-helpers.js';
import { loadEmojiNames } from '../../../src/playground/emoji-names.js';
import { setEmojiNames } from '../../../src/playground/web/emoji.js';

// Slack's emoji names, as the page loads them from the playground server (only the emoji tests need them).
const withEmojiNames = () => setEmojiNames(loadEmojiNames());

const plain = (text: string, emoji?: boolean) => ({ type: 'plain_text', text, ...(emoji === undefined ? {} : { emoji }) });
const md = (text: string) => ({ type: 'mrkdwn', text });
const button = (actionId: string, text: string, extra: Record<string, unknown> = {}) => ({
  type: 'button',
  action_id: actionId,
  text: plain(text),
  ...extra,
});
const render = (...blocks: unknown[]) => blocksToHtml(blocks);
const byTestId = (html: string, id: string) => tagsWith(html, 'data-testid', id);

describe('blocksToHtml: text blocks', () => {
  it('renders a header as its plain text, tagged with its block id', () => {
    const html = render({ type: 'header', block_id: 'h1', text: plain('Papers for “long context”') });
    expect(tagsWith(html, 'class', 'bk-block bk-header')).toHaveLength(1);
    expect(attr(tagsWith(html, 'class', 'bk-block bk-header')[0]!, 'data-block-id')).toBe('h1');
    expect(visibleText(html)).toBe('Papers for “long context”');
  });

  it('shows plain_text literally: markup is escaped, entities and mrkdwn are not interpreted', () => {
    const html = render({ type: 'header', text: plain('<b>*R&amp;D*</b>') });
    expect(html).not.toContain('<b>');
    expect(visibleText(html)).toBe('<b>*R&amp;D*</b>');
  });

  it('draws emoji in plain_text unless emoji is false', () => {
    withEmojiNames();
    expect(visibleText(render({ type: 'header', text: plain(':books: Papers') }))).toBe('📚 Papers');
    expect(visibleText(render({ type: 'header', text: plain(':books: Papers', false) }))).toBe(':books: Papers');
  });

  it('renders section mrkdwn text', () => {
    const html = render({ type: 'section', text: md('*<https://arxiv.org/abs/1|Title>*\n_TL;DR:_ short') });
    expect(html).toContain('<strong><a class="mk-link" href="https://arxiv.org/abs/1"');
    expect(html).toContain('<em>TL;DR:</em> short');
  });

  it('renders section fields in their own grid, after the text', () => {
    const html = render({ type: 'section', text: md('intro'), fields: [md('*Authors*\nLiu'), plain('July 2023')] });
    expect(tagsWith(html, 'class', 'bk-field')).toHaveLength(2);
    expect(html.indexOf('intro')).toBeLessThan(html.indexOf('bk-fields'));
    expect(visibleText(html)).toBe('intro' + 'Authors\nLiu' + 'July 2023');
  });

  it('renders context text elements and images', () => {
    const html = render({
      type: 'context',
      elements: [md('<@U1> shared'), plain('3 results'), { type: 'image', image_url: 'https://a.example/i.png', alt_text: 'logo' }],
    });
    expect(tagsWith(html, 'class', 'bk-context-text')).toHaveLength(2);
    const [img] = tagsWith(html, 'class', 'bk-context-image');
    expect(attr(img!, 'src')).toBe('https://a.example/i.png');
    expect(attr(img!, 'alt')).toBe('logo');
    expect(visibleText(html)).toBe('@U1 shared3 results');
  });

  it('renders a divider as a rule', () => {
    expect(render({ type: 'divider' })).toContain('<hr class="bk-rule">');
  });

  it('renders an image block with title and alt text, but never a non-web source', () => {
    const html = render({ type: 'image', title: plain('Figure 1'), image_url: 'https://a.example/f.png', alt_text: 'U-shaped curve' });
    expect(attr(tagsWith(html, 'class', 'bk-image-img')[0]!, 'alt')).toBe('U-shaped curve');
    expect(visibleText(html)).toBe('Figure 1');
    const unsafe = render({ type: 'image', image_url: 'javascript:alert(1)', alt_text: 'x' });
    expect(unsafe).not.toContain('<img');
    expect(visibleText(unsafe)).toBe('x');
  });
});

describe('blocksToHtml: buttons', () => {
  it('carries action id, block id and value as data attributes', () => {
    const html = render({ type: 'actions', block_id: 'paper-actions', elements: [button('share_paper', 'Share', { value: '2307.03172' })] });
    const [tag] = byTestId(html, 'button-share_paper');
    expect(tag).toMatch(/^<button type="button"/);
    expect(attr(tag!, 'data-action-id')).toBe('share_paper');
    expect(attr(tag!, 'data-block-id')).toBe('paper-actions');
    expect(attr(tag!, 'data-value')).toBe('2307.03172');
    expect(visibleText(html)).toBe('Share');
  });

  it('escapes values that would break out of the attribute', () => {
    const value = `{"q":"a<b>'c'"}`;
    const html = render({ type: 'actions', elements: [button('a', 'A', { value })] });
    expect(attr(byTestId(html, 'button-a')[0]!, 'data-value')).toBe(value);
  });

  it('styles primary and danger buttons and ignores other styles', () => {
    const html = render({
      type: 'actions',
      elements: [button('p', 'P', { style: 'primary' }), button('d', 'D', { style: 'danger' }), button('x', 'X', { style: 'fancy' })],
    });
    expect(attr(byTestId(html, 'button-p')[0]!, 'class')).toBe('bk-button bk-button-primary');
    expect(attr(byTestId(html, 'button-d')[0]!, 'class')).toBe('bk-button bk-button-danger');
    expect(attr(byTestId(html, 'button-x')[0]!, 'class')).toBe('bk-button');
  });

  it('makes a URL button a link that still names its action', () => {
    const html = render({ type: 'actions', block_id: 'b', elements: [button('open_pdf', 'PDF', { url: 'https://arxiv.org/pdf/1' })] });
    const [tag] = byTestId(html, 'button-open_pdf');
    expect(tag).toMatch(/^<a /);
    expect(attr(tag!, 'href')).toBe('https://arxiv.org/pdf/1');
    expect(attr(tag!, 'target')).toBe('_blank');
    expect(attr(tag!, 'data-action-id')).toBe('open_pdf');
  });

  it('does not turn an unsafe URL into a link', () => {
    const html = render({ type: 'actions', elements: [button('evil', 'Go', { url: 'javascript:alert(1)' })] });
    expect(byTestId(html, 'button-evil')[0]).toMatch(/^<button /);
    expect(html).not.toContain('javascript:');
  });

  it('puts a confirm dialog text on the button', () => {
    const confirm = { title: plain('Share?'), text: plain('Everyone in #papers will see it.'), confirm: plain('Share'), deny: plain('Cancel') };
    const html = render({ type: 'actions', elements: [button('share', 'Share', { confirm })] });
    expect(attr(byTestId(html, 'button-share')[0]!, 'data-confirm')).toBe('Share?\n\nEveryone in #papers will see it.');
  });

  it('renders other elements as disabled placeholders showing their placeholder text', () => {
    const html = render({
      type: 'actions',
      elements: [
        { type: 'static_select', action_id: 'topic', placeholder: plain('Pick a topic'), options: [] },
        { type: 'datepicker', action_id: 'date' },
      ],
    });
    const placeholders = byTestId(html, 'unsupported-element');
    expect(placeholders).toHaveLength(2);
    for (const tag of placeholders) {
      expect(attr(tag, 'disabled')).toBe('');
      expect(attr(tag, 'data-action-id')).toBeUndefined();
    }
    expect(visibleText(html)).toBe('Pick a topic ▾datepicker ▾');
  });

  it('draws a conversation menu with the channels it offers; picking one is a click that names the block', () => {
    const conversations = [
      { id: 'C1', name: 'papers', kind: 'channel' as const },
      { id: 'C2', name: 'general <b>', kind: 'channel' as const },
      { id: 'D1', name: 'Paperbot', kind: 'im' as const },
    ];
    const picker = {
      type: 'conversations_select',
      action_id: 'paper_share_to',
      placeholder: plain('Pick a channel'),
      filter: { include: ['public', 'private'] },
    };
    const html = blocksToHtml([{ type: 'section', block_id: 'share_to|2308.16582', text: md('Share *it* to a channel:'), accessory: picker }], {
      conversations,
    });
    const [select] = byTestId(html, 'select-paper_share_to');
    expect(attr(select!, 'data-action-id')).toBe('paper_share_to');
    expect(attr(select!, 'data-block-id')).toBe('share_to|2308.16582');
    expect([...html.matchAll(/<option value="([^"]*)"/g)].map((m) => m[1])).toEqual(['', 'C1', 'C2']);
    expect(visibleText(html)).toContain('Pick a channel#papers#general <b>');
    expect(byTestId(html, 'unsupported-element')).toEqual([]);
    // With `im` in its filter, the DM is offered too.
    const withDm = blocksToHtml([{ type: 'actions', elements: [{ ...picker, filter: { include: ['im'] } }] }], { conversations });
    expect([...withDm.matchAll(/<option value="([^"]*)"/g)].map((m) => m[1])).toEqual(['', 'D1']);
  });

  it('puts a section accessory button beside the text, with the section block id', () => {
    const html = render({ type: 'section', block_id: 'sec', text: md('hello'), accessory: button('more', 'More', { value: 'v' }) });
    expect(html.indexOf('hello')).toBeLessThan(html.indexOf('bk-accessory'));
    expect(attr(byTestId(html, 'button-more')[0]!, 'data-block-id')).toBe('sec');
  });

  it('renders a section accessory image as a thumbnail', () => {
    const html = render({ type: 'section', text: md('x'), accessory: { type: 'image', image_url: 'https://a.example/t.png', alt_text: 'thumb' } });
    expect(attr(tagsWith(html, 'class', 'bk-accessory-image')[0]!, 'alt')).toBe('thumb');
  });
});

describe('blocksToHtml: rich_text', () => {
  it('renders styled text, links, mentions and emoji in a section', () => {
    withEmojiNames();
    const html = blocksToHtml(
      [
        {
          type: 'rich_text',
          elements: [
            {
              type: 'rich_text_section',
              elements: [
                { type: 'text', text: 'Read ', style: { bold: true } },
                { type: 'link', url: 'https://arxiv.org/abs/1', text: 'this' },
                { type: 'text', text: ' <now> ' },
                { type: 'user', user_id: 'U1' },
                { type: 'emoji', name: 'tada' },
              ],
            },
          ],
        },
      ],
      { users: { U1: 'Alice' } },
    );
    expect(html).toContain('<strong>Read </strong>');
    expect(attr(tagsWith(html, 'class', 'mk-link')[0]!, 'href')).toBe('https://arxiv.org/abs/1');
    expect(visibleText(html)).toBe('Read this <now> @Alice🎉');
  });

  it('renders lists, quotes and preformatted text', () => {
    const item = (text: string) => ({ type: 'rich_text_section', elements: [{ type: 'text', text }] });
    const html = render({
      type: 'rich_text',
      elements: [
        { type: 'rich_text_list', style: 'ordered', elements: [item('one'), item('two')] },
        { type: 'rich_text_quote', elements: [{ type: 'text', text: 'quoted' }] },
        { type: 'rich_text_preformatted', elements: [{ type: 'text', text: 'a\nb' }] },
      ],
    });
    expect(html).toContain('<li>one</li><li>two</li></ol>');
    expect(html).toContain('<blockquote class="mk-quote">quoted</blockquote>');
    expect(html).toContain('<pre class="mk-pre">a<br>b</pre>');
  });
});

describe('blocksToHtml: what it cannot draw', () => {
  it('shows an unknown block type as a visible placeholder naming it', () => {
    const html = render({ type: 'video', title: plain('x') }, { type: 'divider' });
    expect(byTestId(html, 'unsupported-block')).toHaveLength(1);
    expect(visibleText(html)).toBe('Unsupported block: video');
    expect(html).toContain('<hr');
  });

  it('does not mistake Object.prototype members for block types', () => {
    expect(visibleText(render({ type: 'constructor' }, { type: 'toString' }))).toBe('Unsupported block: constructorUnsupported block: toString');
  });

  it('survives malformed blocks and escapes their type', () => {
    const html = blocksToHtml([null, 'text', { type: '<img src=x onerror=alert(1)>' }, { text: 'no type' }] as unknown as Block[]);
    expect(byTestId(html, 'unsupported-block')).toHaveLength(4);
    expect(html).not.toContain('<img');
  });

  it('draws a block with missing fields as empty rather than failing', () => {
    expect(() => render({ type: 'section' }, { type: 'context', elements: 'nope' }, { type: 'actions' }, { type: 'header' })).not.toThrow();
  });
});
