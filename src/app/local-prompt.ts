import { createInterface } from 'node:readline/promises';
import type { Readable, Writable } from 'node:stream';
import { RESULTS } from '../config.js';
import { paperAsText } from '../render/terminal.js';
import type { Deps } from './deps.js';
import { parseRequest } from './parse-request.js';
import { viewForRequest } from './views.js';

const USAGE = [
  'Type words to search, e.g. diffusion models · "large language models" · author:name · year:2024 · has:code · -word',
  'or an arXiv id or URL, "random", "similar <id or words>"; "quit" (or Ctrl-D) to leave.',
].join('\n');

/** Where to go from here, printed when no Slack settings are found. */
export const CONNECT_HINT = [
  'No Slack settings found, so Paperbot runs a local search prompt instead.',
  'To connect a workspace: create the app from manifest.yml and put its tokens in .env',
  '(SLACK_BOT_TOKEN and SLACK_APP_TOKEN); docs/slack-setup.md walks through it.',
].join('\n');

/** The answer to one line typed at the local prompt, as plain text. */
export function localAnswer(line: string, deps: Deps): string {
  const request = parseRequest(line);
  if (request.kind === 'help') return USAGE;
  const view = viewForRequest(request, deps);
  const { search } = deps;
  if (view?.kind === 'paper') {
    const paper = search.get(view.id);
    return paper ? paperAsText(paper) : 'The corpus is empty.';
  }
  if (view?.kind === 'similar') {
    const hits = search.similar(view.of, RESULTS.commandPageSize);
    const list = hits.map((h, i) => paperAsText(h.paper, i + 1)).join('\n\n');
    return `Papers like "${search.get(view.of)?.title}":\n\n${list || '(none)'}`;
  }
  if (view?.kind !== 'search') return 'The corpus is empty.';
  const response = search.search(view.query, { limit: RESULTS.commandPageSize });
  if (response.hits.length === 0) {
    return `No papers match "${view.query}".${response.suggestion ? ` Did you mean "${response.suggestion}"?` : ''}`;
  }
  const list = response.hits.map((h, i) => paperAsText(h.paper, i + 1)).join('\n\n');
  return `${response.hits.length} of ${response.total} for "${view.query}":\n\n${list}`;
}

/**
 * A tiny interactive prompt that searches through PaperSearch, for trying Paperbot with no
 * Slack workspace. Resolves when the input ends or the user types "quit".
 */
export async function runLocalPrompt(deps: Deps, io: { input?: Readable; output?: Writable } = {}): Promise<void> {
  const input = io.input ?? process.stdin;
  const output = io.output ?? process.stdout;
  output.write(`${CONNECT_HINT}\n\nSearching ${deps.corpus.papers} papers. ${USAGE}\n`);
  const rl = createInterface({ input, output, terminal: Boolean((input as { isTTY?: boolean }).isTTY) });
  rl.setPrompt('paper> ');
  rl.prompt();
  for await (const line of rl) {
    if (/^(quit|exit|q)$/i.test(line.trim())) break;
    if (line.trim()) output.write(`\n${localAnswer(line, deps)}\n\n`);
    rl.prompt();
  }
  rl.close();
}
