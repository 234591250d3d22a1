import { TEAM_VIEW } from '../config.js';
import type { Message } from '../render/message.js';
import { NO_WORKSPACE_NOTICE } from '../render/notices.js';
import { sharedListMessage, type TeamTop, topMessage } from '../render/team-view.js';
import type { AnswerDeps, Workspace } from './answer-deps.js';
import type { PaperRequest } from './parse-request.js';

const DAY_MS = 86_400_000;
const since = (period: 'week' | 'month', now: Date) => new Date(now.getTime() - TEAM_VIEW.periodDays[period] * DAY_MS);

/** The corpus's paper for an id the store named, when it is still there. */
function named<T extends { paperId: string }>(deps: Pick<AnswerDeps, 'search'>, entry: T) {
  const paper = deps.search.get(entry.paperId);
  return { ...entry, ...(paper?.id === entry.paperId ? { paper } : {}) };
}

/**
 * `shared [week|month|all]` and `top [week|month]`: the workspace's view of what it shared,
 * discussed and saved, read from the store for the workspace Slack signed the request for.
 */
export async function teamViewAnswer(
  deps: AnswerDeps,
  request: Extract<PaperRequest, { kind: 'shared' | 'top' }>,
  ws: Workspace | undefined,
  now: Date = new Date(),
): Promise<Message> {
  if (!ws) return NO_WORKSPACE_NOTICE;
  if (request.kind === 'shared') {
    const from = request.period === 'all' ? null : since(request.period, now);
    const shares = await deps.memory.sharesSince(ws, from, TEAM_VIEW.sharedShown);
    return sharedListMessage(
      shares.map((s) => named(deps, { paperId: s.paperId, note: { ...s, count: 1 } })),
      request.period,
    );
  }
  return topMessage(await topOf(deps, ws, request.period, now), request.period);
}

/** The most discussed and most saved papers of the period (`/paper top`, the App Home tab's week). */
export async function topOf(deps: Pick<AnswerDeps, 'memory' | 'search'>, ws: Workspace, period: 'week' | 'month', now: Date = new Date()): Promise<TeamTop> {
  const top = await deps.memory.top(ws, since(period, now), TEAM_VIEW.topShown);
  return { discussed: top.discussed.map((e) => named(deps, e)), saved: top.saved.map((e) => named(deps, e)) };
}
