import { AcronymMatcher } from './acronym-matcher.js';
import type { AcronymTable } from './acronyms.js';
import { analyzeWord, nameTerms, wordTokens, type WordAnalysis } from './analyzer.js';
import { FIELDS, fieldText, type IndexablePaper } from './fields.js';
import { Growable } from './growable.js';
import type { IndexParts } from './index-parts.js';
import { lexiconOf, type Lexicon } from './lexicon.js';

const MAX_FREQUENCY = 0xffff;

/** A distinct token of the corpus: its analysis, how often it occurs, its terms as ids. */
interface Token {
  analysis: WordAnalysis;
  count: number;
  pieces: number[];
  joins: number[];
}

/**
 * Analyses every paper and lays the index out in flat arrays, and learns the lexicon on the way.
 *
 * NOTE: MiniSearch's `add` files each word occurrence into the radix tree and into the growing
 * Map of its term as it goes: millions of scattered writes, over a minute for 100,000 abstracts.
 * Here each distinct token is analysed once, each paper's terms are counted in a typed array,
 * postings are appended to flat arrays, and one counting sort by term leaves every term's
 * postings contiguous and in paper order, ready to become one Map per term in a single pass
 * (`assembleMiniSearch`). The result is the index `addAll` would build; a test checks it.
 */
export function buildIndex(papers: readonly IndexablePaper[], acronyms: AcronymTable): { parts: IndexParts; lexicon: Lexicon } {
  const fieldCount = FIELDS.length;
  const termIds = new Map<string, number>();
  const terms: string[] = [];
  const idOf = (term: string): number => {
    let id = termIds.get(term);
    if (id === undefined) {
      id = terms.length;
      termIds.set(term, id);
      terms.push(term);
    }
    return id;
  };
  const matcher = new AcronymMatcher(acronyms, idOf, (id) => terms[id]!);
  const tokens = new Map<string, Token>();

  const keys = new Growable((n) => new Int32Array(n), papers.length * 64);
  const docs = new Growable((n) => new Int32Array(n), papers.length * 64);
  const termFrequencies = new Growable((n) => new Uint16Array(n), papers.length * 64);
  const sequence = new Growable((n) => new Int32Array(n), papers.length * 128);
  const sequenceStarts = new Uint32Array(papers.length + 1);
  const fieldLengths = new Uint32Array(papers.length * fieldCount);
  let counts: Uint32Array = new Uint32Array(1 << 12);
  /** Per term id: papers holding it, and the last paper counted (+1), to count each paper once. */
  let frequencies: Uint32Array = new Uint32Array(1 << 12);
  let lastDoc: Uint32Array = new Uint32Array(1 << 12);
  const touched: number[] = [];
  const count = (id: number) => {
    if (id >= counts.length) {
      counts = grow(counts, id + 1);
      frequencies = grow(frequencies, id + 1);
      lastDoc = grow(lastDoc, id + 1);
    }
    if (counts[id]!++ === 0) touched.push(id);
  };

  papers.forEach((paper, doc) => {
    sequenceStarts[doc] = sequence.length;
    FIELDS.forEach((field, fieldId) => {
      const text = fieldText(paper, field);
      if (field === 'authors') {
        for (const term of nameTerms(text)) count(idOf(term));
      } else {
        if (fieldId > 0) sequence.push(-1);
        const start = sequence.length;
        for (const word of wordTokens(text)) {
          let token = tokens.get(word);
          if (token === undefined) {
            const analysis = analyzeWord(word);
            token = { analysis, count: 0, pieces: analysis.pieces.map(idOf), joins: analysis.joins.map(idOf) };
            tokens.set(word, token);
          }
          token.count += 1;
          for (const id of token.pieces) {
            sequence.push(id);
            count(id);
          }
          for (const id of token.joins) count(id);
        }
        // An expansion written out also counts as its acronym: `retrieval augmented generation` → `rag`.
        matcher.match(sequence.view(), start, sequence.length, count);
      }
      fieldLengths[doc * fieldCount + fieldId] = touched.length;
      for (const id of touched) {
        keys.push(id * fieldCount + fieldId);
        docs.push(doc);
        termFrequencies.push(Math.min(counts[id]!, MAX_FREQUENCY));
        counts[id] = 0;
        if (lastDoc[id] !== doc + 1) {
          lastDoc[id] = doc + 1;
          frequencies[id]! += 1;
        }
      }
      touched.length = 0;
    });
  });
  sequenceStarts[papers.length] = sequence.length;

  const sorted = sortByKey(keys.view(), docs.view(), termFrequencies.view(), terms.length * fieldCount);
  const documentFrequencies = frequencies.slice(0, terms.length);
  const parts: IndexParts = {
    ids: papers.map((p) => p.id),
    terms,
    fieldLengths,
    documentFrequencies,
    ...sorted,
    sequenceStarts,
    sequence: sequence.view().slice(),
  };
  return { parts, lexicon: lexiconOf(tokens.values()) };
}

function grow(array: Uint32Array, least: number): Uint32Array {
  const bigger = new Uint32Array(Math.max(least, array.length * 2));
  bigger.set(array);
  return bigger;
}

/**
 * The index terms of one title or abstract (pieces, solid compounds, acronym concepts), repeated
 * as often as they occur: what {@link buildIndex} indexes, for one text at a time.
 */
export function documentTerms(text: string, acronyms: AcronymTable): string[] {
  const terms: string[] = [];
  const pieces: string[] = [];
  for (const word of wordTokens(text)) {
    const { pieces: wordPieces, joins } = analyzeWord(word);
    terms.push(...wordPieces, ...joins);
    pieces.push(...wordPieces);
  }
  for (const span of acronyms.spans(pieces)) terms.push(span.term);
  return terms;
}

/** Counting sort of postings by (term, field) key; stable, so papers stay in order within a key. */
function sortByKey(keys: Int32Array, docs: Int32Array, frequencies: Uint16Array, keyCount: number): Pick<IndexParts, 'postingCounts' | 'docs' | 'frequencies'> {
  const postingCounts = new Uint32Array(keyCount);
  for (const key of keys) postingCounts[key]! += 1;
  const next = new Uint32Array(keyCount);
  for (let key = 1; key < keyCount; key++) next[key] = next[key - 1]! + postingCounts[key - 1]!;
  const sortedDocs = new Int32Array(keys.length);
  const sortedFrequencies = new Uint16Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const at = next[keys[i]!]!++;
    sortedDocs[at] = docs[i]!;
    sortedFrequencies[at] = frequencies[i]!;
  }
  return { postingCounts, docs: sortedDocs, frequencies: sortedFrequencies };
}
