import { isDeepStrictEqual } from 'node:util';
import { parseArxivRef } from '../corpus/arxiv.js';
import type { Paper } from '../corpus/paper.js';
import { FIELDS, fieldText } from './fields.js';
import { paperCorpusView } from './filters.js';
import { mergeSearchOptions, type PartialSearchOptions } from './options.js';
import { GROWTH, PaperIndex } from './paper-index.js';
import { isEmptyQuery, parseQuery } from './query-parser.js';
import { planQuery } from './query-plan.js';
import { Ranker } from './ranker.js';
import { SimilarPapers } from './similar.js';
import { correctedQuery, suggestQuery } from './suggest.js';
import type { PaperSearch, QueryOptions, SearchHit, SearchResponse, UpsertResult } from './types.js';

export interface CreateOptions {
  /** An index saved by {@link PaperSearch.snapshot} for these same papers: skips indexing. */
  snapshot?: Uint8Array;
  /**
   * How to search: merged over `defaultSearchOptions` (src/search/options.ts) once, here, and
   * handed to every part of the engine. Left out: the defaults.
   */
  options?: PartialSearchOptions;
}

/**
 * The search engine over a corpus: analysis, query syntax, BM25F ranking with a score cut-off,
 * "Did you mean", and similar papers. A query string in, ranked papers out; no Slack here.
 * `options` are merged over the defaults once, as MiniSearch's constructor does, and passed down.
 *
 * @example
 * const search = createPaperSearch(loadCorpus(DEFAULT_DATA_DIR).papers);
 * search.search('anything on quantization?', { limit: 5 }).hits[0]?.paper.title;
 * search.search('https://arxiv.org/pdf/2308.16582v2').direct; // true
 * const lenient = createPaperSearch(papers, { options: { minRelativeScore: 0, fields: { title: { boost: 3 } } } });
 * search.upsert([paperJustStored]); // searchable, and found by `get`, when this returns
 */
export function createPaperSearch(papers: readonly Paper[], { snapshot, options: given }: CreateOptions = {}): PaperSearch {
  const options = mergeSearchOptions(given);
  const index = snapshot ? PaperIndex.fromSnapshot(snapshot, options) : PaperIndex.build(papers, options);
  const docs = alignPapers(papers, index);
  const corpus = paperCorpusView(docs);
  // NOTE: dropped by an upsert that reindexes, and made again on the next `similar`: every
  // paper's vector norm depends on the number of papers and on document frequencies, so that
  // call pays one pass over the index (about 350 ms at 100,000 papers); searches never do.
  let similarPapers: SimilarPapers | null = new SimilarPapers(index, options);
  let ranker = new Ranker(index, corpus, true, options);
  const byId = new Map(papers.map((p) => [p.id, p]));
  const byArxivId = new Map(papers.flatMap((p) => (p.arxivId ? [[p.arxivId, p] as const] : [])));
  /** What `all()` returns: the papers as given until an upsert, then a copy of `docs`, made when asked. */
  let listed: readonly Paper[] | null = papers;
  const hit = ({ doc, score }: { doc: number; score: number }): SearchHit => ({ paper: docs[doc]!, score });

  const get = (ref: string): Paper | undefined => {
    const trimmed = ref.trim();
    const arxivId = parseArxivRef(trimmed);
    return byId.get(trimmed) ?? (arxivId ? (byArxivId.get(arxivId) ?? byId.get(arxivId)) : undefined);
  };

  /** One page of a query; `fill` false leaves out the papers that match no query word (for probes that only count). */
  const run = (query: string, offset: number, limit: number, fill = true): Omit<SearchResponse, 'suggestion'> & Probe => {
    const parsed = parseQuery(query, options);
    const named = [...new Set(parsed.refs.map((ref) => get(ref)).filter((p): p is Paper => p !== undefined))];
    if (named.length > 0) {
      const hits = named.slice(offset, offset + limit).map((paper) => ({ paper, score: 1 }));
      return { query, hits, total: named.length, direct: true, unmatched: [], parsed, wordless: 0 };
    }
    if (isEmptyQuery({ ...parsed, refs: [] })) return { query, hits: [], total: 0, direct: false, unmatched: [], parsed, wordless: 0 };
    const ranking = ranker.rank(planQuery(parsed, index, options), offset, limit, fill);
    const unmatched = ranking.total > 0 ? ranking.unmatched : [];
    const hits = ranking.hits.map((h) => ({ ...hit(h), match: { allWords: h.allWords, typedWord: h.typedWord, anyWord: h.anyWord } }));
    return { query, hits, total: ranking.total, direct: false, unmatched, parsed, wordless: ranking.wordless };
  };

  /**
   * The query with its typos corrected, when that finds far more (`didYouMeanFactor`) than the
   * query as typed; `found` counts papers with a query word (the semantic fill left out, on both sides).
   */
  const betterSpelt = (parsed: ReturnType<typeof parseQuery>, found: number): string | null => {
    if (found === 0 || parsed.refs.length > 0) return null;
    const corrected = correctedQuery(parsed, index, options);
    return corrected !== null && run(corrected, 0, 1, false).total >= found * options.didYouMeanFactor ? corrected : null;
  };

  /** Puts `paper` at short id `doc` (an existing one, or the next) everywhere but the index. */
  const place = (doc: number, paper: Paper) => {
    const previous = docs[doc];
    if (previous?.arxivId && previous.arxivId !== paper.arxivId && byArxivId.get(previous.arxivId) === previous) byArxivId.delete(previous.arxivId);
    docs[doc] = paper;
    corpus.set(doc, paper);
    byId.set(paper.id, paper);
    if (paper.arxivId) byArxivId.set(paper.arxivId, paper);
  };

  return {
    get size() {
      return docs.length;
    },
    all: () => (listed ??= [...docs]),
    get,
    search(query: string, page: QueryOptions = {}): SearchResponse {
      const limit = wholeNumber(page.limit, options.defaultLimit);
      const offset = wholeNumber(page.offset, 0);
      const { parsed, wordless, ...response } = run(typeof query === 'string' ? query : '', offset, limit);
      const nothing = response.total === 0 && !isEmptyQuery({ ...parsed, refs: [] });
      const suggestion = nothing
        ? suggestQuery(parsed, index, (candidate) => run(candidate, 0, 1, false).total > 0, options)
        : betterSpelt(parsed, response.total - wordless);
      return { ...response, suggestion };
    },
    similar(id: string, limit: number = options.similarLimit): SearchHit[] {
      const paper = get(id);
      const doc = paper && index.shortIds.get(paper.id);
      if (!paper || doc === undefined) return [];
      similarPapers ??= new SimilarPapers(index, options);
      return similarPapers.similar(doc, paper, wholeNumber(limit, options.similarLimit)).map(hit);
    },
    upsert(incoming: readonly Paper[]): UpsertResult {
      const result: UpsertResult = { added: [], updated: [] };
      const changed: Paper[] = [];
      const reindexed: Paper[] = [];
      for (const paper of new Map(incoming.map((p) => [p.id, p])).values()) {
        const current = byId.get(paper.id);
        if (current !== undefined && isDeepStrictEqual(current, paper)) continue;
        (current === undefined ? result.added : result.updated).push(paper.id);
        changed.push(paper);
        // Only title, abstract and authors are indexed: a new TL;DR or link needs no reindexing.
        if (current === undefined || FIELDS.some((field) => fieldText(current, field) !== fieldText(paper, field))) reindexed.push(paper);
      }
      if (changed.length === 0) return result;
      if (reindexed.length > 0) {
        index.upsert(reindexed, (doc) => docs[doc]!);
        similarPapers = null;
      }
      for (const paper of changed) place(index.shortIds.get(paper.id)!, paper);
      if (index.size > ranker.capacity) ranker = new Ranker(index, corpus, true, options, Math.ceil(index.size * GROWTH));
      listed = null;
      return result;
    },
    snapshot: () => index.snapshot(),
    settled: () => index.semanticRefreshed(),
  };
}

/** What a run tells beyond the response: the parsed query, and how many papers were listed for their meaning alone. */
interface Probe {
  parsed: ReturnType<typeof parseQuery>;
  wordless: number;
}

function wholeNumber(value: number | undefined, fallback: number): number {
  return value === undefined || !Number.isFinite(value) ? fallback : Math.max(0, Math.floor(value));
}

/** Papers by short id; a snapshot made for another corpus is refused rather than misread. */
function alignPapers(papers: readonly Paper[], index: PaperIndex): Paper[] {
  const byId = new Map(papers.map((p) => [p.id, p]));
  const docs = index.ids.map((id) => byId.get(id));
  if (docs.length !== papers.length || docs.some((p) => p === undefined)) {
    throw new Error('The search snapshot was built for a different set of papers; rebuild it.');
  }
  return docs as Paper[];
}
