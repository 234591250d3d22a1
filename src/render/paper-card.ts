import { RESULTS } from '../config.js';
import type { Paper } from '../corpus/paper.js';
import { ACTION } from './action-ids.js';
import { actions, button, context, section, type Block, type ButtonElement } from './blocks.js';
import { linksLine, metaLine, titleLink } from './paper-meta.js';
import { type ShareNote, shareLine } from './share-line.js';
import { escapeFit } from './text.js';

/**
 * Who sees the cards. `ephemeral`: only the asker sees them (`/paper`, and the next pages of a
 * thread's results); `thread`: everyone in a thread sees them (mentions, the message shortcut);
 * `dm`: the asker's one-to-one chat with the app (direct messages, Home-tab searches), where
 * answers stand in the conversation itself and Share offers a channel to share to.
 */
export type Audience = 'ephemeral' | 'thread' | 'dm';

/** Where a shared card went: the channel (the abstract in the card's thread), or the thread the results are in. */
export type SharedIn = 'channel' | 'thread';

export type CardButton = 'share' | 'save' | 'abstract' | 'similar';

/** Which buttons a card carries for each audience. */
export const AUDIENCE_BUTTONS: Record<Audience, readonly CardButton[]> = {
  ephemeral: ['share', 'save', 'abstract', 'similar'],
  thread: ['share', 'save', 'abstract'],
  dm: ['share', 'save', 'abstract', 'similar'],
};

/** Where Share posts from each audience, unless the redraw says otherwise. */
export const SHARED_IN: Record<Audience, SharedIn> = { ephemeral: 'channel', thread: 'thread', dm: 'channel' };

export interface CardOptions {
  audience: Audience;
  buttons?: readonly CardButton[];
  /** The actions block's id: where the page state rides (see answer-state.ts). */
  blockId?: string;
  /** Already shared: the Share button gives way to a note saying so. */
  shared?: boolean;
  /** Where the shared card went, for that note ({@link SHARED_IN} of the audience by default). */
  sharedIn?: SharedIn;
  /** Where the paper was already discussed in this workspace: a line under its summary. */
  memory?: ShareNote;
  /** Listed for its topic alone (it holds no word of the query): a line says so. */
  related?: boolean;
}

const BUTTONS: Record<CardButton, { text: string; actionId: string; style?: 'primary' }> = {
  share: { text: 'Share', actionId: ACTION.share, style: 'primary' },
  save: { text: 'Save', actionId: ACTION.save },
  abstract: { text: 'Abstract', actionId: ACTION.abstract },
  similar: { text: 'Similar', actionId: ACTION.similar },
};

/** Honest about a paper listed for its topic: none of the query's words is in it. */
const RELATED_NOTE = ':link: Related by topic: none of your words is in this paper';

const SHARED_NOTE: Record<SharedIn, string> = {
  channel: ':white_check_mark: Shared to the channel, with the abstract in its thread',
  thread: ':white_check_mark: Shared in this thread',
};

/** The lines every card starts with: linked title and TL;DR, then meta and links. */
export function paperSummaryBlocks(paper: Paper): Block[] {
  // Hugging Face's own summary is said to be theirs; ours (from the abstract) needs no label.
  const by = paper.tldrBy === 'huggingface' ? ' _(summary by Hugging Face)_' : '';
  const blocks: Block[] = [section(`${titleLink(paper)}\n${escapeFit(paper.tldr, RESULTS.tldrChars)}${by}`)];
  const meta = metaLine(paper);
  if (meta) blocks.push(context([meta]));
  const links = linksLine(paper);
  if (links) blocks.push(context([links]));
  return blocks;
}

/** One result: summary, then the buttons for its audience (Share, Save, Abstract, Similar). */
export function paperCard(paper: Paper, options: CardOptions): Block[] {
  const wanted = (options.buttons ?? AUDIENCE_BUTTONS[options.audience]).filter((b) => !(b === 'share' && options.shared));
  const memory = options.memory ? [context([shareLine(options.memory)])] : [];
  const related = options.related ? [context([RELATED_NOTE])] : [];
  return [...paperSummaryBlocks(paper), ...related, ...memory, ...cardActions(paper, wanted, options)];
}

/** The buttons (button values carry only the paper id), and the "shared" note when shared. */
export function cardActions(paper: Paper, wanted: readonly CardButton[], options: CardOptions): Block[] {
  const blocks: Block[] = [];
  if (options.shared) blocks.push(context([SHARED_NOTE[options.sharedIn ?? SHARED_IN[options.audience]]]));
  const elements: ButtonElement[] = wanted.map((b) => button({ ...BUTTONS[b], value: paper.id }));
  if (elements.length > 0) blocks.push(actions(elements, options.blockId));
  return blocks;
}
