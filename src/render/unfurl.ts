import type { Paper } from '../corpus/paper.js';
import type { Block } from './blocks.js';
import { paperCard } from './paper-card.js';
import type { ShareNote } from './share-line.js';

/** The blocks of one link preview, as `chat.unfurl` takes them (`unfurls[url] = { blocks }`). */
export interface Unfurl {
  blocks: Block[];
}

/** The block kinds `chat.unfurl` accepts that our cards use (no `rich_text`, no `header`). */
export const UNFURL_BLOCK_TYPES: ReadonlySet<string> = new Set(['section', 'context', 'actions', 'divider', 'image']);

/**
 * The compact card a paper link unfolds into: linked title and TL;DR, arXiv id, month and
 * authors, its links, where the workspace already discussed it (`memory`), and Share and Save.
 * NOTE: the same pieces as a search result (paper-card.ts), so a click on its buttons is a click
 * on a card: the button value is the paper id, and the handlers read where it came from.
 *
 * @example unfurlFor(paper) // { blocks: [section, context, context, actions] }
 */
export function unfurlFor(paper: Paper, memory?: ShareNote): Unfurl {
  const blocks = paperCard(paper, { audience: 'ephemeral', buttons: ['share', 'save'], ...(memory ? { memory } : {}) });
  return { blocks: blocks.filter((b) => UNFURL_BLOCK_TYPES.has(b.type)) };
}
