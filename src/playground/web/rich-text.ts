import { obj, objects, str, type Json } from './block-read.js';
import { emojiFor } from './emoji.js';
import { escapeHtml, safeUrl } from './html.js';
import { lookupName, type RenderContext } from './mrkdwn.js';

/**
 * A minimal rich_text block → HTML: sections, lists, quotes and preformatted text with styled
 * text, links, mentions and emoji. NOTE: unlike mrkdwn, rich text is structured and its text is
 * not escaped by Slack, so it is HTML-escaped here as is.
 */
export function richTextToHtml(block: Json, ctx: RenderContext): string {
  return objects(block, 'elements')
    .map((el) => containerToHtml(el, ctx))
    .join('');
}

function containerToHtml(el: Json, ctx: RenderContext): string {
  const inline = () =>
    objects(el, 'elements')
      .map((item) => inlineToHtml(item, ctx))
      .join('');
  switch (str(el, 'type')) {
    case 'rich_text_section':
      return `<div class="rt-section">${inline()}</div>`;
    case 'rich_text_quote':
      return `<blockquote class="mk-quote">${inline()}</blockquote>`;
    case 'rich_text_preformatted':
      return `<pre class="mk-pre">${inline()}</pre>`;
    case 'rich_text_list': {
      const tag = str(el, 'style') === 'ordered' ? 'ol' : 'ul';
      const indent = typeof el['indent'] === 'number' ? Math.min(Math.max(el['indent'], 0), 8) : 0;
      const items = objects(el, 'elements').map(
        (item) =>
          `<li>${objects(item, 'elements')
            .map((i) => inlineToHtml(i, ctx))
            .join('')}</li>`,
      );
      return `<${tag} class="rt-list" style="margin-left:${indent * 1.5}em">${items.join('')}</${tag}>`;
    }
    default:
      return `<div class="bk-unsupported">Unsupported rich text element: <code>${escapeHtml(str(el, 'type') ?? '?')}</code></div>`;
  }
}

function inlineToHtml(item: Json, ctx: RenderContext): string {
  switch (str(item, 'type')) {
    case 'text':
      return styled(escapeHtml(str(item, 'text') ?? '').replace(/\n/g, '<br>'), item);
    case 'link': {
      const url = str(item, 'url') ?? '';
      const text = escapeHtml(str(item, 'text') ?? url);
      const href = safeUrl(url);
      return styled(href ? `<a class="mk-link" href="${escapeHtml(href)}" target="_blank" rel="noopener noreferrer">${text}</a>` : text, item);
    }
    case 'user': {
      const id = str(item, 'user_id') ?? '';
      return `<span class="mk-mention" data-user-id="${escapeHtml(id)}">@${escapeHtml(lookupName(ctx.users, id) ?? id)}</span>`;
    }
    case 'channel': {
      const id = str(item, 'channel_id') ?? '';
      return `<span class="mk-channel">#${escapeHtml(lookupName(ctx.channels, id) ?? id)}</span>`;
    }
    case 'broadcast':
      return `<span class="mk-mention mk-broadcast">@${escapeHtml(str(item, 'range') ?? 'here')}</span>`;
    case 'emoji': {
      const name = str(item, 'name') ?? '';
      const tone = item['skin_tone'];
      return escapeHtml(emojiFor(name, typeof tone === 'number' ? `skin-tone-${tone}` : undefined) ?? `:${name}:`);
    }
    default:
      return escapeHtml(str(item, 'fallback') ?? str(item, 'text') ?? '');
  }
}

const STYLE_TAGS: ReadonlyArray<[flag: string, open: string, close: string]> = [
  ['code', '<code class="mk-code">', '</code>'],
  ['strike', '<del>', '</del>'],
  ['italic', '<em>', '</em>'],
  ['bold', '<strong>', '</strong>'],
];

function styled(html: string, item: Json): string {
  const style = obj(item, 'style');
  if (!style) return html;
  return STYLE_TAGS.reduce((inner, [flag, open, close]) => (style[flag] === true ? `${open}${inner}${close}` : inner), html);
}
