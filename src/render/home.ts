import type { types } from '@slack/bolt';
import { BLOCK_KIT, READING_LIST, SLACK_APP } from '../config.js';
import type { CorpusSummary } from '../corpus/corpus-summary.js';
import { ACTION } from './action-ids.js';
import { context, divider, header, section, type Block } from './blocks.js';
import { corpusLine, exampleButtons, syntaxLines } from './help.js';
import { type ReadingEntry, readingListBlocks } from './reading-list.js';
import { freshnessLine, liveSources, type StatusView } from './status.js';
import { type TeamTop, topBlocks } from './team-view.js';

/** What the corpus section says: its size and span, where the papers come from, and how fresh each live source is. */
function corpusBlocks(summary: CorpusSummary, status: Pick<StatusView, 'sources'> | null, now: Date): Block[] {
  const blocks: Block[] = [section(`${corpusLine(summary)}: ${summary.onArxiv} on arXiv, ${summary.withCode} with code.`)];
  const live = status ? liveSources(status).slice(0, BLOCK_KIT.contextElements) : [];
  if (live.length > 0) blocks.push(context(live.map((s) => freshnessLine(s, now))));
  return blocks;
}

/**
 * The App Home tab: the viewer's reading list at the top (when `readingList` is known), the
 * workspace's top papers of the week (when `weekTop` is known), then what
 * Paperbot does, how to use it, what it searches (with each live source's freshness, when
 * `status` is known), and example searches (their results arrive in the Messages tab).
 */
export function homeView(
  summary: CorpusSummary,
  status: Pick<StatusView, 'sources'> | null = null,
  now: Date = new Date(),
  { readingList, weekTop }: { readingList?: readonly ReadingEntry[] | null; weekTop?: TeamTop | null } = {},
): types.HomeView {
  const cmd = SLACK_APP.command;
  const reading = readingList ? [header('Your reading list'), ...readingListBlocks(readingList, READING_LIST.homeShown), divider()] : [];
  const top = weekTop ? [...topBlocks(weekTop, 'week'), divider()] : [];
  const blocks: Block[] = [
    ...reading,
    ...top,
    header('Paperbot'),
    section(
      'Paperbot finds research papers and brings their summaries into your conversations: ' +
        'each result has a one-line TL;DR, links to arXiv, the PDF, Hugging Face and code, and a *Share* button ' +
        'that posts the summary to the channel with the full abstract as the first reply in its thread, so the discussion starts there.',
    ),
    divider(),
    header('How to use it'),
    section(
      [
        `• \`${cmd} &lt;words&gt;\` in any channel: results only you see, to read and share`,
        `• \`${cmd} random\`, \`${cmd} similar &lt;arXiv id or words&gt;\`, \`${cmd} help\``,
        `• *Save* on any paper keeps it on your reading list: \`${cmd} saved\` lists it, and so does this tab`,
        '• Mention @Paperbot in a channel or thread: it answers in the thread',
        '• Or message it here, in the Messages tab: it answers right there',
        '• On any message: ⋮ More actions → *Find papers* searches for the message’s text',
      ].join('\n'),
    ),
    section(`*Query syntax*\n${syntaxLines(summary)}`),
    divider(),
    header('The corpus'),
    ...corpusBlocks(summary, status, now),
    divider(),
    header('Try a search'),
    context(['Results arrive in the Messages tab.']),
    exampleButtons(ACTION.example),
  ];
  return { type: 'home', blocks: blocks.slice(0, BLOCK_KIT.maxViewBlocks) };
}
