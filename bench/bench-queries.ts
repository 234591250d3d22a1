import type { Paper } from '../src/corpus/paper.js';
import { isStopWord } from '../src/search/analyzer.js';

/** Query kinds the benchmark times, each a list of queries drawn from the real abstracts. */
export type QueryKind = 'rare word' | 'common word' | 'three words' | 'phrase' | 'typo' | 'prefix';

const PER_KIND = 20;

/** Every `step`-th item, so picks spread over a sorted list instead of clustering at one end. */
function spread<T>(items: readonly T[], count: number): T[] {
  const step = Math.max(1, Math.floor(items.length / count));
  return items.filter((_, i) => i % step === 0).slice(0, count);
}

/**
 * Queries of each kind, chosen by document frequency in `real`: rare words are in one paper,
 * common ones in most; three-word queries mix two mid-frequency words with a very common one;
 * phrases are frequent word pairs; typos swap two letters of a long word; prefixes are the
 * first five letters of a mid-frequency word.
 */
export function benchQueries(real: readonly Paper[]): Record<QueryKind, string[]> {
  const documentFrequency = new Map<string, number>();
  const pairs = new Map<string, number>();
  for (const paper of real) {
    const words = paper.abstract.toLowerCase().match(/[a-z]+/g) ?? [];
    for (const word of new Set(words)) documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
    words.forEach((word, i) => {
      const next = words[i + 1];
      if (next && word.length > 3 && next.length > 3 && !isStopWord(word) && !isStopWord(next))
        pairs.set(`${word} ${next}`, (pairs.get(`${word} ${next}`) ?? 0) + 1);
    });
  }
  const content = [...documentFrequency].filter(([word]) => word.length >= 4 && !isStopWord(word));
  const byFrequency = content.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([word]) => word);
  const rare = content.filter(([word, df]) => df === 1 && word.length >= 6).map(([word]) => word);
  const common = byFrequency.slice(0, PER_KIND);
  const middle = byFrequency.slice(60, 400);
  const long = middle.filter((word) => word.length >= 8);
  const swap = (word: string) => `${word.slice(0, 3)}${word[4]}${word[3]}${word.slice(5)}`;

  return {
    'rare word': spread(rare, PER_KIND),
    'common word': common,
    'three words': spread(middle, 2 * PER_KIND).flatMap((word, i, all) => (i % 2 === 0 ? [`${word} ${all[i + 1]} ${common[(i / 2) % 3]}`] : [])),
    phrase: [...pairs]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, PER_KIND)
      .map(([pair]) => `"${pair}"`),
    typo: spread(long, PER_KIND).map(swap),
    prefix: spread(
      middle.filter((word) => word.length >= 7),
      PER_KIND,
    ).map((word) => word.slice(0, 5)),
  };
}
