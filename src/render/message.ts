import { BLOCK_KIT } from '../config.js';
import { blockTextLength, type Block } from './blocks.js';
import { escapeFit } from './text.js';

/** What every renderer returns: blocks plus the plain `text` fallback Slack shows in notifications. */
export interface Message {
  text: string;
  blocks: Block[];
}

/**
 * Finishes a message: escapes and bounds the fallback text and keeps the blocks within Slack's
 * count and total-text limits. Builders budget their content first; this is the last guard, and
 * drops whole blocks from the end rather than let Slack reject the message.
 *
 * @param fallback plain text (escaped here)
 */
export function toMessage(fallback: string, blocks: Block[], maxBlocks: number = BLOCK_KIT.maxBlocks): Message {
  const kept = blocks.slice(0, maxBlocks);
  while (kept.length > 1 && totalTextLength(kept) > BLOCK_KIT.messageTextBudget) kept.pop();
  return { text: escapeFit(fallback, BLOCK_KIT.fallbackText), blocks: kept };
}

export function totalTextLength(blocks: Block[]): number {
  return blocks.reduce((n, b) => n + blockTextLength(b), 0);
}
