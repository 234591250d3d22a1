import { DIGESTS } from '../config.js';
import { NO_WORKSPACE_NOTICE } from '../render/notices.js';
import type { Message } from '../render/message.js';
import {
  noSuchWatchMessage,
  unwatchedMessage,
  watchCreatedMessage,
  watchesFullMessage,
  watchExistsMessage,
  watchListMessage,
  watchNeedsChannelMessage,
  watchNothingToFindMessage,
  watchTooLongMessage,
  watchUsageMessage,
} from '../render/watches.js';
import { isEmptyQuery, parseQuery } from '../search/query-parser.js';
import type { AnswerDeps, Asker } from './answer-deps.js';
import type { PaperRequest } from './parse-request.js';

type WatchRequest = Extract<PaperRequest, { kind: 'watch' | 'watches' | 'unwatch' }>;

/**
 * `/paper watch <query> [daily|weekly]`, `/paper watches`, `/paper unwatch <n>`: a channel's
 * watches, set, listed and removed from that channel only (the channel the command was typed
 * in is the only one it can touch). A query that is empty, too long or has nothing to look for
 * is answered with why, and no watch is made.
 */
export async function watchAnswer(deps: AnswerDeps, request: WatchRequest, asker: Asker): Promise<Message> {
  const { ws, channel } = asker;
  if (!ws) return NO_WORKSPACE_NOTICE;
  if (!channel) return watchNeedsChannelMessage();
  const { watches } = deps;
  switch (request.kind) {
    case 'watches':
      return watchListMessage(await watches.list(ws, channel), watches.schedule);
    case 'unwatch': {
      const number = /^#?\d{1,6}$/.test(request.ref) ? Number(request.ref.replace('#', '')) : Number.NaN;
      const removed = Number.isInteger(number) ? await watches.remove(ws, channel, number) : undefined;
      return removed ? unwatchedMessage({ ...removed, lastDigest: null }) : noSuchWatchMessage(request.ref);
    }
    case 'watch': {
      const query = request.query.trim();
      if (!query) return watchUsageMessage();
      if (query.length > DIGESTS.maxQueryChars) return watchTooLongMessage(query.length);
      if (isEmptyQuery({ ...parseQuery(query), refs: [] })) return watchNothingToFindMessage(query);
      const change = await watches.set(ws, { channel, query, cadence: request.cadence, userId: asker.userId ?? null });
      if (change.kind === 'full') return watchesFullMessage(change.limit);
      const view = { ...change.watch, lastDigest: null };
      return change.kind === 'created' ? watchCreatedMessage(view, watches.schedule) : watchExistsMessage(view, change, watches.schedule);
    }
  }
}
