import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Paper } from '../src/corpus/paper.js';
import type { SourcedPaper } from '../src/corpus/sourced-paper.js';
import { PROJECT_ROOT } from '../src/paths.js';
import { parseArxivFeed } from '../src/sources/arxiv-atom.js';
import { toSourcedPaper } from '../src/sources/arxiv-category.js';
import { HF_DAILY, parseDailyPapers } from '../src/sources/hf-daily.js';
import { HUGGING_FACE } from '../src/sources/source-clients.js';
import { seededRandom, syntheticPapers } from './synthetic-corpus.js';

/**
 * Synthetic answers of the two live sources, as raw text a fetch would receive: Hugging Face
 * daily-papers JSON and arXiv Atom XML, each entry made from a recorded one
 * (shared/sources/hf-daily-papers.json, arxiv-query.xml) with the synthetic paper's id, title,
 * abstract, authors, dates and links put in. Parsed back by the sources' own functions.
 */

/** The recorded responses sit beside the repository (shared/sources). */
const RECORDINGS = resolve(PROJECT_ROOT, '..', 'shared', 'sources');

/** The arXiv source name the parsed papers carry, as a category fetch names it. */
export const ARXIV_BENCH_SOURCE = 'arxiv:cs.AI';

/** One answer as fetched: which source's format, its text, and how many entries it holds. */
export interface SourcePage {
  kind: typeof HF_DAILY | 'arxiv';
  text: string;
  entries: number;
}

export interface SourcePagesOptions {
  /** Papers in all; pages alternate Hugging Face, arXiv, Hugging Face, … */
  count: number;
  /** Entries per page: both APIs answer at most about 100 per request. */
  pageSize: number;
  seed: number;
  /** The first paper's running number: give each set of pages its own range, so ids never collide. */
  firstNumber?: number;
}

/**
 * `count` synthetic papers as source answers of `pageSize` entries each.
 *
 * @example
 * const pages = sourcePages(loadCorpus(DEFAULT_DATA_DIR).papers, { count: 10_000, pageSize: 100, seed: 1 });
 * const batch = parsePage(pages[0]); // 100 SourcedPapers from hf-daily
 */
export function sourcePages(real: readonly Paper[], { count, pageSize, seed, firstNumber = 0 }: SourcePagesOptions): SourcePage[] {
  const texts = syntheticPapers(real, { count, seed });
  const random = seededRandom(seed ^ 0x5eed);
  const templates = readTemplates();
  const pages: SourcePage[] = [];
  for (let start = 0; start < count; start += pageSize) {
    const slice = texts.slice(start, start + pageSize).map((paper, i) => ({ paper, n: firstNumber + start + i }));
    const page = pages.length % 2 === 0 ? hfDailyPage(slice, templates, random) : arxivPage(slice, templates, random, start);
    pages.push({ ...page, entries: slice.length });
  }
  return pages;
}

/**
 * One page as the source that fetched it reads it: Hugging Face's with `parseDailyPapers` (the
 * entry schema, `hfExtras`, `toPaper`), arXiv's with `parseArxivFeed` and `toSourcedPaper` (as a
 * category fetch does). Throws if any entry is skipped: the pages are meant to be all good.
 */
export function parsePage(page: SourcePage): SourcedPaper[] {
  let papers: SourcedPaper[];
  let problems: string[];
  if (page.kind === HF_DAILY) {
    ({ papers, problems } = parseDailyPapers(page.text, HUGGING_FACE));
  } else {
    const feed = parseArxivFeed(page.text);
    problems = [...feed.problems];
    papers = [];
    for (const entry of feed.entries) {
      const built = toSourcedPaper(entry, ARXIV_BENCH_SOURCE, entry.position);
      if ('problem' in built) problems.push(built.problem);
      else papers.push(built);
    }
  }
  if (problems.length > 0 || papers.length !== page.entries) {
    throw new Error(`A synthetic ${page.kind} page lost entries (${papers.length} of ${page.entries}): ${problems.slice(0, 3).join('; ')}`);
  }
  return papers;
}

interface Templates {
  hfEntries: Record<string, unknown>[];
  /** The feed up to its first entry, and the first entry (with its indentation). */
  feedHead: string;
  entry: string;
  /** The versioned id the recorded entry carries (`2609.20822v1`), replaced throughout it. */
  entryVersionedId: string;
}

function readTemplates(): Templates {
  const read = (file: string) => {
    try {
      return readFileSync(join(RECORDINGS, file), 'utf8');
    } catch (error) {
      throw new Error(`The benchmark builds its source pages from the recorded responses in ${RECORDINGS}: ${(error as Error).message}`);
    }
  };
  const hfEntries = JSON.parse(read('hf-daily-papers.json')) as Record<string, unknown>[];
  const xml = read('arxiv-query.xml');
  const entryAt = xml.indexOf('  <entry>');
  const entry = /^ {2}<entry>[\s\S]*?<\/entry>\n/m.exec(xml.slice(entryAt))?.[0];
  const entryVersionedId = entry && /<id>https?:\/\/arxiv\.org\/abs\/([^<]+)<\/id>/.exec(entry)?.[1];
  if (!Array.isArray(hfEntries) || hfEntries.length === 0 || entryAt < 0 || !entry || !entryVersionedId) {
    throw new Error(`The recorded responses in ${RECORDINGS} are not the shapes the benchmark expects.`);
  }
  return { hfEntries, feedHead: xml.slice(0, entryAt), entry, entryVersionedId };
}

/**
 * A new-style arXiv id, unique per running number `n` (below 240,000): months 2025-01 to 2026-12,
 * numbers from 90000. NOTE: real months stop near 30,000 submissions, so no bench id is the id of
 * a paper in the bundled corpus (which the store imports at start).
 */
function benchArxivId(n: number): string {
  if (n >= 240_000) throw new RangeError(`Bench arXiv ids run out at 240,000 papers (asked for number ${n}).`);
  const month = n % 24;
  return `${25 + Math.floor(month / 12)}${String((month % 12) + 1).padStart(2, '0')}.${90_000 + Math.floor(n / 24)}`;
}

/** `2025-03-11`, a day in the id's month. */
function dayOf(arxivId: string, n: number): string {
  return `20${arxivId.slice(0, 2)}-${arxivId.slice(2, 4)}-${String((n % 28) + 1).padStart(2, '0')}`;
}

/** A Mongo-like 24-hex id, as Hugging Face gives authors and discussions. */
const hexId = (n: number, k: number) => `${n.toString(16).padStart(16, '0')}${k.toString(16).padStart(8, '0')}`;

function hfDailyPage(papers: { paper: Paper; n: number }[], templates: Templates, random: () => number): Pick<SourcePage, 'kind' | 'text'> {
  const entries = papers.map(({ paper, n }) => {
    const entry = structuredClone(templates.hfEntries[n % templates.hfEntries.length]!) as Record<string, unknown> & { paper: Record<string, unknown> };
    const id = benchArxivId(n);
    const day = dayOf(id, n);
    const hf = entry.paper;
    hf.id = id;
    hf.authors = paper.authors.map((name, k) => ({ _id: hexId(n, k), name, hidden: false }));
    hf.publishedAt = `${day}T00:00:00.000Z`;
    hf.submittedOnDailyAt = `${day}T00:00:00.000Z`;
    hf.title = paper.title;
    hf.summary = paper.abstract;
    hf.upvotes = Math.floor(random() * random() * 200);
    hf.discussionId = hexId(n, 0xffff);
    delete hf.projectPage;
    delete hf.githubRepo;
    if (paper.links.code[0]) hf.githubRepo = paper.links.code[0];
    if (random() < 0.4) hf.projectPage = `https://bench-project-${n}.github.io/`;
    entry.title = paper.title;
    entry.summary = paper.abstract;
    entry.publishedAt = `${day}T00:00:00.000Z`;
    if (typeof entry.thumbnail === 'string') entry.thumbnail = `https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/${id}.png`;
    return entry;
  });
  return { kind: HF_DAILY, text: JSON.stringify(entries) };
}

const xmlText = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

function arxivPage(papers: { paper: Paper; n: number }[], templates: Templates, random: () => number, start: number): Pick<SourcePage, 'kind' | 'text'> {
  const head = templates.feedHead
    .replace(/<opensearch:itemsPerPage>\d+</, `<opensearch:itemsPerPage>${papers.length}<`)
    .replace(/<opensearch:startIndex>\d+</, `<opensearch:startIndex>${start}<`);
  const entries = papers.map(({ paper, n }) => {
    const id = benchArxivId(n);
    const version = random() < 0.2 ? 2 : 1;
    const stamp = `${dayOf(id, n)}T17:59:58Z`;
    const authors = paper.authors.map((name) => `    <author>\n      <name>${xmlText(name)}</name>\n    </author>\n`).join('');
    // NOTE: arXiv's comment is where authors put code and project links; toPaper reads links from it.
    const comment = paper.links.code[0] ? `    <arxiv:comment>12 pages, 4 figures. Code: ${xmlText(paper.links.code[0])}</arxiv:comment>\n` : '';
    return templates.entry
      .replaceAll(templates.entryVersionedId, `${id}v${version}`)
      .replace(/<title>[^<]*<\/title>/, () => `<title>${xmlText(paper.title)}</title>`)
      .replace(/<summary>[^<]*<\/summary>/, () => `<summary>${xmlText(paper.abstract)}</summary>`)
      .replace(/<updated>[^<]*<\/updated>/, `<updated>${stamp}</updated>`)
      .replace(/<published>[^<]*<\/published>/, `<published>${stamp}</published>`)
      .replace(/ {4}<arxiv:comment>[^<]*<\/arxiv:comment>\n/, '')
      .replace(/( {4}<arxiv:primary_category)/, (tag) => `${comment}${tag}`)
      .replace(/( {4}<author>[\s\S]*?<\/author>\n)+/, () => authors);
  });
  return { kind: 'arxiv', text: `${head}${entries.join('')}</feed>\n` };
}
