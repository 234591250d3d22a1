import { TEAM_VIEW } from '../config.js';
import { parseArxivRef } from '../corpus/arxiv.js';
import { toPlainQuery } from '../render/text.js';

/** What someone asked for, in `/paper <text>`, a mention or a DM. */
export type PaperRequest =
  | { kind: 'help'; asked: boolean }
  | { kind: 'random' }
  | { kind: 'status' }
  | { kind: 'saved' }
  | { kind: 'forget' }
  | { kind: 'shared'; period: 'week' | 'month' | 'all' }
  | { kind: 'top'; period: 'week' | 'month' }
  | { kind: 'similar'; ref: string }
  | { kind: 'watch'; query: string; cadence: 'daily' | 'weekly' }
  | { kind: 'watches' }
  | { kind: 'unwatch'; ref: string }
  | { kind: 'search'; query: string };

/**
 * Reads the few sub-commands (`help`, `random`, `status`, `saved`, `forget me`, `shared [week|month|all]`, `top [week|month]`, `similar …`, `watch <query> [daily|weekly]`, `watches`, `unwatch <n>`); anything else is a query, handed
 * to PaperSearch as typed (it owns the query syntax and arXiv id / URL lookups).
 *
 * @example parseRequest('similar 2308.16582') // { kind: 'similar', ref: '2308.16582' }
 */
export function parseRequest(slackText: string): PaperRequest {
  const text = toPlainQuery(slackText);
  if (!text) return { kind: 'help', asked: false };
  if (/^(help|\?|-h|--help|usage)$/i.test(text)) return { kind: 'help', asked: true };
  if (/^random$/i.test(text)) return { kind: 'random' };
  if (/^status$/i.test(text)) return { kind: 'status' };
  if (/^saved$/i.test(text)) return { kind: 'saved' };
  if (/^forget\s+me$/i.test(text)) return { kind: 'forget' };
  const shared = text.match(/^shared(?:\s+(week|month|all))?$/i);
  if (shared) return { kind: 'shared', period: (shared[1]?.toLowerCase() as 'week' | 'month' | 'all' | undefined) ?? TEAM_VIEW.sharedPeriod };
  const top = text.match(/^top(?:\s+(week|month))?$/i);
  if (top) return { kind: 'top', period: (top[1]?.toLowerCase() as 'week' | 'month' | undefined) ?? TEAM_VIEW.topPeriod };
  if (/^watches$/i.test(text)) return { kind: 'watches' };
  const unwatch = text.match(/^unwatch\b\s*(.*)$/is);
  if (unwatch) return { kind: 'unwatch', ref: unwatch[1]!.trim() };
  const watch = text.match(/^watch(?:\s+(.*))?$/is);
  if (watch) {
    // The cadence is the last word, when it is one: `watch rope weekly`; `watch weekly` has no query.
    const words = (watch[1] ?? '').trim().split(/\s+/).filter(Boolean);
    const cadence = /^(daily|weekly)$/i.test(words.at(-1) ?? '') ? (words.pop()!.toLowerCase() as 'daily' | 'weekly') : 'daily';
    return { kind: 'watch', query: words.join(' '), cadence };
  }
  const similar = text.match(/^similar(?:\s+to)?(?:\s+(.+))?$/i);
  // NOTE: "similar work on RoPE scaling?" is a question in which "similar" is just a word; only
  // a paper reference, or words that are not a question, make it the sub-command.
  if (similar && !(similar[1] && isQuestion(similar[1]) && !parseArxivRef(similar[1]))) {
    return similar[1] ? { kind: 'similar', ref: similar[1] } : { kind: 'help', asked: true };
  }
  return { kind: 'search', query: text };
}

/** Words asking something ("… work on RoPE scaling?", "papers on X") rather than naming a paper. */
const isQuestion = (rest: string): boolean => /\?\s*$/.test(rest) || /^(work|works|papers?|research|approaches|methods)\s+(on|about|to|for|like)\b/i.test(rest);
