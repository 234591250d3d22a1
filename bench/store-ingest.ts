/**
 * Store ingest throughput: synthetic papers through `upsertPapers` on SQLite (a temporary file)
 * and on Postgres (a fresh database on the local server, dropped after), in papers per second,
 * with the ratio SQLite/Postgres. 10,000 papers per phase by default (BENCH_PAPERS=n for
 * another count). Postgres is BENCH_POSTGRES_URL, else postgres://postgres@127.0.0.1:5432/postgres
 * (only used to create and drop the benchmark's own database). A benchmark, not a test.
 *
 * Build first (`npm run build`), then `node dist/bench/store-ingest.js`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { DEFAULT_DATA_DIR } from '../src/config.js';
import { loadCorpus } from '../src/corpus/load-corpus.js';
import type { Paper } from '../src/corpus/paper.js';
import type { SourcedPaper } from '../src/corpus/sourced-paper.js';
import { migrateToLatest } from '../src/store/migrate.js';
import { openStore } from '../src/store/open-store.js';
import { countPapers, upsertPapers } from '../src/store/paper-repository.js';
import { syntheticPapers } from './synthetic-corpus.js';

const COUNT = Number(process.env.BENCH_PAPERS ?? 10_000);
const FETCH_BATCH = 100;
const SERVER_URL = process.env.BENCH_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

type Engine = 'sqlite' | 'postgres';
const PHASES = ['insert, one batch', 'same again (unchanged)', 'new version (all updated)', `insert, batches of ${FETCH_BATCH}`] as const;
type Phase = (typeof PHASES)[number];

/** Papers per second in each phase, on one engine. */
async function run(databaseUrl: string, papers: readonly Paper[], more: readonly Paper[]): Promise<Record<Phase, number>> {
  const store = await openStore({ databaseUrl });
  try {
    await migrateToLatest(store);
    const batch = (list: readonly Paper[], version: number): SourcedPaper[] =>
      list.map((paper) => ({
        paper: version > 1 ? { ...paper, title: `${paper.title} (v${version})` } : paper,
        extras: { version, upvotes: version },
        source: 'bench',
      }));
    const timed = async (work: () => Promise<unknown>, n: number) => {
      const start = performance.now();
      await work();
      return n / ((performance.now() - start) / 1000);
    };
    const result = {
      'insert, one batch': await timed(() => upsertPapers(store, batch(papers, 1)), papers.length),
      'same again (unchanged)': await timed(() => upsertPapers(store, batch(papers, 1)), papers.length),
      'new version (all updated)': await timed(() => upsertPapers(store, batch(papers, 2)), papers.length),
      [`insert, batches of ${FETCH_BATCH}`]: await timed(async () => {
        for (let i = 0; i < more.length; i += FETCH_BATCH) await upsertPapers(store, batch(more.slice(i, i + FETCH_BATCH), 1));
      }, more.length),
    } as Record<Phase, number>;
    const stored = await countPapers(store);
    if (stored !== papers.length + more.length) throw new Error(`Expected ${papers.length + more.length} papers stored, found ${stored}.`);
    return result;
  } finally {
    await store.close();
  }
}

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: SERVER_URL, connectionTimeoutMillis: 3_000 });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const all = syntheticPapers(loadCorpus(DEFAULT_DATA_DIR).papers, { count: 2 * COUNT });
  const papers = all.slice(0, COUNT);
  const more = all.slice(COUNT);
  const results: Partial<Record<Engine, Record<Phase, number>>> = {};

  const dir = mkdtempSync(join(tmpdir(), 'paperbot-bench-store-'));
  try {
    results.sqlite = await run(`sqlite:${join(dir, 'bench.sqlite')}`, papers, more);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const name = `paperbot_bench_${process.pid}`;
  let created = false;
  try {
    await admin(`create database ${name} template template0`);
    created = true;
  } catch (error) {
    process.stderr.write(`Postgres part skipped: cannot create a database on ${SERVER_URL.replace(/:[^:@/]*@/, ':***@')} (${(error as Error).message}).\n`);
  }
  if (created) {
    const url = new URL(SERVER_URL);
    url.pathname = `/${name}`;
    try {
      results.postgres = await run(url.toString(), papers, more);
    } finally {
      await admin(`drop database if exists ${name}`);
    }
  }

  const fmt = (n: number | undefined) => (n === undefined ? '—' : Math.round(n).toLocaleString('en-US'));
  const rows = PHASES.map((phase) => {
    const s = results.sqlite?.[phase];
    const p = results.postgres?.[phase];
    return [phase, fmt(s), fmt(p), s !== undefined && p !== undefined ? `${(s / p).toFixed(2)}×` : '—'];
  });
  const header = ['phase', 'SQLite papers/s', 'Postgres papers/s', 'SQLite/Postgres'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join('   ');
  console.log(`Store ingest, ${COUNT.toLocaleString('en-US')} synthetic papers per phase (Node ${process.version})\n`);
  console.log(line(header));
  for (const row of rows) console.log(line(row as string[]));
}

await main();
