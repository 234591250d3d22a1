import { AcronymMatcher } from './acronym-matcher.js';
import { AcronymTable, acronymEntries, type AcronymEntry, type AcronymOptions } from './acronyms.js';
import type { IndexablePaper } from './fields.js';
import type { PaperIndex } from './paper-index.js';

/**
 * Acronyms when papers arrive or change (see `PaperIndex.upsert`): the table is what mining
 * every text would give, so a definition leaves only when no paper makes it any more, and a
 * paper that writes out an expansion that came or went is indexed again, its concept counts
 * being different. Both questions are answered from the index, without reading every paper.
 */

/** True when a paper other than those `leaving` defines `entry` in its title or abstract. */
export function stillDefined(
  entry: AcronymEntry,
  index: PaperIndex,
  leaving: ReadonlySet<number>,
  paperOf: (doc: number) => IndexablePaper,
  options: AcronymOptions,
): boolean {
  const key = entry.stems.join(' ');
  const postings = index.postings(entry.term);
  const seen = new Set<number>(leaving);
  // A paper defining `RAG` writes `RAG`: only papers holding the term can define it. Usually one of the first few does.
  for (const fieldId of [index.fieldId('title'), index.fieldId('abstract')]) {
    for (const doc of postings?.get(fieldId)?.keys() ?? []) {
      if (seen.has(doc)) continue;
      seen.add(doc);
      const { title, abstract } = paperOf(doc);
      if (acronymEntries([title, abstract], options).some((e) => e.term === entry.term && e.stems.join(' ') === key)) return true;
    }
  }
  return false;
}

/**
 * Papers (short ids, ascending; none of `leaving`) whose title or abstract writes out one of
 * the expansions of `entries`. Candidates are the papers with a word of the expansion's rarest
 * family; their word sequences are then matched as indexing matches them.
 */
export function papersWriting(entries: readonly AcronymEntry[], index: PaperIndex, leaving: ReadonlySet<number>): number[] {
  const table = AcronymTable.fromEntries(entries);
  const matcher = new AcronymMatcher(
    table,
    () => 0,
    (termId) => index.termOf(termId),
  );
  const fields = [index.fieldId('title'), index.fieldId('abstract')];
  const textPostings = (terms: readonly string[]) => terms.flatMap((term) => fields.flatMap((fieldId) => index.postings(term)?.get(fieldId) ?? []));
  const candidates = new Set<number>();
  for (const { stems } of entries) {
    // Per family of the expansion, the postings of its words; the rarest family gives the candidates, the others must hold them too.
    const [rarest, ...others] = [...new Set(stems)]
      .map((stem) => textPostings(index.wordsOfFamily(stem)))
      .sort((a, b) => a.reduce((n, p) => n + p.size, 0) - b.reduce((n, p) => n + p.size, 0));
    for (const postings of rarest ?? []) {
      for (const doc of postings.keys()) {
        if (!leaving.has(doc) && others.every((family) => family.some((p) => p.has(doc)))) candidates.add(doc);
      }
    }
  }
  const found: number[] = [];
  for (const doc of candidates) {
    const sequence = index.sequenceOf(doc);
    let writes = false;
    // Title and abstract are matched apart, as when indexing: −1 separates them.
    for (let from = 0; from <= sequence.length && !writes; ) {
      const separator = sequence.indexOf(-1, from);
      const to = separator < 0 ? sequence.length : separator;
      matcher.match(sequence, from, to, () => (writes = true));
      from = to + 1;
    }
    if (writes) found.push(doc);
  }
  return found.sort((a, b) => a - b);
}
