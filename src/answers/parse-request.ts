import { toPlainQuery } from '../render/text.js';

/** What someone asked for, in `/paper <text>`, a mention or a DM. */
export type PaperRequest =
  | { kind: 'help'; asked: boolean }
  | { kind: 'random' }
  | { kind: 'status' }
  | { kind: 'similar'; ref: string }
  | { kind: 'search'; query: string };

/**
 * Reads the few sub-commands (`help`, `random`, `status`, `similar …`); anything else is a query, handed
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
  const similar = text.match(/^similar(?:\s+to)?(?:\s+(.+))?$/i);
  if (similar) return similar[1] ? { kind: 'similar', ref: similar[1] } : { kind: 'help', asked: true };
  return { kind: 'search', query: text };
}
