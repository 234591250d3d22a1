import { elementToHtml, imageElementToHtml, textToHtml, type ElementPlace } from './block-elements.js';
import { isObject, obj, objects, str, type Json } from './block-read.js';
import { escapeHtml, safeImageUrl } from './html.js';
import type { RenderContext } from './mrkdwn.js';
import { richTextToHtml } from './rich-text.js';

export type { RenderContext } from './mrkdwn.js';

/** A Block Kit block as it arrives: only `type` is relied on, every other field is checked. */
export type Block = { type: string; block_id?: string } & Record<string, unknown>;

/**
 * Renders a message's or a view's blocks to HTML, the way Slack lays them out. A block type we
 * do not draw becomes a visible placeholder: dropping it would hide a difference from Slack.
 *
 * @example
 * blocksToHtml([{ type: 'header', text: { type: 'plain_text', text: 'Papers' } }])
 * // '<div class="bk-block bk-header" data-block-id="">Papers</div>'
 */
export function blocksToHtml(blocks: readonly unknown[], ctx: RenderContext = {}): string {
  return blocks.map((block) => blockToHtml(block, ctx)).join('');
}

function blockToHtml(block: unknown, ctx: RenderContext): string {
  if (!isObject(block)) return unsupported('(not an object)');
  const type = str(block, 'type') ?? '(no type)';
  const render = RENDERERS.get(type);
  if (!render) return unsupported(type);
  const blockId = str(block, 'block_id') ?? '';
  return `<div class="bk-block bk-${type}" data-block-id="${escapeHtml(blockId)}">${render(block, { blockId }, ctx)}</div>`;
}

type BlockRenderer = (block: Json, place: ElementPlace, ctx: RenderContext) => string;

// A Map, not an object literal, so a block typed "constructor" cannot reach Object.prototype.
const RENDERERS: ReadonlyMap<string, BlockRenderer> = new Map(
  Object.entries({
    header: (block, _place, ctx) => textToHtml(block['text'], ctx),
    divider: () => '<hr class="bk-rule">',
    section: sectionToHtml,
    context: (block, _place, ctx) =>
      objects(block, 'elements')
        .map((el) => (str(el, 'type') === 'image' ? imageElementToHtml(el, 'bk-context-image') : `<span class="bk-context-text">${textToHtml(el, ctx)}</span>`))
        .join(''),
    actions: (block, place, ctx) =>
      objects(block, 'elements')
        .map((el) => elementToHtml(el, place, ctx))
        .join(''),
    image: imageBlockToHtml,
    rich_text: (block, _place, ctx) => richTextToHtml(block, ctx),
  } satisfies Record<string, BlockRenderer>),
);

function sectionToHtml(block: Json, place: ElementPlace, ctx: RenderContext): string {
  const text = block['text'] ? `<div class="bk-section-text">${textToHtml(block['text'], ctx)}</div>` : '';
  const fields = objects(block, 'fields');
  const fieldsHtml = fields.length ? `<div class="bk-fields">${fields.map((f) => `<div class="bk-field">${textToHtml(f, ctx)}</div>`).join('')}</div>` : '';
  const accessory = obj(block, 'accessory');
  const accessoryHtml = accessory ? `<div class="bk-accessory">${elementToHtml(accessory, place, ctx)}</div>` : '';
  return `<div class="bk-section-body">${text}${fieldsHtml}</div>${accessoryHtml}`;
}

function imageBlockToHtml(block: Json, _place: ElementPlace, ctx: RenderContext): string {
  const title = block['title'] ? `<div class="bk-image-title">${textToHtml(block['title'], ctx)}</div>` : '';
  const alt = str(block, 'alt_text') ?? '';
  const src = safeImageUrl(str(block, 'image_url') ?? '');
  const image = src
    ? `<img class="bk-image-img" src="${escapeHtml(src)}" alt="${escapeHtml(alt)}" loading="lazy">`
    : `<div class="bk-image-missing">${escapeHtml(alt || 'image')}</div>`;
  return `${title}${image}`;
}

function unsupported(type: string): string {
  return `<div class="bk-block bk-unsupported" data-testid="unsupported-block">Unsupported block: <code>${escapeHtml(type)}</code></div>`;
}
