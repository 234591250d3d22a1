import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { CLI, LIBRARY } from '../config.js';
import { ingest } from '../corpus/ingest.js';
import { IngestError } from '../corpus/ingest-error.js';
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
import { formatStatus } from './format-status.js';
import { ansiStyle, formatPaper, formatResponse, formatHit, plainStyle } from './format-terminal.js';
import { resultJson } from './result-json.js';

const USAGE = `Usage: paperbot <command>

  search [--json] [--limit N] [QUERY]   find papers; with no QUERY, one query per line from stdin
  show ID                               one paper in full (id, arXiv id or URL)
  similar [--json] [--limit N] ID       papers most like ID
  fetch [--source NAME] [--date DAY]    fetch sources now (default: PAPERBOT_SOURCES, else hf-daily);
                                        DAY is YYYY-MM-DD; prints what was added and updated
  status                                papers by source, and each source's last fetch
  db migrate | db status                apply schema migrations; engine, schema version, row counts
  ingest                                parse data/sources into data/papers.json

The papers are the store's (DATABASE_URL, or the default SQLite file), as the Slack app sees them.

Query syntax: "quoted phrase", -exclude, author:name, year:2024, has:code, an arXiv id or URL.`;

/** Runs one CLI invocation; returns the exit code. Streams and settings (`readBaseConfig`) are injectable for tests. */
export async function runCli(
  argv: string[],
  io: { stdin: NodeJS.ReadableStream; stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream; isTTY?: boolean },
  config: BaseConfig,
): Promise<number> {
  const { dataDir } = config;
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      limit: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      source: { type: 'string' },
      date: { type: 'string' },
    },
  });
  const [command, ...rest] = positionals;
  const print = (text: string) => io.stdout.write(`${text}\n`);
  const style = io.isTTY ? ansiStyle : plainStyle;
  const limit = values.limit === undefined ? CLI.defaultLimit : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > CLI.maxLimit) {
    io.stderr.write(`--limit must be a whole number from 1 to ${CLI.maxLimit}\n`);
    return 2;
  }
  if (values.help || !command) {
    print(USAGE);
    return command || values.help ? 0 : 2;
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

  if (command === 'db') return runDbCommand(rest[0], { databaseUrl: config.databaseUrl, stdout: io.stdout, stderr: io.stderr });

  // Logs go to stderr (warnings only), so stdout stays what the command promises.
  const library = await openLibrary({
    databaseUrl: config.databaseUrl,
    dataDir,
    logger: createLogger({ level: 'warn', pretty: false, destination: io.stderr }),
  });
  try {
    return await onLibrary(command, rest, values, library, config, io, print, style, limit);
  } finally {
    await library.store.close();
  }
}

async function onLibrary(
  command: string,
  rest: string[],
  values: { json?: boolean; source?: string; date?: string },
  library: PaperLibrary,
  config: BaseConfig,
  io: { stdin: NodeJS.ReadableStream; stderr: NodeJS.WritableStream },
  print: (text: string) => void,
  style: typeof plainStyle,
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
    case 'show':
      return showPaper(search, query, values.json ?? false, print, io, style);
    case 'similar': {
      const paper = search.get(query);
      if (!paper) return notFound(query, io);
      const hits = search.similar(paper.id, limit);
      print(values.json ? JSON.stringify({ id: paper.id, results: hits.map(resultJson) }) : hits.map((hit, i) => formatHit(hit, i + 1, style)).join('\n\n'));
      return 0;
    }
    default:
      io.stderr.write(`Unknown command "${command}".\n\n${USAGE}\n`);
      return 2;
  }
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

function showPaper(
  search: PaperSearch,
  ref: string,
  json: boolean,
  print: (t: string) => void,
  io: { stderr: NodeJS.WritableStream },
  style: typeof plainStyle,
): number {
  const paper = search.get(ref);
  if (!paper) return notFound(ref, io);
  print(json ? JSON.stringify(resultJson({ paper, score: 1 })) : formatPaper(paper, style));
  return 0;
}

function notFound(ref: string, io: { stderr: NodeJS.WritableStream }): number {
  io.stderr.write(`No paper with id "${ref}". Try \`paperbot search ${ref}\`.\n`);
  return 1;
}
