import type { Message } from './api-types.js';

/** Which messages go where: the channel list shows thread parents, the thread pane the rest. */

export function isReply(message: Message): boolean {
  return message.threadTs !== undefined && message.threadTs !== message.ts;
}

/**
 * Orders Slack timestamps ("seconds.micros"). NOTE: not via Number(): sixteen significant digits
 * are at the edge of a double, and two messages a microsecond apart must not tie.
 */
export function compareTs(a: string, b: string): number {
  const [aSec = '', aMicro = ''] = a.split('.');
  const [bSec = '', bMicro = ''] = b.split('.');
  const bySec = Number(aSec) - Number(bSec);
  return bySec !== 0 ? bySec : Number(aMicro.padEnd(6, '0')) - Number(bMicro.padEnd(6, '0'));
}

const byTs = (a: Message, b: Message) => compareTs(a.ts, b.ts);

/** The messages a channel shows, oldest first; replies stay in their threads. */
export function channelTimeline(messages: readonly Message[], channel: string): Message[] {
  return messages.filter((m) => m.channel === channel && !isReply(m)).sort(byTs);
}

/** A thread's replies, oldest first, ephemeral ones included since they are the viewer's. */
export function threadReplies(messages: readonly Message[], channel: string, threadTs: string): Message[] {
  return messages.filter((m) => m.channel === channel && isReply(m) && m.threadTs === threadTs).sort(byTs);
}

/**
 * Reply counts by parent `ts`. NOTE: Slack's own count leaves out ephemeral replies; we count
 * them, or an ephemeral answer in a thread would have no link leading to it.
 */
export function replyCounts(messages: readonly Message[], channel: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of messages) {
    if (m.channel === channel && isReply(m) && m.threadTs) counts.set(m.threadTs, (counts.get(m.threadTs) ?? 0) + 1);
  }
  return counts;
}
