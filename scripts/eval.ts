/**
 * `npm run eval`: our ranking against plain MiniSearch defaults on the judged queries in
 * test/relevance/judged-queries.json, side by side (nDCG@5, MRR@10, recall@10), overall, per
 * kind of query, and the queries where the two differ most.
 *
 * `--options '<json>'` tries other search options without editing source: the JSON is merged
 * over the defaults (src/search/options.ts) and the overrides in effect are printed first, e.g.
 *   npm run eval -- --options '{"fields":{"title":{"boost":3}},"minRelativeScore":0.2}'
 *
 * Before / after: `--write-baseline` saves each query's measures to test/relevance/baseline.json;
 * later runs print every kind against it and list the queries whose nDCG@5 fell by more than
 * {@link WORSE_BY} (the target is none).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_DATA_DIR } from '../src/config.js';
import { loadCorpus } from '../src/corpus/load-corpus.js';
import { PROJECT_ROOT } from '../src/paths.js';
import { changedSearchOptions, mergeSearchOptions, type PartialSearchOptions, type SearchOptions } from '../src/search/options.js';
import { createPaperSearch } from '../src/search/paper-search.js';
import { PlainSearch } from '../src/search/plain-search.js';
import { evaluate, loadJudgedQueries, meanScores, type Scores } from '../src/search/relevance.js';

const JUDGED = join(PROJECT_ROOT, 'test', 'relevance', 'judged-queries.json');
const BASELINE = join(PROJECT_ROOT, 'test', 'relevance', 'baseline.json');
const DEPTH = 10;
/** A query whose nDCG@5 falls by more than this from the baseline is listed as worse. */
const WORSE_BY = 0.05;
const ARGS = { options: { type: 'string' }, 'write-baseline': { type: 'boolean' } } as const;

/** The search options to evaluate: the defaults, with `--options '<json>'` merged over them. */
function optionsFromArgs(): { options: SearchOptions; given: boolean } {
  try {
    const json = parseArgs({ options: ARGS }).values.options;
    return { options: mergeSearchOptions(json === undefined ? {} : parseJson(json)), given: json !== undefined };
  } catch (error) {
    console.error(`eval: ${error instanceof Error ? error.message : String(error)}`);
    console.error(`usage: npm run eval -- [--options '{"fields":{"title":{"boost":3}},"minRelativeScore":0.2}'] [--write-baseline]`);
    process.exit(2);
  }
}

/** The JSON of `--options`; `mergeSearchOptions` checks what is in it. */
function parseJson(text: string): PartialSearchOptions {
  try {
    return JSON.parse(text) as PartialSearchOptions;
  } catch (error) {
    throw new Error(`--options is not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}

const { options, given } = optionsFromArgs();
const writeBaseline = parseArgs({ options: ARGS }).values['write-baseline'] === true;
if (given) {
  const overrides = changedSearchOptions(options).map((o) => `${o.path} = ${o.value} (default ${o.default})`);
  console.log(`Search options (--options): ${overrides.length > 0 ? overrides.join(', ') : 'the defaults, nothing overridden'}.\n`);
}

const papers = loadCorpus(DEFAULT_DATA_DIR).papers;
const judged = loadJudgedQueries(JUDGED);
const ours = createPaperSearch(papers, { options });
const plain = new PlainSearch(papers);

const oursResult = evaluate(judged, (q) => ours.search(q, { limit: DEPTH }).hits.map((h) => h.paper.id));
const plainResult = evaluate(judged, (q) => plain.search(q).slice(0, DEPTH));

const f = (n: number) => n.toFixed(3);
const row = (label: string, o: Scores, p: Scores, n: number) =>
  `${label.padEnd(14)} ${String(n).padStart(3)}  ${f(o.ndcg5)} / ${f(p.ndcg5)}   ${f(o.mrr10)} / ${f(p.mrr10)}   ${f(o.recall10)} / ${f(p.recall10)}`;

console.log(`${judged.length} judged queries, ${papers.length} papers. Each cell: ours / plain MiniSearch.\n`);
console.log(`${'kind'.padEnd(14)}   n  nDCG@5          MRR@10          recall@10`);
console.log(row('all', oursResult.mean, plainResult.mean, judged.length));
const kinds = [...new Set(judged.map((j) => j.kind))].sort();
for (const kind of kinds) {
  const idx = judged.flatMap((j, i) => (j.kind === kind ? [i] : []));
  const pick = (r: typeof oursResult) => meanScores(idx.map((i) => r.perQuery[i]!));
  console.log(row(kind, pick(oursResult), pick(plainResult), idx.length));
}

const gaps = judged
  .map((j, i) => ({ query: j.query, ours: oursResult.perQuery[i]!.ndcg5, plain: plainResult.perQuery[i]!.ndcg5 }))
  .filter((g) => Math.abs(g.ours - g.plain) > 0.001)
  .sort((a, b) => a.ours - a.plain - (b.ours - b.plain));
console.log('\nnDCG@5 where they differ (ours − plain), worst for us first:');
for (const g of gaps) console.log(`  ${(g.ours - g.plain >= 0 ? '+' : '') + f(g.ours - g.plain)}  ${f(g.ours)} vs ${f(g.plain)}  ${g.query}`);

/** Each judged query's measures as saved by `--write-baseline`, by query text. */
type Baseline = Record<string, Scores>;

if (writeBaseline) {
  const saved: Baseline = Object.fromEntries(judged.map((j, i) => [j.query, oursResult.perQuery[i]!]));
  writeFileSync(BASELINE, `${JSON.stringify(saved, null, 1)}\n`);
  console.log(`\nBaseline written to ${BASELINE}.`);
} else if (existsSync(BASELINE)) {
  const before = JSON.parse(readFileSync(BASELINE, 'utf8')) as Baseline;
  const known = judged.flatMap((j, i) => (before[j.query] ? [{ j, i, was: before[j.query]! }] : []));
  console.log(`\nBefore (baseline.json) → after, ${known.length} queries judged in both. Each cell: before → after.\n`);
  console.log(`${'kind'.padEnd(14)}   n  nDCG@5          MRR@10          recall@10`);
  const change = (label: string, rows: typeof known) => {
    const was = meanScores(rows.map((r) => r.was));
    const now = meanScores(rows.map((r) => oursResult.perQuery[r.i]!));
    console.log(
      `${label.padEnd(14)} ${String(rows.length).padStart(3)}  ${f(was.ndcg5)} → ${f(now.ndcg5)}   ${f(was.mrr10)} → ${f(now.mrr10)}   ${f(was.recall10)} → ${f(now.recall10)}`,
    );
  };
  change('all', known);
  for (const kind of kinds)
    change(
      kind,
      known.filter((r) => r.j.kind === kind),
    );
  const worse = known.filter((r) => oursResult.perQuery[r.i]!.ndcg5 < r.was.ndcg5 - WORSE_BY);
  console.log(`\nQueries worse than the baseline by more than ${WORSE_BY} nDCG@5: ${worse.length === 0 ? 'none' : worse.length}`);
  for (const r of worse) console.log(`  ${f(r.was.ndcg5)} → ${f(oursResult.perQuery[r.i]!.ndcg5)}  ${r.j.query}`);
}
