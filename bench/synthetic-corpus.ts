import type { Paper } from '../src/corpus/paper.js';

/**
 * A deterministic synthetic corpus for benchmarks: abstracts and titles walk a bigram chain
 * built from the real ones, so vocabulary, word frequencies, common phrases and lengths all
 * follow the real corpus; authors recombine real first and last names.
 */

/** mulberry32: a small seeded PRNG, uniform in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Words follow words as often as they do in the texts it was built from. */
class BigramChain {
  private readonly next = new Map<string, string[]>();
  private readonly starts: string[] = [];

  constructor(texts: readonly string[]) {
    for (const text of texts) {
      const words = text.split(/\s+/).filter(Boolean);
      if (words[0]) this.starts.push(words[0]);
      words.forEach((word, i) => {
        const following = words[i + 1];
        if (following === undefined) return;
        if (/[.!?]$/.test(word)) this.starts.push(following);
        const list = this.next.get(word) ?? [];
        list.push(following);
        this.next.set(word, list);
      });
    }
  }

  walk(length: number, random: () => number): string {
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    const words: string[] = [];
    let word = pick(this.starts);
    while (words.length < length) {
      words.push(word);
      const options = this.next.get(word);
      word = options ? pick(options) : pick(this.starts);
    }
    return words.join(' ');
  }
}

export interface SyntheticOptions {
  count: number;
  seed?: number;
}

/**
 * `count` papers shaped like `real` ones. Same seed, same corpus.
 *
 * @example
 * const papers = syntheticPapers(loadCorpus(DEFAULT_DATA_DIR).papers, { count: 100_000 });
 */
export function syntheticPapers(real: readonly Paper[], { count, seed = 20240314 }: SyntheticOptions): Paper[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const abstracts = new BigramChain(real.map((p) => p.abstract));
  const titles = new BigramChain(real.map((p) => p.title));
  const abstractLengths = real.map((p) => p.abstract.split(/\s+/).length);
  const titleLengths = real.map((p) => p.title.split(/\s+/).length);
  const names = real.flatMap((p) => p.authors).map((a) => a.split(' '));
  const firstNames = names.map((parts) => parts[0]!).filter(Boolean);
  const lastNames = names.map((parts) => parts.at(-1)!).filter(Boolean);
  const authorCounts = real.map((p) => p.authors.length);
  const codeShare = real.filter((p) => p.links.code.length > 0).length / real.length;

  const papers: Paper[] = [];
  for (let i = 0; i < count; i++) {
    // arXiv-like ids, unique by construction: months from 2017 on, then a running number.
    const month = i % 108;
    const arxivId = `${String(17 + Math.floor(month / 12)).padStart(2, '0')}${String((month % 12) + 1).padStart(2, '0')}.${String(i).padStart(6, '0')}`;
    const abstract = abstracts.walk(Math.max(20, Math.round(pick(abstractLengths) * (0.9 + 0.2 * random()))), random);
    const title = titles.walk(pick(titleLengths), random);
    const authors = Array.from({ length: pick(authorCounts) }, () => `${pick(firstNames)} ${pick(lastNames)}`);
    papers.push({
      id: arxivId,
      title,
      abstract,
      rawAbstract: abstract,
      arxivId,
      authors,
      published: `20${arxivId.slice(0, 2)}-${arxivId.slice(2, 4)}`,
      tldr: abstract.slice(0, 200),
      links: {
        abs: `https://arxiv.org/abs/${arxivId}`,
        code: random() < codeShare ? [`https://github.com/example/repo-${i}`] : [],
        project: [],
      },
      source: { file: 'synthetic', line: i + 1 },
    });
  }
  return papers;
}
