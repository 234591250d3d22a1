import { isObject, obj, str, type Json } from './block-read.js';
import { replaceEmoji } from './emoji.js';
import { escapeHtml, safeImageUrl, safeUrl } from './html.js';
import { mrkdwnToHtml, type RenderContext } from './mrkdwn.js';

/**
 * Block Kit composition objects and interactive elements → HTML. Interactive elements carry the
 * ids of their action as data attributes; the page reads them back to post a click.
 */

/**
 * A text object. NOTE: plain_text is drawn exactly as sent, with no entity decoding: Slack shows
 * plain text literally, so an app that escapes it by mistake should see `&amp;` here too.
 */
export function textToHtml(text: unknown, ctx: RenderContext): string {
  if (!isObject(text)) return '';
  const body = str(text, 'text') ?? '';
  if (str(text, 'type') === 'mrkdwn') return mrkdwnToHtml(body, ctx);
  return escapeHtml(text['emoji'] === false ? body : replaceEmoji(body));
}

/** Where an element sits, so its click can name it. */
export interface ElementPlace {
  blockId: string;
}

/** An element inside an actions block or a section accessory. */
export function elementToHtml(element: Json, place: ElementPlace, ctx: RenderContext): string {
  switch (str(element, 'type')) {
    case 'button':
      return buttonToHtml(element, place, ctx);
    case 'image':
      return imageElementToHtml(element, 'bk-accessory-image');
    case 'conversations_select':
    case 'channels_select':
      return conversationMenuToHtml(element, place, ctx);
    default:
      return placeholderToHtml(element, ctx);
  }
}

function buttonToHtml(button: Json, place: ElementPlace, ctx: RenderContext): string {
  const actionId = str(button, 'action_id') ?? '';
  const style = str(button, 'style');
  const classes = ['bk-button', style === 'primary' || style === 'danger' ? `bk-button-${style}` : ''].filter(Boolean).join(' ');
  const attrs = [
    `class="${classes}"`,
    `data-testid="button-${escapeHtml(actionId)}"`,
    `data-action-id="${escapeHtml(actionId)}"`,
    `data-block-id="${escapeHtml(place.blockId)}"`,
    `data-value="${escapeHtml(str(button, 'value') ?? '')}"`,
    confirmAttr(button),
  ].filter(Boolean);
  const label = textToHtml(button['text'], ctx);
  const href = safeUrl(str(button, 'url') ?? '');
  // A URL button opens its link and still tells the app it was clicked, as in Slack.
  if (href) return `<a ${attrs.join(' ')} href="${escapeHtml(href)}" target="_blank" rel="noopener noreferrer">${label}</a>`;
  return `<button type="button" ${attrs.join(' ')}>${label}</button>`;
}

/** A button's `confirm` dialog, asked by the page before it posts the click. */
function confirmAttr(button: Json): string {
  const confirm = obj(button, 'confirm');
  if (!confirm) return '';
  const title = obj(confirm, 'title');
  const text = obj(confirm, 'text');
  const question = [title && str(title, 'text'), text && str(text, 'text')].filter(Boolean).join('\n\n');
  return `data-confirm="${escapeHtml(question || 'Are you sure?')}"`;
}

export function imageElementToHtml(image: Json, className: string): string {
  const alt = str(image, 'alt_text') ?? '';
  const src = safeImageUrl(str(image, 'image_url') ?? '');
  if (!src) return `<span class="${className} bk-image-missing" title="${escapeHtml(alt)}"></span>`;
  return `<img class="${className}" src="${escapeHtml(src)}" alt="${escapeHtml(alt)}" loading="lazy">`;
}

/**
 * A menu of conversations: the workspace's channels (and the DM with the app, when the menu's
 * filter includes `im`). Picking one tells the app, as Slack does, with the pick.
 */
function conversationMenuToHtml(menu: Json, place: ElementPlace, ctx: RenderContext): string {
  const actionId = str(menu, 'action_id') ?? '';
  const include = obj(menu, 'filter')?.['include'];
  const kinds = str(menu, 'type') === 'channels_select' ? ['public'] : Array.isArray(include) && include.length > 0 ? include : ['public', 'private', 'im'];
  const offered = (ctx.conversations ?? []).filter((c) => kinds.includes(c.kind === 'im' ? 'im' : 'public'));
  const placeholder = textToHtml(menu['placeholder'], ctx) || 'Select a conversation';
  const options = offered.map((c) => `<option value="${escapeHtml(c.id)}">${c.kind === 'im' ? '' : '#'}${escapeHtml(c.name)}</option>`).join('');
  return (
    `<select class="bk-select" data-testid="select-${escapeHtml(actionId)}" data-action-id="${escapeHtml(actionId)}" ` +
    `data-block-id="${escapeHtml(place.blockId)}" aria-label="${placeholder}">` +
    `<option value="" disabled selected>${placeholder}</option>${options}</select>`
  );
}

/**
 * Menus, date pickers, overflow and the rest: drawn where Slack would put them, but disabled, so
 * the layout is faithful and nobody mistakes them for working.
 */
function placeholderToHtml(element: Json, ctx: RenderContext): string {
  const type = str(element, 'type') ?? 'element';
  const initial = obj(element, 'initial_option');
  const shown = initial?.['text'] ?? element['placeholder'];
  const label = type === 'overflow' ? '⋯' : `${textToHtml(shown, ctx) || escapeHtml(type)} ▾`;
  return (
    `<button type="button" class="bk-button bk-disabled" disabled data-testid="unsupported-element" ` +
    `title="${escapeHtml(type)} is not interactive in the playground">${label}</button>`
  );
}
