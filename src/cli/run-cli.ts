import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { CLI, LIBRARY } from '../config.js';
import { ingest } from '../corpus/ingest.js';
import { IngestError } from '../corpus/ingest-error.js';
import type { Paper } from '../corpus/paper.js';
import type { BaseConfig } from '../env-config.js';
import { FetchScheduler } from '../library/fetch-scheduler.js';
import { libraryStatus } from '../library/library-status.js';
import { openLibrary } from '../library/open-library.js';
import type { PaperLibrary } from '../library/paper-library.js';
import { createLogger } from '../logger.js';
import type { PaperSearch } from '../search/types.js';
import { createSource, parseSourceList, type SourceName } from '../sources/source.js';
import { runDbCommand } from '../store/db-command.js';
import { sourceSettingsOf } from '../start-library.js';
import { digestNow } from './digest-now.js';
import { formatStatus } from './format-status.js';
import { ansiStyle, formatPaper, formatResponse, formatSimilar, plainStyle, type Style } from './format-terminal.js';
import { shellWord } from './invocation.js';
import { resultJson } from './result-json.js';

/** Each command: its arguments, and what it does (one line each). The usage text, and the line a command given too little prints. */
const COMMANDS: readonly { command: string; args: string; what: string[] }[] = [
  { command: 'search', args: '[--json] [--limit N] [QUERY]', what: ['find papers; with no QUERY, one query per line from stdin'] },
  { command: 'show', args: '[--json] ID', what: ['one paper in full (id, arXiv id or URL)'] },
  { command: 'similar', args: '[--json] [--limit N] ID|WORDS', what: ['papers most like ID, or like the best match for WORDS'] },
  {
    command: 'fetch',
    args: '[--source NAME] [--date DAY]',
    what: ['fetch sources now (default: PAPERBOT_SOURCES, else hf-daily);', 'DAY is YYYY-MM-DD; prints what was added and updated'],
  },
  { command: 'status', args: '', what: ["papers by source, and each source's last fetch"] },
  { command: 'db', args: 'migrate | db status', what: ['apply schema migrations; engine, schema version, row counts'] },
  {
    command: 'digest',
    args: '--now',
    what: [
      "post every watch's digest for the current period, unless it was posted already",
      '(posts to Slack: needs SLACK_BOT_TOKEN; SLACK_API_URL points elsewhere)',
    ],
  },
  { command: 'ingest', args: '', what: ['parse data/sources into data/papers.json'] },
];

// Where the descriptions start: two spaces past the longest command line.
const COLUMN = Math.max(...COMMANDS.map(({ command, args }) => `  ${command} ${args}`.length)) + 2;

/** The full usage, naming the CLI as the user ran it (`program`: see invocation.ts). */
function usage(program: string): string {
  const lines = COMMANDS.map(({ command, args, what: [first, ...more] }) =>
    [`  ${`${command} ${args}`.padEnd(COLUMN - 2)}${first}`, ...more.map((line) => ' '.repeat(COLUMN) + line)].join('\n'),
  );
  return `Usage: ${program} <command>

${lines.join('\n')}

The papers are the store's (DATABASE_URL, or the default SQLite file), as the Slack app sees them.

Query syntax: "quoted phrase", -exclude, author:name, year:2024, has:code, an arXiv id or URL.`;
}

/** "Usage: paperbot show [--json] ID", then what it does: the answer to a command given too little. */
function commandUsage(program: string, command: string): string {
  const entry = COMMANDS.find((c) => c.command === command);
  if (!entry) return usage(program);
  return [`Usage: ${program} ${entry.command} ${entry.args}`.trimEnd(), ...entry.what.map((line) => `  ${line}`)].join('\n');
}

/** Where one CLI run reads and writes, and how the user ran it. */
export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  isTTY?: boolean;
  /** The command that ran the CLI, for usage lines and hints: `invocation()` in main.ts; `paperbot` when left out. */
  program?: string;
}

/** The command line's settings: the app's (`readBaseConfig`), and the bot token `digest` posts with. */
export type CliConfig = BaseConfig & { botToken?: string | undefined };

/** Runs one CLI invocation; returns the exit code. Streams and settings (`readBaseConfig`) are injectable for tests. */
export async function runCli(argv: string[], io: CliIo, config: CliConfig): Promise<number> {
  const { dataDir } = config;
  const program = io.program ?? 'paperbot';
  let parsed: ReturnType<typeof parseCliArgs>;
  try {
    parsed = parseCliArgs(argv);
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n\n${usage(program)}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  const print = (text: string) => io.stdout.write(`${text}\n`);
  const style = io.isTTY ? ansiStyle : plainStyle;
  const limit = values.limit === undefined ? CLI.defaultLimit : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > CLI.maxLimit) {
    io.stderr.write(`--limit must be a whole number from 1 to ${CLI.maxLimit}\n`);
    return 2;
  }
  if (values.help || !command) {
    print(usage(program));
    return command || values.help ? 0 : 2;
  }
  if (!COMMANDS.some((c) => c.command === command)) {
    io.stderr.write(`Unknown command "${command}".\n\n${usage(program)}\n`);
    return 2;
  }
  if ((command === 'show' || command === 'similar') && rest.join(' ').trim() === '') {
    io.stderr.write(`${commandUsage(program, command)}\n`);
    return 2;
  }
  if (command === 'ingest') {
    try {
      const { corpus, unmatched } = ingest(dataDir);
      print(`Wrote ${corpus.papers.length} papers from ${corpus.sources.join(', ')}.`);
      if (unmatched.length) print(`No metadata for ${unmatched.length} title(s): ${unmatched.join(' | ')}`);
      return 0;
    } catch (error) {
      if (!(error instanceof IngestError)) throw error;
      io.stderr.write(`Ingest failed, papers.json left unchanged: ${error.message}\n`);
      return 1;
    }
  }

  if (command === 'digest' && !values.now) {
    io.stderr.write(`${commandUsage(program, command)}\n`);
    return 2;
  }
  if (command === 'digest' && !config.botToken) {
    io.stderr.write('paperbot digest posts to Slack: set SLACK_BOT_TOKEN (the bot token of the workspace the watches are in).\n');
    return 2;
  }
  if (command === 'db') return runDbCommand(rest[0], { databaseUrl: config.databaseUrl, stdout: io.stdout, stderr: io.stderr });

  // Logs go to stderr (warnings only), so stdout stays what the command promises.
  const library = await openLibrary({
    databaseUrl: config.databaseUrl,
    dataDir,
    logger: createLogger({ level: 'warn', pretty: false, destination: io.stderr }),
  });
  try {
    return await onLibrary(command, rest, values, library, config, { ...io, program }, print, style, limit);
  } finally {
    await library.store.close();
  }
}

/** A query's exclusion (`-survey`, `-"instruction tuning"`): one dash and a word, never an option of ours. */
const EXCLUSION = /^-(?!-)(?!h$)[^\s]/;

function parseCliArgs(argv: string[]) {
  // NOTE: `search quantization -survey` must search, not fail on an unknown option `-s…`: words
  // that look like a query's exclusion are taken out before parsing and put back in place after
  // the `--` that ends the options.
  const words = argv.filter((arg) => EXCLUSION.test(arg));
  const rest = argv.filter((arg) => !EXCLUSION.test(arg));
  const parsed = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      limit: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      source: { type: 'string' },
      date: { type: 'string' },
      now: { type: 'boolean', default: false },
    },
  });
  if (words.length === 0) return parsed;
  // Put each exclusion back after the positional that preceded it in argv, keeping the query's order.
  const positionals: string[] = [];
  let next = 0;
  for (const arg of argv) {
    if (EXCLUSION.test(arg)) positionals.push(arg);
    else if (parsed.positionals[next] === arg) positionals.push(parsed.positionals[next++]!);
  }
  positionals.push(...parsed.positionals.slice(next));
  return { ...parsed, positionals };
}

async function onLibrary(
  command: string,
  rest: string[],
  values: { json?: boolean; source?: string; date?: string },
  library: PaperLibrary,
  config: CliConfig,
  io: { stdin: NodeJS.ReadableStream; stderr: NodeJS.WritableStream; program: string },
  print: (text: string) => void,
  style: Style,
  limit: number,
): Promise<number> {
  const { search } = library;
  const query = rest.join(' ');
  switch (command) {
    case 'fetch':
      return fetchNow(library, config, values, print, io);
    case 'status':
      print(formatStatus(await libraryStatus(library, undefined)));
      return 0;
    case 'digest':
      return digestNow(library, config, print, io);
    case 'search': {
      const answer = (q: string) => {
        const response = search.search(q, { limit });
        print(
          values.json
            ? JSON.stringify({ query: q, total: response.total, suggestion: response.suggestion, results: response.hits.map(resultJson) })
            : formatResponse(response, style),
        );
      };
      if (query) answer(query);
      else for await (const line of createInterface({ input: io.stdin, crlfDelay: Infinity })) answer(line);
      return 0;
    }
    case 'show': {
      const paper = search.get(query);
      if (!paper) return notFound(query, io);
      print(values.json ? JSON.stringify(resultJson({ paper, score: 1 })) : formatPaper(paper, style));
      return 0;
    }
    case 'similar': {
      const { paper, words } = similarTo(search, query);
      if (!paper) {
        const response = search.search(query, { limit: 1 });
        io.stderr.write(`${formatResponse(response, plainStyle)}\n`);
        return 1;
      }
      const hits = search.similar(paper.id, limit);
      print(values.json ? JSON.stringify({ id: paper.id, results: hits.map(resultJson) }) : formatSimilar(paper, hits, style, words));
      return 0;
    }
    default:
      // Unreachable: runCli answers an unknown command before opening the library.
      throw new Error(`no such command: ${command}`);
  }
}

/**
 * The paper `similar` is about: the one `ref` names (id, arXiv id or URL), else the best match for
 * `ref` as words, as Slack's `/paper similar <words>` does (`answerForRequest` in
 * src/answers/render-answer.ts). `words` is set when it was a match.
 */
export function similarTo(search: PaperSearch, ref: string): { paper: Paper | undefined; words?: string } {
  const named = search.get(ref);
  if (named) return { paper: named };
  return { paper: search.search(ref, { limit: 1 }).hits[0]?.paper, words: ref };
}

/** `paperbot fetch`: one run of each source now, into the same store the app uses. */
async function fetchNow(
  library: PaperLibrary,
  config: BaseConfig,
  values: { source?: string; date?: string },
  print: (text: string) => void,
  io: { stderr: NodeJS.WritableStream },
): Promise<number> {
  if (values.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) {
    io.stderr.write('--date must be a day as YYYY-MM-DD\n');
    return 2;
  }
  let names: SourceName[];
  try {
    names = values.source ? parseSourceList(values.source) : (config.sources ?? ['hf-daily' as const]);
  } catch (error) {
    io.stderr.write(`--source: ${(error as Error).message}\n`);
    return 2;
  }
  const settings = sourceSettingsOf(config);
  const sources = names.map((name) => createSource(name, settings));
  const scheduler = new FetchScheduler({
    library,
    sources,
    intervalMs: config.fetchIntervalMinutes * 60_000,
    retryAfterFailureMs: LIBRARY.retryAfterFailureMs,
    logger: createLogger({ level: 'silent' }),
  });
  let failed = 0;
  for (const source of sources) {
    const run = await scheduler.runOnce(source, values.date ? { date: values.date } : {});
    if (run.ok) print(`${run.source}: ${run.added} new, ${run.updated} updated${run.skipped ? `, ${run.skipped} malformed entries skipped` : ''}`);
    else {
      failed += 1;
      print(`${run.source}: failed: ${run.error}`);
    }
  }
  print(`${library.search.size} papers in the library.`);
  return failed > 0 ? 1 : 0;
}

/** An id that names no paper: says so, and how to search for it, in the command the user ran. */
function notFound(ref: string, io: { stderr: NodeJS.WritableStream; program: string }): number {
  io.stderr.write(`No paper with id "${ref}". To find it by its words: ${io.program} search ${shellWord(ref)}\n`);
  return 1;
}
