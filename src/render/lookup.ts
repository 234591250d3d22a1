import { arxivLinks } from '../corpus/arxiv.js';
import { context, section } from './blocks.js';
import { toMessage, type Message } from './message.js';
import { escapeText, link } from './text.js';

/** "arXiv · PDF · Hugging Face" for an id we only know by its number (mrkdwn). */
function idLinks(arxivId: string): string {
  const { abs, pdf, hf } = arxivLinks(arxivId);
  return [link(abs, 'arXiv'), link(pdf, 'PDF'), link(hf, 'Hugging Face')].join(' · ');
}

/** The ack while a paper not yet stored is fetched from arXiv; the answer replaces it. */
export function lookingUpMessage(arxivId: string): Message {
  const id = escapeText(arxivId);
  return toMessage(`Looking up arXiv:${arxivId}…`, [section(`:mag: arXiv:${id} is not among my papers yet: looking it up on arXiv…`)]);
}

/**
 * A paper named by id that is not stored and could not be fetched (sources off, arXiv down):
 * never a dead end, its links still work.
 */
export function notStoredMessage(arxivId: string, reason: string | null): Message {
  const id = escapeText(arxivId);
  const why = reason ? ` ${escapeText(reason)}` : '';
  return toMessage(`arXiv:${arxivId} is not among Paperbot's papers yet.`, [
    section(`arXiv:${id} is not among my papers yet.${why} You can still read it here:\n${idLinks(arxivId)}`),
  ]);
}

/** arXiv answered: it has no paper with that id. */
export function noSuchPaperMessage(arxivId: string): Message {
  const id = escapeText(arxivId);
  return toMessage(`arXiv has no paper ${arxivId}.`, [
    section(`:grey_question: arXiv has no paper ${id}. Check the number, or search by words: \`/paper some words from its title\`.`),
    context([`Old-style ids look like \`cs/0112017\`, new ones like \`2308.16582\`.`]),
  ]);
}
