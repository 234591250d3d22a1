import { BLOCK_KIT } from '../config.js';
import type { Paper } from '../corpus/paper.js';
import { context, section, type Block } from './blocks.js';
import { toMessage, type Message } from './message.js';
import { cardActions, AUDIENCE_BUTTONS, type Audience } from './paper-card.js';
import { linksLine, metaLine, paperUrl, titleLink } from './paper-meta.js';
import { escapeText, link, splitText } from './text.js';
import { cardBlockId } from './answer-state.js';

// An abstract may use most of a message's text budget, not all of it: title, links and buttons need room.
const ABSTRACT_BUDGET = BLOCK_KIT.messageTextBudget - 2_000;

/** The abstract as sections of at most 3000 characters, cut short (with a link on) if enormous. */
function abstractBlocks(paper: Paper): Block[] {
  // Escaping lengthens text: split with room to spare so each escaped piece still fits a section.
  const pieces = splitText(paper.abstract, BLOCK_KIT.sectionText - 200);
  const blocks: Block[] = [];
  let used = 0;
  for (const piece of pieces) {
    const text = escapeText(piece);
    if (used + text.length > ABSTRACT_BUDGET) {
      const url = paperUrl(paper);
      blocks.push(section(url ? `… ${link(url, 'Read the full abstract')}` : '…'));
      break;
    }
    blocks.push(section(text));
    used += text.length;
  }
  return blocks;
}

function header(paper: Paper): Block[] {
  const meta = metaLine(paper);
  return [section(`${titleLink(paper)}\n*Abstract*`), ...(meta ? [context([meta])] : [])];
}

function footer(paper: Paper): Block[] {
  const links = linksLine(paper);
  return links ? [context([links])] : [];
}

/**
 * A paper's full abstract, as asked for with the Abstract button, with Share (and, for `/paper`,
 * Similar) under it.
 */
export function abstractMessage(paper: Paper, options: { audience: Audience; shared?: boolean }): Message {
  const buttons = AUDIENCE_BUTTONS[options.audience].filter((b) => b !== 'abstract');
  const blockId = cardBlockId(0, { answer: { kind: 'abstract', id: paper.id }, shared: options.shared ? [0] : [] });
  const actionBlocks = cardActions(paper, options.shared ? buttons.filter((b) => b !== 'share') : buttons, {
    audience: options.audience,
    blockId,
    shared: options.shared,
  });
  return toMessage(`Abstract of "${paper.title}": ${paper.abstract}`, [...header(paper), ...abstractBlocks(paper), ...footer(paper), ...actionBlocks]);
}

/** The first reply under a shared card: the full abstract, so the discussion starts there. */
export function abstractReply(paper: Paper): Message {
  return toMessage(`Abstract: ${paper.abstract}`, [section('*Abstract*'), ...abstractBlocks(paper), ...footer(paper)]);
}
