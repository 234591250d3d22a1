import { DIGESTS, SLACK_APP } from '../config.js';
import { context, section, type Block } from './blocks.js';
import { toMessage, type Message } from './message.js';
import { shortDate } from './share-line.js';
import { escapeFit, mentionUser } from './text.js';

/** A watch, as the renderer shows it. */
export interface WatchView {
  number: number;
  query: string;
  cadence: 'daily' | 'weekly';
  createdBy: string | null;
  pausedAt: string | null;
  pausedReason: string | null;
  lastDigest: { at: string; papers: number } | null;
}

/** When digests go out, in words: `daily at 09:00 (UTC)`. */
export interface ScheduleView {
  hour: number;
  timeZone: string;
}

const COMMAND = SLACK_APP.command;
const QUERY_ECHO = 120;
const quoted = (query: string) => `“${escapeFit(query, QUERY_ECHO)}”`;
const at = (s: ScheduleView) => `${String(s.hour).padStart(2, '0')}:00 (${escapeFit(s.timeZone, 60)})`;
const when = (cadence: WatchView['cadence'], s: ScheduleView) => (cadence === 'daily' ? `every day at ${at(s)}` : `every Monday at ${at(s)}`);
// The fallback is plain text (escaped again by toMessage): no mrkdwn marks, entities read back.
const plain = (text: string) =>
  text
    .replace(/[*_`]/g, '')
    .replace(/:[a-z_]+: /g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

function reply(text: string, more: string[] = []): Message {
  const blocks: Block[] = [section(text)];
  if (more.length) blocks.push(context(more));
  return toMessage(plain(text), blocks);
}

/** The usage line, for `/paper watch` with nothing after it. */
export function watchUsageMessage(): Message {
  return reply(
    `:eyes: *Watch a topic*: \`${COMMAND} watch &lt;query&gt; [daily|weekly]\` posts the new papers that match it in this channel, daily by default. ` +
      `Any search works: \`${COMMAND} watch "state space models" weekly\`, \`${COMMAND} watch author:hinton\`, \`${COMMAND} watch diffusion has:code -survey\`.`,
    [`\`${COMMAND} watches\` lists this channel’s watches; \`${COMMAND} unwatch &lt;number&gt;\` stops one.`],
  );
}

/** A watch query over DIGESTS.maxQueryChars. */
export function watchTooLongMessage(length: number): Message {
  return reply(
    `:warning: That watch query is ${length.toLocaleString('en-US')} characters long; a watch takes at most ${DIGESTS.maxQueryChars}. ` +
      'Watch a topic in a few words, an author, or a phrase.',
  );
}

/** A watch query with nothing to look for (only exclusions, punctuation, links). */
export function watchNothingToFindMessage(query: string): Message {
  return reply(
    `:warning: ${quoted(query)} has nothing to look for: a watch needs at least one word, a "phrase", an \`author:\` or \`has:code\`. ` +
      `For example \`${COMMAND} watch speculative decoding\`.`,
  );
}

/** Watches live in channels: asked for where there is none (the App Home tab). */
export function watchNeedsChannelMessage(): Message {
  return reply(`Watches post to a channel: type \`${COMMAND} watch &lt;query&gt;\` in the channel that should get the digests.`);
}

/** A new watch. */
export function watchCreatedMessage(watch: WatchView, schedule: ScheduleView): Message {
  return reply(
    `:eyes: Watching ${quoted(watch.query)} in this channel: new matching papers are posted here ${when(watch.cadence, schedule)}, ` +
      'best first, and only when there are some.',
    [
      `Watch ${watch.number} · \`${COMMAND} watches\` lists them · \`${COMMAND} unwatch ${watch.number}\` stops it · ` +
        'In a private channel, invite Paperbot first (`/invite @Paperbot`).',
    ],
  );
}

/** The same query again: resumed if it was paused, or its cadence changed, or nothing to do. */
export function watchExistsMessage(watch: WatchView, change: { resumed: boolean; cadenceChanged: boolean }, schedule: ScheduleView): Message {
  const what = change.resumed ? 'Resumed' : change.cadenceChanged ? 'Changed' : 'Already watching';
  return reply(`:eyes: ${what} watch ${watch.number}, ${quoted(watch.query)}: digests ${when(watch.cadence, schedule)}.`);
}

/** The channel has as many watches as it may. */
export function watchesFullMessage(limit: number): Message {
  return reply(`:warning: This channel has ${limit} watches, the most it can have. Stop one with \`${COMMAND} unwatch &lt;number&gt;\` first.`);
}

/** `/paper watches`. */
export function watchListMessage(watches: readonly WatchView[], schedule: ScheduleView): Message {
  if (watches.length === 0) {
    return reply(`No watches in this channel yet. \`${COMMAND} watch &lt;query&gt;\` posts the new papers on a topic here, daily or weekly.`);
  }
  const lines = watches.map((w) => {
    const by = w.createdBy ? ` · set by ${mentionUser(w.createdBy)}` : '';
    const last = w.lastDigest
      ? ` · last digest ${shortDate(w.lastDigest.at)} (${w.lastDigest.papers} ${w.lastDigest.papers === 1 ? 'paper' : 'papers'})`
      : ' · no digest yet';
    const paused = w.pausedAt
      ? `\n      :double_vertical_bar: *paused* since ${shortDate(w.pausedAt)}: ${escapeFit(w.pausedReason ?? 'could not post here', 200)}. ` +
        `Invite Paperbot back, then \`${COMMAND} watch ${escapeFit(w.query, QUERY_ECHO)} ${w.cadence}\` resumes it.`
      : '';
    return `*${w.number}.* ${quoted(w.query)} · ${w.cadence}${by}${last}${paused}`;
  });
  return toMessage(`Watches in this channel: ${watches.map((w) => `${w.number}. ${w.query}`).join('; ')}`, [
    section(`:eyes: *Watches in this channel* (digests at ${at(schedule)}; weekly ones on Mondays)`),
    // One section each: 25 watches with pause notes would not fit one section's 3,000 characters.
    ...lines.map((line) => section(line)),
    context([`\`${COMMAND} unwatch &lt;number&gt;\` stops one.`]),
  ]);
}

/** `/paper unwatch n` done. */
export function unwatchedMessage(watch: WatchView): Message {
  return reply(`:white_check_mark: Stopped watch ${watch.number}, ${quoted(watch.query)}. No more digests for it here.`);
}

/** `/paper unwatch n` with no watch n in this channel (or no number). */
export function noSuchWatchMessage(given: string): Message {
  const what = given ? `There is no watch ${escapeFit(given, 20)} in this channel.` : 'Which watch? Give its number.';
  return reply(`${what} \`${COMMAND} watches\` lists this channel’s watches with their numbers; \`${COMMAND} unwatch 2\` stops number 2.`);
}
