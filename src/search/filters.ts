import type { Paper } from '../corpus/paper.js';
import { nameTerms } from './analyzer.js';
import type { PaperIndex } from './paper-index.js';
import type { Phrase, QueryPlan } from './query-plan.js';

/** What filters and phrase checks read about a paper, by short id. */
export interface CorpusView {
  readonly size: number;
  /** Year of first submission, 0 when unknown. */
  year(doc: number): number;
  /** `YYYY-MM`, or '' when unknown. */
  published(doc: number): string;
  hasCode(doc: number): boolean;
  authors(doc: number): readonly string[];
}

/** A {@link CorpusView} that papers can be added to or replaced in, by short id. */
export interface PaperCorpusView extends CorpusView {
  /** Paper `doc` is now `paper`; `doc` is an existing short id or the next one (`size`). */
  set(doc: number, paper: Paper): void;
}

/** A {@link CorpusView} of papers listed by short id. */
export function paperCorpusView(docs: readonly Paper[]): PaperCorpusView {
  const papers = [...docs];
  let years = Int16Array.from(papers, yearOf);
  let code = Uint8Array.from(papers, (p) => (p.links.code.length > 0 ? 1 : 0));
  return {
    get size() {
      return papers.length;
    },
    year: (doc) => years[doc]!,
    published: (doc) => papers[doc]!.published ?? '',
    hasCode: (doc) => code[doc] === 1,
    authors: (doc) => papers[doc]!.authors,
    set(doc, paper) {
      if (doc > papers.length) throw new Error(`Paper ${doc} would leave a gap after ${papers.length} papers.`);
      if (doc === years.length) {
        const capacity = Math.max(16, years.length * 2);
        years = grown(years, new Int16Array(capacity));
        code = grown(code, new Uint8Array(capacity));
      }
      papers[doc] = paper;
      years[doc] = yearOf(paper);
      code[doc] = paper.links.code.length > 0 ? 1 : 0;
    },
  };
}

function yearOf(paper: Paper): number {
  return paper.published ? Number(paper.published.slice(0, 4)) : 0;
}

function grown<T extends Int16Array | Uint8Array>(array: T, bigger: T): T {
  bigger.set(array);
  return bigger;
}

const MAX_AUTHOR_PREFIX_TERMS = 50;

/**
 * Decides which papers a plan's filters let through: `author:`, `year:`, `has:code`, excluded
 * words and phrases, required phrases. Cheap checks ({@link passesCheap}) and the word-order
 * checks of phrases ({@link passesOrder}) are separate, so ranking runs the costlier ones on few papers.
 */
export class PlanFilter {
  private readonly excluded: Uint8Array | null;
  private readonly authorSets: Set<number>[];
  /** Term-id runs of required phrases; null when one holds a word no paper has. */
  private readonly required: number[][] | null;
  private readonly forbidden: number[][];

  constructor(
    private readonly plan: QueryPlan,
    private readonly index: PaperIndex,
    private readonly corpus: CorpusView,
  ) {
    this.excluded = plan.excludedTerms.length > 0 ? excludedMask(plan.excludedTerms, index) : null;
    this.authorSets = plan.authors.map((names) => papersBy(names, index, corpus));
    const runs = (phrases: readonly Phrase[]) => phrases.map((p) => index.termIdsOf(p.terms));
    const required = runs(plan.phrases);
    this.required = required.every((run) => run !== null) ? (required as number[][]) : null;
    this.forbidden = runs(plan.excludedPhrases).filter((run): run is number[] => run !== null);
  }

  /** True when some filter narrows the corpus (a query of filters alone lists what passes). */
  get narrows(): boolean {
    return this.plan.authors.length > 0 || this.plan.years.length > 0 || this.plan.hasCode;
  }

  /** True when {@link passesCheap} can say no (exclusions, `has:code`, `year:`, `author:`). */
  get checksCheap(): boolean {
    return this.excluded !== null || this.narrows;
  }

  get checksOrder(): boolean {
    return this.required === null || this.required.length > 0 || this.forbidden.length > 0;
  }

  passesCheap(doc: number): boolean {
    const { plan, corpus } = this;
    if (this.excluded?.[doc]) return false;
    if (plan.hasCode && !corpus.hasCode(doc)) return false;
    if (plan.years.length > 0) {
      const year = corpus.year(doc);
      if (!plan.years.some((range) => year >= range.from && year <= range.to)) return false;
    }
    return this.authorSets.every((set) => set.has(doc));
  }

  passesOrder(doc: number): boolean {
    if (this.required === null) return false;
    return this.required.every((run) => this.index.hasRun(doc, run)) && !this.forbidden.some((run) => this.index.hasRun(doc, run));
  }
}

function excludedMask(terms: readonly string[], index: PaperIndex): Uint8Array {
  const mask = new Uint8Array(index.size);
  for (const term of terms) {
    for (const docs of index.postings(term)?.values() ?? []) for (const doc of docs.keys()) mask[doc] = 1;
  }
  return mask;
}

/**
 * Papers with an author whose name holds every one of `names` (`author:"samyam rajbhandari"`).
 * A name part matches exactly, or as a prefix when nobody has it exactly (`author:rajb`).
 */
function papersBy(names: readonly string[], index: PaperIndex, corpus: CorpusView): Set<number> {
  const authorsField = index.fieldId('authors');
  let found: Set<number> | undefined;
  for (const name of names) {
    const exact = index.postings(name)?.get(authorsField);
    const terms = exact ? [name] : index.termsWithPrefix(name, MAX_AUTHOR_PREFIX_TERMS);
    const docs = new Set<number>();
    for (const term of terms) for (const doc of index.postings(term)?.get(authorsField)?.keys() ?? []) docs.add(doc);
    const previous: Set<number> | undefined = found;
    found = previous ? new Set([...previous].filter((doc) => docs.has(doc))) : docs;
    if (found.size === 0) return found;
  }
  if (!found || names.length < 2) return found ?? new Set();
  // Every part in the same person's name, not one part from each of two co-authors.
  return new Set(
    [...found].filter((doc) =>
      corpus.authors(doc).some((author) => {
        const parts = nameTerms(author);
        return names.every((name) => parts.some((part) => part.startsWith(name)));
      }),
    ),
  );
}
