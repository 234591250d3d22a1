import { escapeText } from './text.js';

/** Where a paper was already discussed: its most recent share in the workspace, and how many there were. */
export interface ShareNote {
  channel: string;
  /** Null once the sharer asked to be forgotten. */
  userId: string | null;
  /** ISO 8601 UTC. */
  sharedAt: string;
  permalink: string | null;
  replies: number;
  count: number;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `3 Dec 2025`, in UTC. */
export function shortDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/**
 * The context line under a card that was shared before:
 * `:speech_balloon: <permalink|Shared> in <#C…> by <@U…> on 3 Dec 2025 · 4 replies · shared 3 times`.
 * NOTE: Slack draws `<#C…>` as the channel's name for whoever may see it, so no channel name is stored.
 */
export function shareLine(note: ShareNote): string {
  const verb = note.permalink && /^https:\/\/[^\s<>|]+$/.test(note.permalink) ? `<${note.permalink}|Shared>` : 'Shared';
  const who = note.userId && /^[UW][A-Z0-9]+$/.test(note.userId) ? ` by <@${note.userId}>` : '';
  const channel = /^[CG][A-Z0-9]+$/.test(note.channel) ? ` in <#${note.channel}>` : '';
  const date = shortDate(note.sharedAt);
  const replies = `${note.replies} ${note.replies === 1 ? 'reply' : 'replies'}`;
  const times = note.count > 1 ? ` · shared ${note.count} times` : '';
  return `:speech_balloon: ${verb}${channel}${who}${date ? ` on ${escapeText(date)}` : ''} · ${replies}${times}`;
}
