/** Reading our Block Kit messages back in tests. */
type Json = Record<string, any>;

export interface CardView {
  /** The paper id the card's buttons carry. */
  id: string;
  blockId: string | undefined;
  /** action_ids of its buttons, in order. */
  buttons: string[];
}

const blocksOf = (message: Json): Json[] => (typeof message.blocks === 'string' ? JSON.parse(message.blocks) : (message.blocks ?? []));

/** The cards in a message: one per actions block whose buttons carry a paper id. */
export function cardsIn(message: Json): CardView[] {
  return blocksOf(message)
    .filter((b) => b.type === 'actions' && b.elements.some((e: Json) => /^paper_/.test(e.action_id)))
    .map((b) => ({ id: b.elements[0].value, blockId: b.block_id, buttons: b.elements.map((e: Json) => e.action_id) }));
}

/** Every button in a message. */
export function buttonsIn(message: Json): Json[] {
  return blocksOf(message).flatMap((b) => (b.type === 'actions' ? b.elements : []));
}

/** All the text a message's blocks show, joined (for "does it mention…" checks). */
export function textOf(message: Json): string {
  return blocksOf(message)
    .flatMap((b) => [b.text?.text, ...(b.fields ?? []).map((f: Json) => f.text), ...(b.elements ?? []).map((e: Json) => e.text?.text ?? e.text)])
    .filter((t): t is string => typeof t === 'string')
    .join('\n');
}

/** Slack's three entities decoded, to compare shown text with corpus text. */
export const unescapeMrkdwn = (text: string): string => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
