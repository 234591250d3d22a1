import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_DATA_DIR } from '../../src/config.js';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { serveModel, type SlackHttpServer } from '../../src/slack-stand-in/http-server.js';
import { WebApiModel } from '../../src/slack-stand-in/web-api-model.js';
import { EXAMPLE_WORKSPACE, SlackWorkspace } from '../../src/slack-stand-in/workspace.js';
import { drive, type DriveResult } from './driver.js';
import { click, command, mention, QUERIES, type SignedRequest } from './slack-requests.js';
import { mb, ms, slope, summarize, type Summary } from './stats.js';

/**
 * `npm run bench:load`: signed `/paper` commands over HTTP at a fixed concurrency against
 * Paperbot's real receiver and against a bare Bolt app that acks a fixed text, alternated in
 * rounds; then a mixed soak (commands, mentions, button clicks) against Paperbot, watching its
 * memory. Each target runs in a process of its own; this one only sends (127.0.0.1 only).
 *
 *   --commands 20000   commands per target, over all rounds
 *   --rounds 4         alternations (paperbot, bare, paperbot, bare, …)
 *   --concurrency 32   requests in flight
 *   --soak 60          seconds of mixed load (300 for the full five minutes; 0 to skip)
 *   --cold 4000        commands for Paperbot with every query new to its answer cache (0 to skip)
 *   --help             this list
 *
 * Slack's side is the Slack stand-in's Web API model on a local port (src/slack-stand-in), open
 * to the ids made up here, keeping only its newest messages.
 */
const USAGE = `npm run bench:load -- [options]
  --commands 20000   commands per target, over all rounds
  --rounds 4         alternations (paperbot, bare, paperbot, bare, …)
  --concurrency 32   requests in flight
  --soak 60          seconds of mixed load (300 for the full five minutes; 0 to skip)
  --cold 4000        commands for Paperbot with every query new to its answer cache (0 to skip)
  --help             this list`;
const { values: flags } = parseArgs({
  options: {
    commands: { type: 'string', default: '20000' },
    rounds: { type: 'string', default: '4' },
    concurrency: { type: 'string', default: '32' },
    soak: { type: 'string', default: '60' },
    cold: { type: 'string', default: '4000' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (flags.help) {
  console.log(USAGE);
  process.exit(0);
}
const COMMANDS = Number(flags.commands);
const ROUNDS = Number(flags.rounds);
const CONCURRENCY = Number(flags.concurrency);
const SOAK_SECONDS = Number(flags.soak);
const COLD = Number(flags.cold);
const WARMUP = 1_000;
const SAMPLE_EVERY_MS = 5_000;
/** Messages the stand-in keeps: enough for any thread a run refers back to, flat memory over a soak. */
const SLACK_KEEPS = 1_000;

type Kind = 'paperbot' | 'bare';
interface Target {
  kind: Kind;
  child: ChildProcess;
  port: number;
}
interface Memory {
  rss: number;
  heapUsed: number;
  /** CPU time the target has used so far (user + system), µs. */
  cpuMicros: number;
}

const TARGET_SCRIPT = fileURLToPath(new URL('./target.js', import.meta.url));

async function startTarget(kind: Kind, apiUrl: string): Promise<Target> {
  const child = fork(TARGET_SCRIPT, [kind, apiUrl], { execArgv: ['--expose-gc'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const [message] = (await once(child, 'message')) as [{ type: string; port: number }];
  return { kind, child, port: message.port };
}

async function memoryOf(target: Target, gc = false): Promise<Memory> {
  target.child.send({ type: 'memory', gc });
  const [message] = (await once(target.child, 'message')) as [Memory];
  return message;
}

async function stopTarget(target: Target): Promise<void> {
  const exited = once(target.child, 'exit');
  target.child.send({ type: 'stop' });
  await exited;
}

function commands(responseUrl: string, queries: readonly string[] = QUERIES): () => SignedRequest {
  let i = 0;
  return () => command(queries[i++ % queries.length]!, responseUrl);
}

/**
 * Two- and three-word runs from the corpus's titles: real queries, more of them than the answer
 * cache holds, so sent in turn each one is new to it (the search and render path every time).
 */
function coldQueries(titles: readonly string[]): string[] {
  const queries = new Set<string>();
  for (const title of titles) {
    const words = title.toLowerCase().match(/[a-z]{4,}/g) ?? [];
    for (let i = 0; i + 1 < words.length; i++) {
      queries.add(`${words[i]} ${words[i + 1]}`);
      if (i + 2 < words.length) queries.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
    }
  }
  return [...queries];
}

function merge(results: DriveResult[]): { latencies: number[]; errors: number; seconds: number; samples: string[] } {
  return {
    latencies: results.flatMap((r) => r.latencies),
    errors: results.reduce((n, r) => n + r.errors, 0),
    seconds: results.reduce((s, r) => s + r.seconds, 0),
    samples: results.flatMap((r) => r.errorSamples),
  };
}

const row = (label: string, s: Summary, memory: string) =>
  `${label.padEnd(11)} ${`${s.throughput.toFixed(0)}/s`.padStart(9)} ${ms(s.p50).padStart(10)} ${ms(s.p99).padStart(10)} ${ms(s.max).padStart(10)} ${String(s.errors).padStart(7)}   ${memory}`;

async function compare(slack: SlackHttpServer, titles: readonly string[]): Promise<void> {
  const targets = { paperbot: await startTarget('paperbot', slack.apiUrl), bare: await startTarget('bare', slack.apiUrl) };
  const responseUrl = `${slack.url}/response`;
  const perRound = Math.ceil(COMMANDS / ROUNDS);
  console.log(
    `Commands: ${COMMANDS} signed /paper per target at concurrency ${CONCURRENCY}, ${ROUNDS} alternating rounds (after ${WARMUP} warm-up each), 127.0.0.1`,
  );
  for (const target of Object.values(targets)) await drive({ port: target.port, concurrency: CONCURRENCY, total: WARMUP, next: commands(responseUrl) });
  const results: Record<Kind, DriveResult[]> = { paperbot: [], bare: [] };
  const peak: Record<Kind, number> = { paperbot: 0, bare: 0 };
  const cpu: Record<Kind, number> = { paperbot: 0, bare: 0 };
  for (let round = 0; round < ROUNDS; round++) {
    const order: Kind[] = round % 2 === 0 ? ['paperbot', 'bare'] : ['bare', 'paperbot'];
    for (const kind of order) {
      const before = await memoryOf(targets[kind]);
      results[kind].push(await drive({ port: targets[kind].port, concurrency: CONCURRENCY, total: perRound, next: commands(responseUrl) }));
      const after = await memoryOf(targets[kind]);
      peak[kind] = Math.max(peak[kind], after.rss);
      cpu[kind] += after.cpuMicros - before.cpuMicros;
    }
  }
  const summary = {} as Record<Kind, Summary>;
  console.log(
    `${'target'.padEnd(11)} ${'throughput'.padStart(9)} ${'p50'.padStart(10)} ${'p99'.padStart(10)} ${'max'.padStart(10)} ${'errors'.padStart(7)}   RSS (peak after a round)`,
  );
  for (const kind of ['paperbot', 'bare'] as const) {
    const merged = merge(results[kind]);
    summary[kind] = summarize(merged.latencies, merged.errors, merged.seconds);
    console.log(row(kind === 'bare' ? 'bare Bolt' : 'Paperbot', summary[kind], mb(peak[kind])));
    for (const sample of merged.samples) console.log(`  error: ${sample}`);
  }
  const p = summary.paperbot;
  const b = summary.bare;
  const throughputRatio = p.throughput / b.throughput;
  const p99Ratio = p.p99 / b.p99;
  console.log(
    `ratio       ${`${throughputRatio.toFixed(2)}×`.padStart(9)} ${`${(p.p50 / b.p50).toFixed(2)}×`.padStart(10)} ${`${p99Ratio.toFixed(2)}×`.padStart(10)} ${`${(p.max / b.max).toFixed(2)}×`.padStart(10)}`,
  );
  if (COLD > 0) {
    const pool = coldQueries(titles);
    const cold = await drive({ port: targets.paperbot.port, concurrency: CONCURRENCY, total: COLD, next: commands(responseUrl, pool) });
    const c = summarize(cold.latencies, cold.errors, cold.seconds);
    console.log(
      row(
        'cold',
        c,
        `(${pool.length} distinct title queries, none cached; ${(c.throughput / b.throughput).toFixed(2)}× bare throughput, p99 ${(c.p99 / b.p99).toFixed(2)}×)`,
      ),
    );
  }
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
  // CPU per request does not depend on what else the machine is running, unlike throughput.
  const cpuPer = (kind: Kind) => cpu[kind] / summary[kind].requests;
  console.log(
    `server CPU per command: Paperbot ${cpuPer('paperbot').toFixed(0)} µs, bare Bolt ${cpuPer('bare').toFixed(0)} µs (${(cpuPer('paperbot') / cpuPer('bare')).toFixed(2)}×)`,
  );
  console.log(
    `aims: zero errors ${verdict(p.errors + b.errors === 0)}; throughput ≥ 0.67× ${verdict(throughputRatio >= 0.67)}; p99 ≤ 1.5× ${verdict(p99Ratio <= 1.5)}`,
  );
  await Promise.all(Object.values(targets).map(stopTarget));
}

async function soak(slack: SlackHttpServer, paperIds: string[]): Promise<void> {
  if (SOAK_SECONDS <= 0) return;
  const target = await startTarget('paperbot', slack.apiUrl);
  const responseUrl = `${slack.url}/response`;
  let i = 0;
  // Six commands, two mentions, two Abstract clicks in every ten.
  const next = () => {
    const n = i++;
    const query = QUERIES[n % QUERIES.length]!;
    const slot = n % 10;
    return slot < 6 ? command(query, responseUrl) : slot < 8 ? mention(query) : click(paperIds[n % paperIds.length]!, responseUrl);
  };
  const concurrency = Math.max(1, Math.floor(CONCURRENCY / 2));
  console.log(
    `\nSoak: mixed load for ${SOAK_SECONDS} s at concurrency ${concurrency} (6 commands : 2 mentions : 2 Abstract clicks), Paperbot, after ${WARMUP} warm-up`,
  );
  // Warm: the JIT, and what search builds on first use (similar papers' vectors).
  await drive({ port: target.port, concurrency, total: WARMUP, next });
  const baseline = await memoryOf(target, true);
  const started = performance.now();
  const samples: { x: number; rss: number }[] = [];
  // Live heap (after a full GC) every sixth sample: what is really kept, without a GC pause every 5 s.
  const live: { x: number; heap: number }[] = [];
  let sampling = true;
  const sampler = (async () => {
    for (let n = 1; sampling; n++) {
      await new Promise((resolve) => setTimeout(resolve, SAMPLE_EVERY_MS));
      if (!sampling) break;
      const x = (performance.now() - started) / 60_000;
      const memory = await memoryOf(target, n % 6 === 0);
      samples.push({ x, rss: memory.rss });
      if (n % 6 === 0) live.push({ x, heap: memory.heapUsed });
    }
  })();
  const result = await drive({ port: target.port, concurrency, until: started + SOAK_SECONDS * 1000, next });
  sampling = false;
  await sampler;
  const settled = await memoryOf(target, true);
  const s = summarize(result.latencies, result.errors, result.seconds);
  const byKind = (kind: SignedRequest['kind']) => result.kinds.filter((k) => k === kind).length;
  console.log(
    `requests ${s.requests} (${byKind('command')} commands, ${byKind('mention')} mentions, ${byKind('click')} clicks), ${s.throughput.toFixed(0)}/s, p50 ${ms(s.p50)}, p99 ${ms(s.p99)}, max ${ms(s.max)}, errors ${s.errors}`,
  );
  for (const sample of result.errorSamples) console.log(`  error: ${sample}`);
  console.log(`Slack saw ${slack.counts.api} Web API calls and ${slack.counts.responses} response_url posts`);
  const rss = samples.map((p) => p.rss);
  const half = SOAK_SECONDS / 120;
  const perMin = (points: { x: number; y: number }[]) => `${(slope(points) / 1e6).toFixed(2)} MB/min`;
  console.log(
    `RSS: before ${mb(baseline.rss)}; during min ${mb(Math.min(...rss))}, max ${mb(Math.max(...rss))}, last ${mb(rss.at(-1) ?? 0)}; trend over the second half ${perMin(samples.filter((p) => p.x >= half).map((p) => ({ x: p.x, y: p.rss })))}`,
  );
  console.log(
    `live heap (after GC): before ${mb(baseline.heapUsed)}, after ${mb(settled.heapUsed)}; every 30 s: ${live.map((p) => (p.heap / 1e6).toFixed(1)).join(' ')} MB; trend over the second half ${perMin(live.filter((p) => p.x >= half).map((p) => ({ x: p.x, y: p.heap })))}`,
  );
  console.log(`RSS every ${SAMPLE_EVERY_MS / 1000} s (MB): ${rss.map((r) => (r / 1e6).toFixed(0)).join(' ')}`);
  await stopTarget(target);
}

const workspace = new SlackWorkspace(EXAMPLE_WORKSPACE, { world: 'open', maxMessages: SLACK_KEEPS });
const slack = await serveModel(new WebApiModel(workspace), { keepAliveTimeout: 30_000 }).start();
try {
  const { papers } = loadCorpus(DEFAULT_DATA_DIR);
  await compare(
    slack,
    papers.map((p) => p.title),
  );
  await soak(
    slack,
    papers.map((p) => p.id),
  );
} finally {
  await slack.stop();
}
