import type { Message } from '../render/message.js';
import { FORGET_PRIVATE_NOTICE, forgetConfirmMessage, READING_LIST_PRIVATE_NOTICE } from '../render/notices.js';
import type { Audience } from '../render/paper-card.js';
import { type ReadingEntry, readingListMessage } from '../render/reading-list.js';
import type { AnswerDeps, Workspace } from './answer-deps.js';

/** Someone's reading list, newest first, each saved paper looked up in the corpus (absent when gone). */
export async function readingList(deps: Pick<AnswerDeps, 'memory' | 'search'>, ws: Workspace, userId: string): Promise<ReadingEntry[]> {
  const saved = await deps.memory.saved(ws, userId);
  return saved.map((s) => {
    const paper = deps.search.get(s.paperId);
    return { ...s, ...(paper?.id === s.paperId ? { paper } : {}) };
  });
}

/**
 * `saved`: the asker's reading list, for the asker alone. NOTE: a reading list is private, so
 * where others would see the answer (a thread) or the asker is unknown, only a pointer to it.
 */
export async function readingListAnswer(deps: AnswerDeps, audience: Audience, ws: Workspace | undefined, userId: string | undefined): Promise<Message> {
  if (audience === 'thread' || !ws || !userId) return READING_LIST_PRIVATE_NOTICE;
  return readingListMessage(await readingList(deps, ws, userId));
}

/** `forget me`: the confirmation button, for the asker alone (a thread gets a pointer to `/paper forget me`). */
export function forgetAnswer(audience: Audience): Message {
  return audience === 'thread' ? FORGET_PRIVATE_NOTICE : forgetConfirmMessage();
}
