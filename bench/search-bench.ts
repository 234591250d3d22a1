/**
 * `npm run bench:search`: our search against plain MiniSearch defaults on a deterministic
 * synthetic corpus (100,000 abstracts by default; BENCH_PAPERS=n for another size). Reports build
 * time, heap after build, snapshot save and start-from-snapshot time, RSS, and query latency
 * p50/p99 per kind of query, as figures and as ratios ours/plain. Then papers arriving live
 * (`upsert`): its latency for one paper and for a batch, and query p99 while batches arrive
 * every {@link LIVE}.everyMs, beside p99 with none; and a forced refresh of the semantic model,
 * with the longest a search waited for it. A benchmark, not a test.
 *
 * Each engine runs in a child process of its own, so neither inherits the other's heap.
 * BENCH_OPTIONS='<json>' merges search options over the defaults (src/search/options.ts), e.g.
 * to time other prefix or fuzzy expansion limits without editing source.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import MiniSearch from 'minisearch';
import { DEFAULT_DATA_DIR } from '../src/config.js';
import { loadCorpus } from '../src/corpus/load-corpus.js';
import { changedSearchOptions, mergeSearchOptions } from '../src/search/options.js';
import { createPaperSearch } from '../src/search/paper-search.js';
import { PlainSearch } from '../src/search/plain-search.js';
import { benchQueries, type QueryKind } from './bench-queries.js';
import { latencies, rssMb, settledHeapMb, summary, time } from './latency.js';
import { syntheticPapers } from './synthetic-corpus.js';

const COUNT = Number(process.env.BENCH_PAPERS ?? 100_000);
/** Rounds over the 20 queries of each kind; plain MiniSearch is far slower, so it gets one. */
const ROUNDS = { ours: 10, plain: 1 };
/** Snapshot growth: what the second stage added to it (the semantic model, the phrase pairs). */
const AIMS = { p99Ms: 25, buildS: 30, startS: 5, rssMb: 1500, growthMb: 60 };
/** Our engine's search options: the defaults, or BENCH_OPTIONS merged over them. */
const OPTIONS = mergeSearchOptions(process.env.BENCH_OPTIONS ? JSON.parse(process.env.BENCH_OPTIONS) : {});

/**
 * Papers arriving after the start: single upserts (new papers, and newer versions of papers
 * already there), batches, then `rounds` over the queries of every kind, alternately with no
 * upserts and with a batch upserted every `everyMs` (alternating, so that both see the same
 * machine load and the same, growing, index).
 */
const LIVE = { singles: 100, batches: 20, batchSize: 100, everyMs: 100, rounds: 20, interleavedBatches: 80 };

type Engine = 'ours' | 'plain';
type Latency = { p50: number; p99: number; samples: number };

interface LiveReport {
  buildMs: number;
  /** The first upsert after the start also counts what later ones keep up to date. */
  firstMs: number;
  upserts: { label: string; latency: Latency }[];
  /** Per kind: query latency in rounds with no upserts, and in rounds with upserts between queries. */
  queries: Record<string, { none: Latency; during: Latency }>;
  /** Batches upserted while queries ran, and how long each took. */
  during: Latency;
  papersAtEnd: number;
}

/** Builds our engine, then times upserts, and queries with and without upserts between them, in this process. */
function runLive(): LiveReport {
  const real = loadCorpus(DEFAULT_DATA_DIR).papers;
  const pool = 1 + LIVE.singles * 2 + (LIVE.batches + LIVE.interleavedBatches) * LIVE.batchSize;
  const generated = syntheticPapers(real, { count: COUNT + pool });
  let next = COUNT;
  const take = (count: number) => {
    next += count;
    return generated.slice(next - count, next);
  };
  const queries = benchQueries(real);
  const kinds = Object.keys(queries) as QueryKind[];
  const built = time(() => createPaperSearch(generated.slice(0, COUNT), { options: OPTIONS }));
  const search = built.value;
  const timed = (count: number, run: (i: number) => unknown) => summary(Array.from({ length: count }, (_, i) => time(() => run(i)).ms));

  const firstMs = time(() => search.upsert(take(1))).ms;
  const upserts = [
    { label: '1 new paper', latency: timed(LIVE.singles, () => search.upsert(take(1))) },
    {
      label: '1 newer version',
      latency: timed(LIVE.singles, (i) => {
        // A paper already there gets another title and abstract, as a new arXiv version brings.
        const [text] = take(1);
        return search.upsert([{ ...generated[(i * 997) % COUNT]!, title: text!.title, abstract: text!.abstract }]);
      }),
    },
    { label: `${LIVE.batchSize} new papers`, latency: timed(LIVE.batches, () => search.upsert(take(LIVE.batchSize))) },
  ];

  for (const kind of kinds) for (const query of queries[kind]) search.search(query);
  const none: Record<string, number[]> = Object.fromEntries(kinds.map((kind) => [kind, []]));
  const during: Record<string, number[]> = Object.fromEntries(kinds.map((kind) => [kind, []]));
  const batches: number[] = [];
  for (let round = 0; round < LIVE.rounds; round++) {
    const upserting = round % 2 === 1;
    let due = performance.now() + LIVE.everyMs;
    for (const kind of kinds) {
      for (const query of queries[kind]) {
        if (upserting && performance.now() >= due && batches.length < LIVE.interleavedBatches) {
          batches.push(time(() => search.upsert(take(LIVE.batchSize))).ms);
          due = performance.now() + LIVE.everyMs;
        }
        (upserting ? during : none)[kind]!.push(time(() => search.search(query)).ms);
      }
    }
  }
  return {
    buildMs: built.ms,
    firstMs,
    upserts,
    queries: Object.fromEntries(kinds.map((kind) => [kind, { none: summary(none[kind]!), during: summary(during[kind]!) }])),
    during: summary(batches),
    papersAtEnd: search.size,
  };
}

interface Report {
  generateMs: number;
  buildMs: number;
  heapMb: number;
  saveMs: number;
  snapshotMb: number;
  /** Of the snapshot, the semantic model and the phrase pairs' sets (ours only). */
  semanticMb: number;
  pairsMb: number;
  startMs: number;
  /** After starting from the snapshot and answering every query: what a running bot holds. */
  servingRssMb: number;
  /** Highest seen, building and saving included. */
  peakRssMb: number;
  queries: Record<string, { p50: number; p99: number; samples: number }>;
}

/** A refresh of the semantic model, forced by papers arriving on a search of COUNT papers. */
const REFRESH = { arriving: 2_000 };

interface RefreshReport {
  upsertMs: number;
  refreshMs: number;
  /** The longest the event loop waited for a slice of the refresh, between two searches. */
  longestPauseMs: number;
  searches: number;
}

/**
 * Forces a refresh of the semantic model (its share set so that REFRESH.arriving papers start
 * one) and serves searches, one per event-loop turn, until it is over: how long it took, and
 * the longest any search waited for it.
 */
async function runRefresh(): Promise<RefreshReport> {
  const real = loadCorpus(DEFAULT_DATA_DIR).papers;
  const generated = syntheticPapers(real, { count: COUNT + REFRESH.arriving });
  const refreshShare = REFRESH.arriving / COUNT / 2;
  const search = createPaperSearch(generated.slice(0, COUNT), { options: { ...OPTIONS, semantic: { ...OPTIONS.semantic, refreshShare } } });
  const queries = benchQueries(real)['three words'];
  let [longest, searches, finished, last] = [0, 0, false, 0];
  const tick = () => {
    longest = Math.max(longest, performance.now() - last);
    search.search(queries[searches++ % queries.length]!);
    last = performance.now();
    if (!finished) setImmediate(tick);
  };
  const started = performance.now();
  const upsertMs = time(() => search.upsert(generated.slice(COUNT))).ms;
  last = performance.now();
  setImmediate(tick);
  await search.settled!();
  finished = true;
  return { upsertMs, refreshMs: performance.now() - started, longestPauseMs: longest, searches };
}

/** Builds, saves, restarts from the snapshot and times queries, in this process. */
function run(engine: Engine): Report {
  const real = loadCorpus(DEFAULT_DATA_DIR).papers;
  const generated = time(() => syntheticPapers(real, { count: COUNT }));
  const papers = generated.value;
  const queries = benchQueries(real);
  const path = join(tmpdir(), `paperbot-bench-${engine}-${process.pid}.snapshot`);
  let peak = rssMb();
  const heapBefore = settledHeapMb();

  let search: ((query: string, kind: QueryKind) => unknown) | null = null;
  let buildMs: number;
  let heapMb: number;
  let saveMs: number;
  let snapshotBytes: number;
  let semanticMb = 0;
  let pairsMb = 0;
  let startMs: number;
  if (engine === 'ours') {
    let built: ReturnType<typeof createPaperSearch> | null = null;
    buildMs = time(() => (built = createPaperSearch(papers, { options: OPTIONS }))).ms;
    peak = Math.max(peak, rssMb());
    heapMb = settledHeapMb() - heapBefore;
    const saved = time(() => {
      const bytes = built!.snapshot!();
      writeFileSync(path, bytes);
      return bytes;
    });
    [saveMs, snapshotBytes] = [saved.ms, saved.value.length];
    const extra = secondStageBytes(saved.value);
    [semanticMb, pairsMb] = [extra.semantic / 1e6, extra.pairs / 1e6];
    peak = Math.max(peak, rssMb());
    built = null;
    settledHeapMb();
    const started = time(() => createPaperSearch(papers, { snapshot: readFileSync(path), options: OPTIONS }));
    startMs = started.ms;
    search = (q) => started.value.search(q);
  } else {
    let built: PlainSearch | null = null;
    buildMs = time(() => (built = new PlainSearch(papers))).ms;
    peak = Math.max(peak, rssMb());
    heapMb = settledHeapMb() - heapBefore;
    const saved = time(() => {
      const json = JSON.stringify(built!.index);
      writeFileSync(path, json);
      return json.length;
    });
    [saveMs, snapshotBytes] = [saved.ms, saved.value];
    peak = Math.max(peak, rssMb());
    built = null;
    settledHeapMb();
    const started = time(() => MiniSearch.loadJSON(readFileSync(path, 'utf8'), { fields: ['title', 'abstract'] }));
    startMs = started.ms;
    // NOTE: MiniSearch's defaults match neither typos nor prefixes; for those two kinds it gets
    // its own option for them, so both engines do comparable work.
    search = (q, kind) => started.value.search(q, kind === 'typo' ? { fuzzy: 0.2 } : kind === 'prefix' ? { prefix: true } : {});
  }
  rmSync(path, { force: true });
  peak = Math.max(peak, rssMb());
  const kinds = Object.keys(queries) as QueryKind[];
  const measured = Object.fromEntries(kinds.map((kind) => [kind, latencies(queries[kind], ROUNDS[engine], (q) => search!(q, kind))]));
  settledHeapMb();
  const servingRssMb = rssMb();
  return {
    generateMs: generated.ms,
    buildMs,
    heapMb,
    saveMs,
    snapshotMb: snapshotBytes / 1e6,
    semanticMb,
    pairsMb,
    startMs,
    servingRssMb,
    peakRssMb: Math.max(peak, servingRssMb),
    queries: measured,
  };
}

/**
 * Bytes a snapshot of ours holds beyond the index itself: the semantic model (its arrays and
 * vocabulary) and the phrase pairs' sets (see `writeSnapshot` in src/search/index-parts.ts: a
 * 4-byte header length, the JSON header, the arrays).
 */
function secondStageBytes(snapshot: Uint8Array): { semantic: number; pairs: number } {
  const bytes = Buffer.from(snapshot.buffer, snapshot.byteOffset, snapshot.byteLength);
  const header = JSON.parse(bytes.toString('utf8', 4, 4 + bytes.readUInt32LE(0))) as {
    semantic: object;
    pairs: object;
    extraLayout: Record<string, { length: number; type: 'Int8Array' | 'Int32Array' | 'Float32Array' }>;
  };
  const arrays = (prefix: string) =>
    Object.entries(header.extraLayout)
      .filter(([name]) => name.startsWith(prefix))
      .reduce((sum, [, { length, type }]) => sum + length * (type === 'Int8Array' ? 1 : 4), 0);
  return {
    semantic: arrays('semantic.') + JSON.stringify(header.semantic).length,
    pairs: arrays('pairs.') + JSON.stringify(header.pairs).length,
  };
}

/** Runs one engine in a fresh `node --expose-gc` and reads back its report. */
function inChild(engine: 'ours' | 'plain'): Report;
function inChild(engine: 'live'): LiveReport;
function inChild(engine: 'refresh'): RefreshReport;
function inChild(engine: Engine | 'live' | 'refresh'): Report | LiveReport | RefreshReport {
  const child = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), engine], {
    env: process.env,
    encoding: 'utf8',
    maxBuffer: 1 << 20,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (child.status !== 0) throw new Error(`The ${engine} benchmark failed (exit ${child.status ?? child.signal}).`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as Report | LiveReport | RefreshReport;
}

function print(ours: Report, plain: Report): void {
  const pad = (text: string, width: number) => text.padStart(width);
  const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : '–');
  const row = (label: string, a: number, b: number, unit: string, digits: number, aim?: number) =>
    `${label.padEnd(26)}${pad(`${a.toFixed(digits)} ${unit}`, 13)}${pad(`${b.toFixed(digits)} ${unit}`, 13)}${pad(ratio(a, b), 12)}` +
    (aim === undefined ? '' : `   aim ≤ ${aim} ${unit}: ${a <= aim ? 'met' : 'NOT met'}`);
  const real = loadCorpus(DEFAULT_DATA_DIR).papers;
  const queries = benchQueries(real);
  const kinds = Object.keys(queries) as QueryKind[];
  console.log(
    `${COUNT.toLocaleString('en')} synthetic papers (seeded bigram walks over the ${real.length} real abstracts), generated in ${(ours.generateMs / 1000).toFixed(1)} s.`,
  );
  console.log(`20 queries per kind, e.g. ${kinds.map((k) => `${k}: ${queries[k][0]}`).join('; ')}.\n`);
  const overrides = changedSearchOptions(OPTIONS);
  if (overrides.length > 0)
    console.log(`Our search options (BENCH_OPTIONS): ${overrides.map((o) => `${o.path} = ${o.value} (default ${o.default})`).join(', ')}.\n`);
  console.log(`${''.padEnd(26)}${pad('ours', 13)}${pad('plain', 13)}${pad('ours/plain', 12)}`);
  console.log(row('build', ours.buildMs / 1000, plain.buildMs / 1000, 's', 1, AIMS.buildS));
  console.log(row('heap after build', ours.heapMb, plain.heapMb, 'MB', 0));
  console.log(row('snapshot save (to disk)', ours.saveMs / 1000, plain.saveMs / 1000, 's', 1));
  console.log(row('snapshot size', ours.snapshotMb, plain.snapshotMb, 'MB', 0));
  const growth = ours.semanticMb + ours.pairsMb;
  console.log(`${'  of it, semantic model'.padEnd(26)}${pad(`${ours.semanticMb.toFixed(1)} MB`, 13)}`);
  console.log(`${'  of it, phrase pairs'.padEnd(26)}${pad(`${ours.pairsMb.toFixed(1)} MB`, 13)}`);
  console.log(
    `${'  growth (those two)'.padEnd(26)}${pad(`${growth.toFixed(1)} MB`, 13)}${''.padStart(25)}   aim ≤ ${AIMS.growthMb} MB: ${growth <= AIMS.growthMb ? 'met' : 'NOT met'}`,
  );
  console.log(row('start from snapshot', ours.startMs / 1000, plain.startMs / 1000, 's', 1, AIMS.startS));
  console.log(row('RSS serving', ours.servingRssMb, plain.servingRssMb, 'MB', 0, AIMS.rssMb));
  console.log(row('RSS peak (build + save)', ours.peakRssMb, plain.peakRssMb, 'MB', 0));
  console.log(`\nquery latency (ours: ${ours.queries[kinds[0]!]!.samples} samples per kind, plain: ${plain.queries[kinds[0]!]!.samples})`);
  for (const kind of kinds) {
    const [o, p] = [ours.queries[kind]!, plain.queries[kind]!];
    console.log(row(`${kind} p50`, o.p50, p.p50, 'ms', 2));
    console.log(row(`${kind} p99`, o.p99, p.p99, 'ms', 2, AIMS.p99Ms));
  }
  console.log('\nplain = MiniSearch defaults, fields title + abstract (for typo queries fuzzy: 0.2, for prefix queries prefix: true).');
  console.log(`Both engines index the same papers; RSS includes the ${COUNT.toLocaleString('en')} Paper objects themselves.`);
}

function printLive(live: LiveReport): void {
  const ms = (value: number) => `${value.toFixed(2)} ms`.padStart(12);
  console.log(`\npapers arriving live (upsert), on a search built from ${COUNT.toLocaleString('en')} papers in ${(live.buildMs / 1000).toFixed(1)} s`);
  console.log(`first upsert after the start: ${live.firstMs.toFixed(0)} ms (counts, once, what later upserts keep up to date)`);
  console.log(`${''.padEnd(28)}${'p50'.padStart(12)}${'p99'.padStart(12)}   samples`);
  for (const { label, latency } of live.upserts) console.log(`${`upsert ${label}`.padEnd(28)}${ms(latency.p50)}${ms(latency.p99)}   ${latency.samples}`);
  console.log(`${`upsert ${LIVE.batchSize}, between queries`.padEnd(28)}${ms(live.during.p50)}${ms(live.during.p99)}   ${live.during.samples}`);
  console.log(
    `\nquery latency with no upserts, and with ${LIVE.batchSize} papers upserted every ${LIVE.everyMs} ms between queries (rounds alternate; ${live.papersAtEnd.toLocaleString('en')} papers at the end)`,
  );
  console.log(`${''.padEnd(28)}${'none'.padStart(12)}${'upserting'.padStart(12)}${'ratio'.padStart(10)}`);
  for (const [kind, { none, during }] of Object.entries(live.queries)) {
    for (const p of ['p50', 'p99'] as const) {
      console.log(`${`${kind} ${p}`.padEnd(28)}${ms(none[p])}${ms(during[p])}${(none[p] > 0 ? (during[p] / none[p]).toFixed(2) : '–').padStart(10)}`);
    }
  }
  console.log('Query times leave out the upserts between them: a query that comes in during an upsert also waits for it (see the upsert rows).');
}

function printRefresh(refresh: RefreshReport): void {
  console.log(
    `\nthe semantic model learnt again (forced by ${REFRESH.arriving.toLocaleString('en')} arrivals on ${COUNT.toLocaleString('en')} papers): ` +
      `upsert ${refresh.upsertMs.toFixed(0)} ms, refresh ${(refresh.refreshMs / 1000).toFixed(1)} s while ${refresh.searches.toLocaleString('en')} searches were served, ` +
      `the longest a search waited for it ${refresh.longestPauseMs.toFixed(1)} ms`,
  );
}

const engine = process.argv[2] as Engine | 'live' | 'refresh' | undefined;
if (engine === 'ours' || engine === 'plain') console.log(JSON.stringify(run(engine)));
else if (engine === 'live') console.log(JSON.stringify(runLive()));
else if (engine === 'refresh') console.log(JSON.stringify(await runRefresh()));
else {
  print(inChild('ours'), inChild('plain'));
  printLive(inChild('live'));
  printRefresh(inChild('refresh'));
}
