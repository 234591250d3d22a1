/**
 * `npm run bench:library`: the paper library (store + live search index, src/library) on SQLite
 * (a temporary file) and on Postgres (fresh databases on the local server, dropped after).
 * A benchmark, not a test: it prints figures and ratios and asserts no time limits.
 *
 * 1. Ingest: BENCH_PAPERS (10,000) synthetic papers as raw source answers, half Hugging Face
 *    daily-papers JSON, half arXiv Atom, 100 entries each (bench/source-pages.ts), each page
 *    parsed by the sources' own functions and stored with `library.add`, as a fetch does.
 *    Papers per second per stage and end to end.
 * 2. Start-up: a store filled with BENCH_BIG (100,000) papers; `openLibrary` plus the first
 *    search, timed in a fresh process, and that process's RSS after.
 * 3. Search while fetching: in that same process, the query set (bench/bench-queries.ts) in
 *    rounds alternating quiet and with a fetch running (`library.add` of 100 new papers every
 *    {@link LIVE}.everyMs), queries arriving on their own clock; p50/p99 of each.
 *
 * Each measure on each engine runs in a child process of its own, so neither engine inherits the
 * other's heap or JIT state. Postgres: BENCH_POSTGRES_URL, else postgres://postgres@127.0.0.1:5432/postgres;
 * skipped, with one line, when unreachable.
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { DEFAULT_DATA_DIR, RESULTS } from '../src/config.js';
import { loadCorpus } from '../src/corpus/load-corpus.js';
import type { Paper } from '../src/corpus/paper.js';
import type { PaperLibrary } from '../src/library/paper-library.js';
import { openLibrary } from '../src/library/open-library.js';
import { createLogger, type Logger } from '../src/logger.js';
import type { PaperSearch } from '../src/search/types.js';
import { countPapers, upsertPapers } from '../src/store/paper-repository.js';
import { startStore } from '../src/store/start-store.js';
import { benchQueries } from './bench-queries.js';
import { type BenchDatabase, benchServer, createPostgresDatabase, postgresProblem, sqliteFolder } from './bench-databases.js';
import { rssMb, settledHeapMb, summary } from './latency.js';
import { parsePage, type SourcePage, sourcePages } from './source-pages.js';
import { seededRandom, syntheticPapers } from './synthetic-corpus.js';

const PAPERS = Number(process.env.BENCH_PAPERS ?? 10_000);
const BIG = Number(process.env.BENCH_BIG ?? 100_000);
/** Entries per source answer, and so papers per `library.add`: what one fetch request brings. */
const FETCH_BATCH = 100;
/** Filling the big store (not timed as ingest): papers per `upsertPapers` transaction. */
const FILL_BATCH = 10_000;
/** The first question after start-up: the first of the examples on the Home tab. */
const FIRST_QUERY = RESULTS.exampleQueries[0];
/**
 * Search while fetching: `rounds` passes over the query set, alternately quiet and with a fetch
 * running, which adds a page of {@link FETCH_BATCH} new papers every `everyMs` (start to start).
 * A query arrives `thinkMs` (on average) after the previous answer. `pages` are generated up
 * front (the fetch loop stops early if they run out, and says so).
 */
const LIVE = { rounds: 20, everyMs: 200, thinkMs: 5, pages: 250 } as const;
/** Seeds of the synthetic pages: ingest and live fetches bring different papers. */
const SEEDS = { ingest: 1, live: 2 } as const;

type Engine = 'sqlite' | 'postgres';
const ENGINES: readonly Engine[] = ['sqlite', 'postgres'];
const ENGINE_NAMES: Record<Engine, string> = { sqlite: 'SQLite', postgres: 'Postgres' };
type Latency = ReturnType<typeof summary>;

interface IngestReport {
  papers: number;
  /** Parsing each source's pages: JSON + zod + toPaper, and Atom XML + toPaper. */
  parseMs: { 'hf-daily': number; arxiv: number };
  parsed: { 'hf-daily': number; arxiv: number };
  /** `library.add` in all, and the part of it spent in `search.upsert`. */
  addMs: number;
  indexMs: number;
  /** Wall time of the whole loop: parse, then add, page after page. */
  totalMs: number;
}

interface LibraryReport {
  papers: number;
  /** Node and the modules loaded, before `openLibrary`. */
  rssBeforeMb: number;
  /** `openLibrary`: in all, and its index build (as it logs it); the rest is the store. */
  openMs: number;
  indexBuildMs: number;
  firstSearchMs: number;
  firstHits: number;
  rssAfterMb: number;
  heapSettledMb: number;
  live: LiveReport;
}

interface LiveReport {
  queries: number;
  /** The search call alone, and from the query's arrival (it may wait for fetch work on the event loop, and for queries before it) to its answer. */
  quiet: { call: Latency; answer: Latency };
  fetching: { call: Latency; answer: Latency };
  /** Each `library.add` (with its parse) during the fetching rounds. */
  adds: Latency;
  papersAdded: number;
  /** Whether the prepared pages ran out (the last fetching round cut short, later rounds not run). */
  ranOut: boolean;
  rounds: number;
  sizeBefore: number;
  sizeAfter: number;
}

// ---------------------------------------------------------------------------------------------
// Child processes: one measure on one store.
// ---------------------------------------------------------------------------------------------

/** A logger that keeps its lines (JSON) for the caller to read; warnings and errors also go to stderr (stdout carries the report). */
function keptLogger(level: 'info' | 'warn'): { logger: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const write = (line: string) => {
    const parsed = JSON.parse(line) as Record<string, unknown>;
    lines.push(parsed);
    if (typeof parsed.level === 'number' && parsed.level >= 40) process.stderr.write(line);
  };
  return { logger: createLogger({ level, destination: { write } }), lines };
}

/**
 * Adds up the time `search.upsert` takes. NOTE: wraps the method on this one instance, so the
 * real `library.add` runs unchanged and its time splits into store and index.
 */
function timeUpserts(search: PaperSearch): { ms: number } {
  const timing = { ms: 0 };
  const upsert = search.upsert.bind(search);
  search.upsert = (papers) => {
    const started = performance.now();
    try {
      return upsert(papers);
    } finally {
      timing.ms += performance.now() - started;
    }
  };
  return timing;
}

/** Measure 1 on one (empty) store. */
async function ingest(databaseUrl: string): Promise<IngestReport> {
  const real = loadCorpus(DEFAULT_DATA_DIR).papers;
  const pages = sourcePages(real, { count: PAPERS, pageSize: FETCH_BATCH, seed: SEEDS.ingest });
  const library = await openLibrary({ databaseUrl, dataDir: DEFAULT_DATA_DIR, logger: keptLogger('warn').logger });
  try {
    const index = timeUpserts(library.search);
    const parseMs = { 'hf-daily': 0, arxiv: 0 };
    const parsed = { 'hf-daily': 0, arxiv: 0 };
    let addMs = 0;
    const started = performance.now();
    for (const page of pages) {
      const t0 = performance.now();
      const batch = parsePage(page);
      const t1 = performance.now();
      const result = await library.add(batch);
      const t2 = performance.now();
      if (result.added.length !== batch.length) throw new Error(`A page of ${batch.length} new papers added ${result.added.length}.`);
      parseMs[page.kind] += t1 - t0;
      parsed[page.kind] += batch.length;
      addMs += t2 - t1;
    }
    const totalMs = performance.now() - started;
    const expected = real.length + PAPERS;
    if (library.search.size !== expected || (await countPapers(library.store)) !== expected) {
      throw new Error(`Expected ${expected} papers in the store and the index, found ${await countPapers(library.store)} and ${library.search.size}.`);
    }
    return { papers: PAPERS, parseMs, parsed, addMs, indexMs: index.ms, totalMs };
  } finally {
    await library.store.close();
  }
}

/** Measures 2 and 3 on one store filled with {@link BIG} papers. */
async function library(databaseUrl: string): Promise<LibraryReport> {
  const real = loadCorpus(DEFAULT_DATA_DIR).papers;
  const queries = Object.values(benchQueries(real)).flat();
  const { logger, lines } = keptLogger('info');
  settledHeapMb();
  const rssBeforeMb = rssMb();

  const started = performance.now();
  const opened = await openLibrary({ databaseUrl, dataDir: DEFAULT_DATA_DIR, logger });
  const openMs = performance.now() - started;
  const first = opened.search.search(FIRST_QUERY, { limit: RESULTS.commandPageSize });
  const firstSearchMs = performance.now() - started - openMs;
  const rssAfterMb = rssMb();
  const heapSettledMb = settledHeapMb();
  const built = lines.find((line) => typeof line.indexMs === 'number');
  try {
    return {
      papers: opened.search.size,
      rssBeforeMb,
      openMs,
      indexBuildMs: (built?.indexMs as number | undefined) ?? Number.NaN,
      firstSearchMs,
      firstHits: first.total,
      rssAfterMb,
      heapSettledMb,
      live: await searchWhileFetching(opened, real, queries),
    };
  } finally {
    await opened.store.close();
  }
}

/**
 * Measure 3. One query at a time, each arriving a random while (exponential, {@link LIVE}.thinkMs
 * on average) after the previous answer, so arrivals fall at random moments of the fetch's work:
 * a query arriving while the fetch holds the event loop (parsing a page, the index upsert, a
 * SQLite statement) waits for it. "answer" is arrival to answer; "search call" the search alone.
 * NOTE: not a fixed arrival rate: with a fetch every 200 ms the event loop is busy most of the
 * time, and any fixed rate high enough for a short benchmark queues queries behind each other,
 * which would measure the chosen rate rather than the library.
 */
async function searchWhileFetching(library: PaperLibrary, real: readonly Paper[], queries: readonly string[]): Promise<LiveReport> {
  const pages = sourcePages(real, { count: LIVE.pages * FETCH_BATCH, pageSize: FETCH_BATCH, seed: SEEDS.live });
  const sizeBefore = library.search.size;
  const options = { limit: RESULTS.commandPageSize };
  for (const query of queries) library.search.search(query, options);

  const random = seededRandom(SEEDS.live);
  const times = { quiet: { call: [] as number[], answer: [] as number[] }, fetching: { call: [] as number[], answer: [] as number[] } };
  const adds: number[] = [];
  const cursor = { next: 0 };
  let rounds = 0;
  for (; rounds < LIVE.rounds && cursor.next < pages.length; rounds++) {
    const fetching = rounds % 2 === 1;
    const fetch = fetching ? startFetching(library, pages, cursor, adds) : undefined;
    const into = fetching ? times.fetching : times.quiet;
    for (const query of queries) {
      // NOTE: with no page left the fetch has ended: the round ends too, so that every "fetching" sample had one running.
      if (fetch?.finished) break;
      const arrival = performance.now() - Math.log(1 - random()) * LIVE.thinkMs;
      await until(arrival);
      const begun = performance.now();
      library.search.search(query, options);
      const done = performance.now();
      into.call.push(done - begun);
      into.answer.push(done - arrival);
    }
    await fetch?.stop();
  }
  return {
    queries: queries.length,
    quiet: { call: summary(times.quiet.call), answer: summary(times.quiet.answer) },
    fetching: { call: summary(times.fetching.call), answer: summary(times.fetching.answer) },
    adds: summary(adds),
    papersAdded: library.search.size - sizeBefore,
    ranOut: cursor.next >= pages.length,
    rounds,
    sizeBefore,
    sizeAfter: library.search.size,
  };
}

/**
 * Resolves at `time` (performance.now()), or after one event-loop turn if that is past, as the
 * callback of a request that has arrived: whatever is ready to run before it runs first. Sleeps
 * on a timer while more than 2 ms away, then spins on `setImmediate` (timers are ms-coarse).
 */
async function until(time: number): Promise<void> {
  const turn = () => new Promise((resolve) => setImmediate(resolve));
  for (let left = time - performance.now(); left > 2; left = time - performance.now()) await new Promise((resolve) => setTimeout(resolve, left - 2));
  do await turn();
  while (performance.now() < time);
}

/** A fetch as the scheduler runs one: parse a page, `library.add` it, every {@link LIVE}.everyMs. */
function startFetching(
  library: PaperLibrary,
  pages: readonly SourcePage[],
  cursor: { next: number },
  adds: number[],
): { stop(): Promise<void>; finished: boolean } {
  let stopped = false;
  let finished = false;
  let timer: NodeJS.Timeout | undefined;
  let wake: (() => void) | undefined;
  const loop = (async () => {
    while (!stopped && cursor.next < pages.length) {
      const started = performance.now();
      await library.add(parsePage(pages[cursor.next++]!));
      adds.push(performance.now() - started);
      // NOTE: always through a timer, as the scheduler starts each fetch, even when this one
      // overran: on SQLite a whole `library.add` runs without yielding (better-sqlite3 is
      // synchronous, so Kysely's promises settle as microtasks), and fetches chained by `await`
      // alone would hold the event loop for several in a row.
      if (!stopped) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          timer = setTimeout(resolve, Math.max(0, LIVE.everyMs - (performance.now() - started)));
        });
      }
    }
    finished = true;
  })();
  return {
    get finished() {
      return finished;
    },
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      wake?.();
      await loop;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The parent: stores, children, tables.
// ---------------------------------------------------------------------------------------------

type Mode = 'ingest' | 'library';

function inChild(mode: 'ingest', databaseUrl: string): IngestReport;
function inChild(mode: 'library', databaseUrl: string): LibraryReport;
function inChild(mode: Mode, databaseUrl: string): IngestReport | LibraryReport {
  const child = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), mode, databaseUrl], {
    env: process.env,
    encoding: 'utf8',
    maxBuffer: 1 << 20,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (child.status !== 0) throw new Error(`The ${mode} benchmark failed (exit ${child.status ?? child.signal}).`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as IngestReport | LibraryReport;
}

/** Fills a store with `papers` (migrated and seeded as at a real start first); papers per second. */
async function fill(databaseUrl: string, papers: readonly Paper[]): Promise<number> {
  const store = await startStore({ databaseUrl, dataDir: DEFAULT_DATA_DIR });
  try {
    const started = performance.now();
    for (let i = 0; i < papers.length; i += FILL_BATCH) {
      await upsertPapers(
        store,
        papers.slice(i, i + FILL_BATCH).map((paper) => ({ paper, extras: {}, source: 'bench' })),
      );
    }
    return papers.length / ((performance.now() - started) / 1000);
  } finally {
    await store.close();
  }
}

const load = () =>
  `load average ${loadavg()
    .map((n) => n.toFixed(2))
    .join(' / ')} (1 / 5 / 15 min)`;
const count = (n: number) => Math.round(n).toLocaleString('en-US');
const fixed = (digits: number) => (n: number) => n.toFixed(digits);
const rate = (papers: number, ms: number) => papers / (ms / 1000);
const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined || !(b > 0) ? '—' : `${(a / b).toFixed(2)}×`);

function printTable(header: readonly string[], rows: readonly (readonly string[])[]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('   ');
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}

/** One row per figure, a column per engine and SQLite/Postgres. */
function engineTable(firstHeader: string, rows: readonly { label: string; value: Partial<Record<Engine, number>>; format: (n: number) => string }[]): void {
  printTable(
    [firstHeader, ...ENGINES.map((e) => ENGINE_NAMES[e]), 'SQLite/Postgres'],
    rows.map(({ label, value, format }) => [
      label,
      ...ENGINES.map((e) => (value[e] === undefined ? '—' : format(value[e]!))),
      ratio(value.sqlite, value.postgres),
    ]),
  );
}

function printIngest(reports: Partial<Record<Engine, IngestReport>>): void {
  const each = (f: (r: IngestReport) => number) =>
    Object.fromEntries(ENGINES.flatMap((e) => (reports[e] ? [[e, f(reports[e]!)]] : []))) as Partial<Record<Engine, number>>;
  console.log(`\n1. Ingest: ${count(PAPERS)} papers, raw pages of ${FETCH_BATCH} (half Hugging Face JSON, half arXiv Atom), parse → library.add, papers/s`);
  engineTable('stage', [
    { label: 'parse, Hugging Face (JSON + zod + toPaper)', value: each((r) => rate(r.parsed['hf-daily'], r.parseMs['hf-daily'])), format: count },
    { label: 'parse, arXiv (Atom XML + toPaper)', value: each((r) => rate(r.parsed.arxiv, r.parseMs.arxiv)), format: count },
    { label: 'parse, both', value: each((r) => rate(r.papers, r.parseMs['hf-daily'] + r.parseMs.arxiv)), format: count },
    { label: 'store (library.add less the index upsert)', value: each((r) => rate(r.papers, r.addMs - r.indexMs)), format: count },
    { label: 'index (search.upsert)', value: each((r) => rate(r.papers, r.indexMs)), format: count },
    { label: 'library.add (store + index)', value: each((r) => rate(r.papers, r.addMs)), format: count },
    { label: 'end to end (parse + add)', value: each((r) => rate(r.papers, r.totalMs)), format: count },
  ]);
  console.log('Store = the transaction (lock, read, merge, write) plus reading the changed rows back for the index. Ratio above 1: SQLite faster.');
}

function printStartup(reports: Partial<Record<Engine, LibraryReport>>, fills: Partial<Record<Engine, number>>): void {
  const each = (f: (r: LibraryReport) => number) =>
    Object.fromEntries(ENGINES.flatMap((e) => (reports[e] ? [[e, f(reports[e]!)]] : []))) as Partial<Record<Engine, number>>;
  const papers = Object.values(reports)[0]?.papers ?? BIG;
  console.log(`\n2. Start-up to the first answer, ${count(papers)} papers in the store (a fresh process; "${FIRST_QUERY}" first)`);
  engineTable('', [
    { label: 'store: open, migrate, seed check, read all (s)', value: each((r) => (r.openMs - r.indexBuildMs) / 1000), format: fixed(2) },
    { label: 'index build (s)', value: each((r) => r.indexBuildMs / 1000), format: fixed(2) },
    { label: 'openLibrary (s)', value: each((r) => r.openMs / 1000), format: fixed(2) },
    { label: 'first search, cold (ms)', value: each((r) => r.firstSearchMs), format: fixed(1) },
    { label: 'time to first answer (s)', value: each((r) => (r.openMs + r.firstSearchMs) / 1000), format: fixed(2) },
    { label: 'RSS before openLibrary (MB)', value: each((r) => r.rssBeforeMb), format: fixed(0) },
    { label: 'RSS after the first answer (MB)', value: each((r) => r.rssAfterMb), format: fixed(0) },
    { label: 'heap after a full GC (MB)', value: each((r) => r.heapSettledMb), format: fixed(0) },
    { label: `filling the store (papers/s, batches of ${count(FILL_BATCH)})`, value: fills, format: count },
  ]);
  const hits = ENGINES.flatMap((e) => (reports[e] ? [`${ENGINE_NAMES[e]} ${count(reports[e]!.firstHits)}`] : [])).join(', ');
  console.log(`Ratio above 1: SQLite slower (times), bigger (memory) or faster (fill). First answer's total hits: ${hits}.`);
  console.log('The files and tables were just written, so the OS cache is warm: a cold-disk start reads slower.');
}

function printLive(reports: Partial<Record<Engine, LibraryReport>>): void {
  const present = ENGINES.filter((e) => reports[e]);
  if (present.length === 0) return;
  const any = reports[present[0]!]!.live;
  console.log(
    `\n3. Search while a fetch adds papers, ${count(any.sizeBefore)} papers at the start: ${any.queries} queries a round, rounds alternating (up to ${LIVE.rounds / 2} each); ` +
      `fetching = library.add of ${FETCH_BATCH} new papers every ${LIVE.everyMs} ms (ms)`,
  );
  const ms = (n: number) => n.toFixed(2);
  const rows: string[][] = [];
  for (const engine of present) {
    const { quiet, fetching } = reports[engine]!.live;
    for (const [label, kind] of [
      ['search call', 'call'],
      ['answer (incl. wait)', 'answer'],
    ] as const) {
      const [q, f] = [quiet[kind], fetching[kind]];
      rows.push([`${ENGINE_NAMES[engine]}, ${label}`, ms(q.p50), ms(f.p50), ratio(f.p50, q.p50), ms(q.p99), ms(f.p99), ratio(f.p99, q.p99)]);
    }
  }
  printTable(['', 'quiet p50', 'fetching p50', 'fetching/quiet', 'quiet p99', 'fetching p99', 'fetching/quiet'], rows);
  if (present.length === 2) {
    const [s, p] = [reports.sqlite!.live.fetching, reports.postgres!.live.fetching];
    console.log(`SQLite/Postgres while fetching: answer p50 ${ratio(s.answer.p50, p.answer.p50)}, p99 ${ratio(s.answer.p99, p.answer.p99)}.`);
  }
  for (const engine of present) {
    const live = reports[engine]!.live;
    console.log(
      `${ENGINE_NAMES[engine]}: ${live.adds.samples} fetch pages added ${count(live.papersAdded)} papers (${count(live.sizeBefore)} → ${count(live.sizeAfter)} in the index); ` +
        `each parse + library.add p50 ${ms(live.adds.p50)} ms, p99 ${ms(live.adds.p99)} ms` +
        (live.ranOut ? `; the ${LIVE.pages} prepared pages ran out after ${live.rounds} of ${LIVE.rounds} rounds (the last fetching round cut short).` : '.'),
    );
  }
  const samples = present
    .map((e) => `${ENGINE_NAMES[e]} ${reports[e]!.live.quiet.call.samples} quiet, ${reports[e]!.live.fetching.call.samples} fetching`)
    .join('; ');
  console.log(
    `Samples: ${samples}. One query at a time, each arriving ${LIVE.thinkMs} ms (on average, exponential) after the previous answer; ` +
      '"search call" = library.search.search alone; "answer" = from arrival to answer, waiting for whatever holds the event loop (fetch work, a GC).',
  );
}

async function main(): Promise<void> {
  console.log(`Paper library benchmark: Node ${process.version}, ${load()}.`);
  const pgProblem = await postgresProblem();
  const engines: Engine[] = pgProblem === null ? ['sqlite', 'postgres'] : ['sqlite'];
  if (pgProblem !== null) console.log(`Postgres skipped: ${benchServer()} unreachable (${pgProblem}).`);

  const sqlite = sqliteFolder('paperbot-bench-library-');
  const postgresDbs: BenchDatabase[] = [];
  const database = async (engine: Engine, label: string): Promise<BenchDatabase> => {
    if (engine === 'sqlite') return { url: sqlite.url(label), drop: async () => {} };
    const created = await createPostgresDatabase(label);
    postgresDbs.push(created);
    return created;
  };
  try {
    const ingests: Partial<Record<Engine, IngestReport>> = {};
    for (const engine of engines) {
      const db = await database(engine, 'ingest');
      ingests[engine] = inChild('ingest', db.url);
      await db.drop();
    }
    printIngest(ingests);
    console.log(load());

    const big = syntheticPapers(loadCorpus(DEFAULT_DATA_DIR).papers, { count: BIG });
    const fills: Partial<Record<Engine, number>> = {};
    const bigUrls: Partial<Record<Engine, string>> = {};
    for (const engine of engines) {
      const db = await database(engine, 'big');
      fills[engine] = await fill(db.url, big);
      bigUrls[engine] = db.url;
    }
    big.length = 0;
    const libraries: Partial<Record<Engine, LibraryReport>> = {};
    for (const engine of engines) libraries[engine] = inChild('library', bigUrls[engine]!);
    printStartup(libraries, fills);
    printLive(libraries);
    console.log(`\n${load()}. The machine is shared: compare engines within one run, not across runs.`);
  } finally {
    sqlite.remove();
    for (const db of postgresDbs) await db.drop();
  }
}

const [mode, databaseUrl] = process.argv.slice(2);
if (mode === 'ingest' && databaseUrl) console.log(JSON.stringify(await ingest(databaseUrl)));
else if (mode === 'library' && databaseUrl) console.log(JSON.stringify(await library(databaseUrl)));
else await main();
