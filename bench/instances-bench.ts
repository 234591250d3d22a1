import { parseArgs } from 'node:util';
import { LIBRARY } from '../src/config.js';
import { readBaseConfig } from '../src/env-config.js';
import { createLogger } from '../src/logger.js';
import { startLibrary } from '../src/start-library.js';
import { createPostgresDatabase, postgresProblem, benchServer } from './bench-databases.js';
import { percentile } from './latency.js';

/**
 * `npm run bench:instances`: two instances' libraries on one Postgres (started as main starts
 * them, following the store), one storing a paper at a time, the other searched until the paper
 * is found: how long a paper stored on one instance takes to become searchable on the other.
 * The baseline, in the same run: the same instance, where a stored paper is searchable when
 * `add` resolves.
 *
 *   --papers 40   papers stored one after another (each waits until the other instance has it)
 */
const { values: flags } = parseArgs({ options: { papers: { type: 'string', default: '40' } } });
const PAPERS = Number(flags.papers);

const problem = await postgresProblem();
if (problem) {
  console.error(`bench:instances needs PostgreSQL at ${benchServer()}: ${problem}`);
  process.exit(1);
}
const database = await createPostgresDatabase('instances');
const logger = createLogger({ level: 'warn', pretty: false });
const config = { ...readBaseConfig({ DATABASE_URL: database.url, PAPERBOT_SOURCES: 'none' }), mode: 'http' as const };
const writer = await startLibrary(config, logger);
const reader = await startLibrary(config, logger);
writer.start();
reader.start();
try {
  const here: number[] = [];
  const there: number[] = [];
  for (let i = 0; i < PAPERS; i++) {
    const id = `2612.${String(10_000 + i).padStart(5, '0')}`;
    const paper = {
      id,
      arxivId: id,
      title: `Benchmark paper ${i} on follower latency`,
      abstract: 'A paper stored by one instance and looked for on another.',
      rawAbstract: 'A paper stored by one instance and looked for on another.',
      authors: ['Ada Lovelace'],
      published: '2026-12',
      tldr: 'A paper stored by one instance and looked for on another.',
      links: { abs: `https://arxiv.org/abs/${id}`, pdf: `https://arxiv.org/pdf/${id}`, code: [], project: [] },
      source: { file: 'bench', line: i + 1 },
    };
    // NOTE: a random pause first, or every store would come right after the reader's last look
    // (the loop waits for it) and measure the whole interval each time.
    await new Promise((resolve) => setTimeout(resolve, Math.random() * LIBRARY.followIntervalMs));
    const started = performance.now();
    await writer.library.add([{ paper, extras: {}, source: 'bench' }]);
    here.push(performance.now() - started);
    while (!reader.library.search.get(id)) await new Promise((resolve) => setTimeout(resolve, 2));
    there.push(performance.now() - started);
  }
  here.sort((x, y) => x - y);
  there.sort((x, y) => x - y);
  const line = (label: string, samples: number[]) =>
    `${label.padEnd(26)} p50 ${percentile(samples, 50).toFixed(0).padStart(5)} ms   p99 ${percentile(samples, 99).toFixed(0).padStart(5)} ms   max ${Math.max(
      ...samples,
    )
      .toFixed(0)
      .padStart(5)} ms`;
  console.log(`Stored ${PAPERS} papers on one instance, one at a time, on Postgres ${benchServer()}; the other follows every ${LIBRARY.followIntervalMs} ms.`);
  console.log(line('searchable on the same one', here));
  console.log(line('searchable on the other', there));
  console.log(
    `ratio (other / same, p50)   ${(percentile(there, 50) / percentile(here, 50)).toFixed(1)}×; p99 vs the follow interval ${(percentile(there, 99) / LIBRARY.followIntervalMs).toFixed(2)}×`,
  );
} finally {
  await writer.close();
  await reader.close();
  await database.drop();
}
