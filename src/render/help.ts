import { RESULTS, SLACK_APP } from '../config.js';
import type { CorpusSummary } from '../corpus/corpus-summary.js';
import { ACTION } from './action-ids.js';
import { actions, button, context, section, type Block } from './blocks.js';
import { toMessage, type Message } from './message.js';
import { monthYear } from './paper-meta.js';
import { escapeText } from './text.js';
import { answerValue } from './answer-state.js';

const FALLBACK_ID = '2308.16582';

/** "99 papers (Mar 2022 – Dec 2024) from a saved Hugging Face papers page" (mrkdwn). */
export function corpusLine(summary: CorpusSummary): string {
  const first = monthYear(summary.firstMonth);
  const last = monthYear(summary.lastMonth);
  const span = first && last ? (first === last ? ` (${first})` : ` (${first} – ${last})`) : '';
  const names = summary.sources.map(escapeText);
  const sources = names.length > 0 ? ` from ${names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0]}` : '';
  return `*${summary.papers} papers*${span}${sources}`;
}

/** The query syntax, one line each (mrkdwn). */
export function syntaxLines(summary: CorpusSummary): string {
  const id = summary.exampleArxivId ?? FALLBACK_ID;
  return [
    '• `"quoted phrase"`: the words together, in that order',
    '• `-word`: leave out papers that mention it',
    '• `author:name`: papers by an author',
    '• `year:2024`: papers from that year',
    '• `has:code`: papers with published code',
    `• \`${id}\` or an arXiv / Hugging Face URL: that paper`,
  ].join('\n');
}

/** Buttons that run the example searches; clicking one replaces the message with its results. */
export function exampleButtons(actionId: string = ACTION.suggestion): Block {
  return actions(
    RESULTS.exampleQueries.flatMap((query, i) => {
      const value = answerValue({ kind: 'search', query, offset: 0 });
      // action_ids must differ within a block: numbered, and matched by actionPattern().
      return value ? [button({ text: query, actionId: `${actionId}-${i}`, value })] : [];
    }),
  );
}

/** `/paper` alone or `/paper help`. */
export function helpMessage(summary: CorpusSummary): Message {
  const cmd = SLACK_APP.command;
  const id = summary.exampleArxivId ?? FALLBACK_ID;
  const blocks: Block[] = [
    section(
      `:wave: *Paperbot finds research papers* among ${corpusLine(summary)}.\nSearch with \`${cmd} &lt;words&gt;\`, for example \`${cmd} diffusion models\`.`,
    ),
    section(`*Query syntax*\n${syntaxLines(summary)}`),
    section(
      [
        '*More*',
        `• \`${cmd} random\`: a random paper`,
        `• \`${cmd} similar ${id}\` (or some words): papers like it`,
        `• \`${cmd} status\`: where the papers come from, and when each source was last fetched`,
        `• \`${cmd} saved\`: your reading list, the papers you clicked *Save* on (only you see it)`,
        `• \`${cmd} forget me\`: delete your reading list and your name on the papers you shared (after a confirmation)`,
        `• \`${cmd} shared [week|month|all]\`: what this workspace shared, where and how much it was discussed`,
        `• \`${cmd} top [week|month]\`: the workspace's most discussed and most saved papers`,
        `• \`${cmd} watch &lt;query&gt; [daily|weekly]\`: post the new papers on a topic in this channel; \`${cmd} watches\` lists them, \`${cmd} unwatch &lt;n&gt;\` stops one`,
        '• Mention @Paperbot in a channel or a thread: it answers in the thread',
        '• Send Paperbot a direct message: it answers right there, and *Share* asks which channel to share to',
        '• On any message: ⋮ More actions → *Find papers* searches for the message’s text',
      ].join('\n'),
    ),
    context(['Try one:']),
    exampleButtons(),
  ];
  return toMessage(`Paperbot: search ${summary.papers} papers with ${cmd} <words>. ${cmd} help shows the query syntax.`, blocks);
}

/** A mention (`where: 'thread'`) or a DM (`'dm'`) with no words. */
export function mentionHelpMessage(summary: CorpusSummary, where: 'thread' | 'dm' = 'thread'): Message {
  const id = summary.exampleArxivId ?? FALLBACK_ID;
  const how = where === 'dm' ? 'send me some words, like `diffusion models`' : 'mention me with some words, like `@Paperbot diffusion models`';
  const text = [
    `:wave: Ask me about papers: ${how}, an arXiv id like \`${id}\`, \`similar ${id}\` or \`random\`.`,
    `I search ${corpusLine(summary)}. \`${SLACK_APP.command} help\` shows the query syntax.`,
  ].join('\n');
  const fallbackHow = where === 'dm' ? 'send me some words' : 'mention me with some words';
  return toMessage(`Ask me about papers: ${fallbackHow}, an arXiv id, "similar <id>" or "random".`, [section(text)]);
}
