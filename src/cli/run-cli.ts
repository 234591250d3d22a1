import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { CLI } from '../config.js';
import { ingest } from '../corpus/ingest.js';
import { IngestError } from '../corpus/ingest-error.js';
import { loadCorpus } from '../corpus/load-corpus.js';
import { createPaperSearch } from '../search/paper-search.js';
import type { PaperSearch } from '../search/types.js';
import { ansiStyle, formatPaper, formatResponse, formatHit, plainStyle } from './format-terminal.js';
import { resultJson } from './result-json.js';

const USAGE = `Usage: paperbot <command>

  search [--json] [--limit N] [QUERY]   find papers; with no QUERY, one query per line from stdin
  show ID                               one paper in full (id, arXiv id or URL)
  similar [--json] [--limit N] ID       papers most like ID
  ingest                                parse data/sources into data/papers.json

Query syntax: "quoted phrase", -exclude, author:name, year:2024, has:code, an arXiv id or URL.`;

/** Runs one CLI invocation; returns the exit code. Streams and settings (`readBaseConfig`) are injectable for tests. */
export async function runCli(
  argv: string[],
  io: { stdin: NodeJS.ReadableStream; stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream; isTTY?: boolean },
  dataDir: string,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false }, limit: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
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

  const search = createPaperSearch(loadCorpus(dataDir).papers);
  const query = rest.join(' ');
  switch (command) {
    case 'search': {
      const answer = (q: string) => {
        const response = search.search(q, { limit });
        print(values.json ? JSON.stringify({ query: q, total: response.total, suggestion: response.suggestion, results: response.hits.map(resultJson) }) : formatResponse(response, style));
      };
      if (query) answer(query);
      else for await (const line of createInterface({ input: io.stdin, crlfDelay: Infinity })) answer(line);
      return 0;
    }
    case 'show':
      return showPaper(search, query, values.json, print, io, style);
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

function showPaper(search: PaperSearch, ref: string, json: boolean, print: (t: string) => void, io: { stderr: NodeJS.WritableStream }, style: typeof plainStyle): number {
  const paper = search.get(ref);
  if (!paper) return notFound(ref, io);
  print(json ? JSON.stringify(resultJson({ paper, score: 1 })) : formatPaper(paper, style));
  return 0;
}

function notFound(ref: string, io: { stderr: NodeJS.WritableStream }): number {
  io.stderr.write(`No paper with id "${ref}". Try \`paperbot search ${ref}\`.\n`);
  return 1;
}
