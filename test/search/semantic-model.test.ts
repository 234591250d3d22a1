import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syntheticPapers } from '../../bench/synthetic-corpus.js';
import type { Paper } from '../../src/corpus/paper.js';
import { PROJECT_ROOT } from '../../src/paths.js';
import { mergeSearchOptions, type PartialSearchOptions } from '../../src/search/options.js';
import { PaperIndex } from '../../src/search/paper-index.js';
import { createPaperSearch } from '../../src/search/paper-search.js';
import { loadJudgedQueries, meanScores, evaluate } from '../../src/search/relevance.js';
import type { PaperSearch } from '../../src/search/types.js';
import { fakePaper } from './fake-paper.js';
import { papers } from './real-corpus.js';

/**
 * Three topics, four papers each. Three vision papers say "vision" and "image"; the fourth only
 * "image": it shares no word with the query `vision`, but the words it keeps company with do.
 */
const topics = [
  ['v1', 'Computer vision models classify each image with convolution filters and pixels.'],
  ['v2', 'Vision transformers read image patches and pixels for recognition.'],
  ['v3', 'Robust vision under image noise: pixels, filters and recognition.'],
  ['v4', 'Image segmentation labels pixels with convolution filters for recognition.'],
  ['t1', 'Language models translate text and sentences between languages.'],
  ['t2', 'Text summarization with language models over long sentences.'],
  ['t3', 'Machine translation of text: language pairs and sentences.'],
  ['t4', 'Sentences and text in many languages for language modelling.'],
  ['s1', 'Speech recognition from audio waveforms and spectrograms.'],
  ['s2', 'Audio tagging of speech, music and spectrograms.'],
  ['s3', 'Spectrograms of speech audio for speaker identification.'],
  ['s4', 'Speech synthesis produces audio waveforms from spectrograms.'],
] as const;
const small = topics.map(([id, abstract]) => fakePaper(id, abstract, { title: `Study ${id}` }));
/** A space of three dimensions for three topics: a model this small must generalise, not memorise. */
const THREE_TOPICS: PartialSearchOptions = { semantic: { rankPerSqrtPapers: 3 / Math.sqrt(small.length) } };

const ids = (search: PaperSearch, query: string) => search.search(query, { limit: 50 }).hits.map((h) => h.paper.id);

describe('the second stage: a semantic model learnt from the corpus', () => {
  it('lists a paper that shares no word with the query, after those that do, when the first pass finds few', () => {
    const search = createPaperSearch(small, { options: THREE_TOPICS });
    const answer = search.search('vision', { limit: 50 });
    expect(
      answer.hits
        .slice(0, 3)
        .map((h) => h.paper.id)
        .sort(),
    ).toEqual(['v1', 'v2', 'v3']);
    expect(answer.hits.map((h) => h.paper.id)).toEqual([...answer.hits.slice(0, 3).map((h) => h.paper.id), 'v4']);
    expect(answer.hits[3]!.match).toEqual({ allWords: false, typedWord: false, anyWord: false });
    expect(answer.hits.slice(0, 3).every((h) => h.match!.anyWord)).toBe(true);
    expect(answer.total).toBe(4);
    // Off: only the papers with the word.
    const firstPass = createPaperSearch(small, { options: { ...THREE_TOPICS, semantic: { ...THREE_TOPICS.semantic, weight: 0 } } });
    expect(ids(firstPass, 'vision').sort()).toEqual(['v1', 'v2', 'v3']);
  });

  it('lists only as many such papers as make ten in all', () => {
    // Nine papers with the word (six more, and v1 to v3): room for one more only, of v4 and v6.
    const many = Array.from({ length: 6 }, (_, i) => fakePaper(`w${i}`, 'Vision image pixels filters recognition.', { title: `Study w${i}` }));
    const corpus = [...many, ...small, fakePaper('v6', 'Image pixels with convolution filters.', { title: 'Study v6' })];
    // Here "vision" is in more than half the papers: the model must keep such words to know it.
    const options = { semantic: { rankPerSqrtPapers: 3 / Math.sqrt(corpus.length), maxDocumentShare: 0.9 } };
    const listed = createPaperSearch(corpus, { options }).search('vision', { limit: 50 });
    const wordless = listed.hits.filter((h) => !h.match!.allWords).map((h) => h.paper.id);
    expect(wordless).toHaveLength(1);
    expect(['v4', 'v6']).toContain(wordless[0]);
    expect(listed.total).toBe(10);
  });

  it('filters hold for such papers too, and a paper about something else is never one', () => {
    const search = createPaperSearch(small, { options: THREE_TOPICS });
    expect(ids(search, 'vision -segmentation')).not.toContain('v4');
    expect(ids(search, 'vision year:2020')).toEqual([]);
    expect(ids(search, 'vision').filter((id) => !id.startsWith('v'))).toEqual([]);
    // A word the corpus does not know brings nothing, semantic or not.
    expect(search.search('zebrafish').total).toBe(0);
  });

  it('between two papers that match the query alike, ranks first the one about its topic', () => {
    // Same words count, same lengths: the first pass ties them, and breaks the tie by corpus order.
    const aside = fakePaper('aside', 'Language text sentences, with vision in passing.', { title: 'Study aside' });
    const about = fakePaper('about', 'Image pixels filters, with vision in passing.', { title: 'Study about' });
    const corpus = [aside, about, ...small];
    const firstPass = createPaperSearch(corpus, { options: { ...THREE_TOPICS, semantic: { ...THREE_TOPICS.semantic, weight: 0 } } });
    const scoresOf = (search: PaperSearch) => new Map(search.search('vision', { limit: 50 }).hits.map((h) => [h.paper.id, h.score]));
    expect(scoresOf(firstPass).get('aside')).toBe(scoresOf(firstPass).get('about'));
    const ranked = ids(createPaperSearch(corpus, { options: THREE_TOPICS }), 'vision');
    expect(ranked.indexOf('about')).toBeLessThan(ranked.indexOf('aside'));
  });

  it('on the judged queries, ranks better than the first pass alone', () => {
    const judged = loadJudgedQueries(join(PROJECT_ROOT, 'test', 'relevance', 'judged-queries.json'));
    const score = (search: PaperSearch) => meanScores(evaluate(judged, (q) => ids(search, q).slice(0, 10)).perQuery);
    const withStage = score(createPaperSearch(papers));
    const without = score(createPaperSearch(papers, { options: { semantic: { weight: 0 } } }));
    expect(withStage.ndcg5).toBeGreaterThan(without.ndcg5);
    expect(withStage.mrr10).toBeGreaterThan(without.mrr10);
  });
});

describe('the semantic model as papers arrive', () => {
  it('a new paper is folded in at once: a copy of a paper scores as that paper does', () => {
    const search = createPaperSearch(small, { options: THREE_TOPICS });
    const twin: Paper = { ...small[3]!, id: 'v4-twin' };
    search.upsert([twin]);
    const hits = search.search('vision', { limit: 50 }).hits;
    const scoreOf = (id: string) => hits.find((h) => h.paper.id === id)?.score;
    expect(scoreOf('v4-twin')).toBeDefined();
    // Folded with the stored (byte) vectors rather than built with exact ones: equal to two digits.
    expect(scoreOf('v4-twin')! / scoreOf('v4')!).toBeCloseTo(1, 2);
  });

  it('is learnt again once enough papers have arrived, between searches, and then answers as a full build', async () => {
    const generated = syntheticPapers(papers, { count: 2_600, seed: 3 });
    const options = mergeSearchOptions();
    const live = createPaperSearch(generated.slice(0, 2_000));
    const queries = ['language model', 'long context', 'vision', 'quantization of weights'];
    // 10% more: folded in, no refresh yet.
    live.upsert(generated.slice(2_000, 2_200));
    await live.settled!();
    // 20% of the papers the model was learnt from: a refresh starts, and runs in slices.
    expect(options.semantic.refreshShare).toBe(0.2);
    live.upsert(generated.slice(2_200, 2_400));
    let turns = 0;
    let served = 0;
    let finished = false;
    const tick = () => {
      turns += 1;
      served += live.search('language model').total > 0 ? 1 : 0;
      if (!finished) setImmediate(tick);
    };
    setImmediate(tick);
    await live.settled!();
    finished = true;
    expect(turns).toBeGreaterThan(1);
    expect(served).toBe(turns);
    const reference = createPaperSearch(live.all());
    for (const query of queries) {
      const got = live.search(query, { limit: 30 });
      const expected = reference.search(query, { limit: 30 });
      expect(
        got.hits.map((h) => h.paper.id),
        query,
      ).toEqual(expected.hits.map((h) => h.paper.id));
      got.hits.forEach((hit, i) => expect(hit.score, query).toBeCloseTo(expected.hits[i]!.score, 12));
    }
  });

  it('papers that arrive while it is learnt again are folded into the new model', async () => {
    const generated = syntheticPapers(papers, { count: 1_400, seed: 5 });
    const live = createPaperSearch(generated.slice(0, 1_000));
    live.upsert(generated.slice(1_000, 1_200));
    const late = generated[1_300]!;
    live.upsert([late]);
    await live.settled!();
    const scoreOf = (search: PaperSearch) => search.search(late.title, { limit: 1_400 }).hits.find((h) => h.paper.id === late.id);
    const hit = scoreOf(live);
    const lexical = scoreOf(createPaperSearch(live.all(), { options: { semantic: { weight: 0 } } }));
    // Its score holds a semantic share: it has a vector in the new model.
    expect(hit!.score).toBeGreaterThan(lexical!.score);
  });

  it('a snapshot keeps the model, papers folded in included: the restored search answers the same', () => {
    const live = createPaperSearch(small, { options: THREE_TOPICS });
    live.upsert([fakePaper('v5', 'Image pixels and convolution filters.', { title: 'Study v5' })]);
    const restored = createPaperSearch(live.all(), { snapshot: live.snapshot!(), options: THREE_TOPICS });
    for (const query of ['vision', 'speech', 'language text']) {
      expect(restored.search(query, { limit: 50 })).toEqual(live.search(query, { limit: 50 }));
    }
    // A snapshot whose model arrays were damaged is refused, not misread.
    const bytes = Buffer.from(live.snapshot!());
    const header = bytes.readUInt32LE(0);
    const json = JSON.parse(bytes.toString('utf8', 4, 4 + header));
    json.semantic.rank += 1;
    const changed = Buffer.from(JSON.stringify(json));
    const forged = Buffer.concat([
      Buffer.alloc(4),
      changed,
      Buffer.alloc(8 - ((4 + changed.length) % 8 || 8)),
      bytes.subarray(Math.ceil((4 + header) / 8) * 8),
    ]);
    forged.writeUInt32LE(changed.length, 0);
    expect(() => PaperIndex.fromSnapshot(forged, mergeSearchOptions(THREE_TOPICS))).toThrow(/damaged/);
  });
});
