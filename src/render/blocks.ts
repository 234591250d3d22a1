import type { types } from '@slack/bolt';
import { BLOCK_KIT } from '../config.js';
import { fitMrkdwn, truncate } from './text.js';

/**
 * Block Kit constructors. Each one applies its own limit from {@link BLOCK_KIT}, so whatever the
 * corpus holds, a block we build is one Slack accepts. Text passed as mrkdwn must already be
 * escaped (see `escapeText`); plain text is shown literally by Slack and needs no escaping.
 */

export type Block = types.KnownBlock;
export type ButtonElement = types.Button;

// NOTE: `verbatim` stops Slack from linkifying bare URLs and channel names in corpus text; the
// links we want are written explicitly as <url|label>.
export const mrkdwn = (text: string): types.MrkdwnElement => ({ type: 'mrkdwn', text: fitMrkdwn(text, BLOCK_KIT.sectionText), verbatim: true });

export const plainText = (text: string, max: number = BLOCK_KIT.sectionText): types.PlainTextElement => ({
  type: 'plain_text',
  text: truncate(text, max),
  emoji: true,
});

export function section(text: string, blockId?: string): types.SectionBlock {
  return { type: 'section', text: mrkdwn(text), ...(blockId ? { block_id: checkId(blockId) } : {}) };
}

export function header(text: string): types.HeaderBlock {
  return { type: 'header', text: plainText(text, BLOCK_KIT.headerText) };
}

/** A context line; empty pieces are dropped and at most 10 elements kept. */
export function context(pieces: string[]): types.ContextBlock {
  const elements = pieces
    .filter((p) => p.length > 0)
    .slice(0, BLOCK_KIT.contextElements)
    .map(mrkdwn);
  return { type: 'context', elements };
}

export const divider = (): types.DividerBlock => ({ type: 'divider' });

export interface ButtonSpec {
  text: string;
  actionId: string;
  value?: string;
  style?: 'primary' | 'danger';
}

export function button({ text, actionId, value, style }: ButtonSpec): ButtonElement {
  if (value !== undefined && value.length > BLOCK_KIT.buttonValue) {
    // A value is data we read back; cutting it would corrupt it. Callers check before building.
    throw new RangeError(`Button value of ${value.length} characters exceeds ${BLOCK_KIT.buttonValue}`);
  }
  return {
    type: 'button',
    text: plainText(text, BLOCK_KIT.buttonText),
    action_id: checkId(actionId),
    ...(value !== undefined ? { value } : {}),
    ...(style ? { style } : {}),
  };
}

export function actions(elements: ButtonElement[], blockId?: string): types.ActionsBlock {
  return {
    type: 'actions',
    elements: elements.slice(0, BLOCK_KIT.actionsElements),
    ...(blockId ? { block_id: checkId(blockId) } : {}),
  };
}

/**
 * A section with a conversation picker beside its text (`conversations_select`): what the user
 * picks arrives as `selected_conversation` in the click. `include` limits what it lists.
 */
export function conversationPicker(
  text: string,
  o: { actionId: string; blockId: string; placeholder: string; include: ('public' | 'private')[] },
): types.SectionBlock {
  const picker: types.ConversationsSelect = {
    type: 'conversations_select',
    action_id: checkId(o.actionId),
    placeholder: plainText(o.placeholder, BLOCK_KIT.placeholderText),
    filter: { include: o.include, exclude_bot_users: true, exclude_external_shared_channels: true },
  };
  return { ...section(text, o.blockId), accessory: picker };
}

function checkId(id: string): string {
  if (id.length === 0 || id.length > BLOCK_KIT.id) throw new RangeError(`Block Kit id must be 1–${BLOCK_KIT.id} characters: ${id.slice(0, 40)}…`);
  return id;
}

/** Characters of text a block carries, as Slack counts toward `msg_blocks_too_long`. */
export function blockTextLength(block: Block): number {
  switch (block.type) {
    case 'section':
      return (block.text?.text.length ?? 0) + (block.fields ?? []).reduce((n, f) => n + f.text.length, 0);
    case 'header':
      return block.text.text.length;
    case 'context':
      return block.elements.reduce((n, e) => n + ('text' in e ? e.text.length : 0), 0);
    case 'actions':
      return block.elements.reduce((n, e) => n + ('text' in e && e.text ? e.text.text.length : 0), 0);
    default:
      return 0;
  }
}
