import type { SearchOptions } from '../options.js';
import { LsaModel } from './lsa-model.js';
import { copyPaperWords, type PaperWords } from './paper-words.js';
import { runInSlices } from './work-slices.js';

/**
 * Keeps the semantic model in step with a live index: papers that arrive or change get their
 * vectors at once (folded into the current model), and once the papers added since the model
 * was learnt reach `refreshShare` of those it was learnt from, it is learnt again: on a copy of
 * the papers' words, in slices between searches; the papers that changed meanwhile are folded
 * into the new model, which then replaces the old. A refresh that fails leaves the current model
 * in place and is tried again only after as many papers again have arrived.
 *
 * @example
 * const upkeep = new SemanticUpkeep(LsaModel.build(index, options.semantic), options.semantic);
 * upkeep.fold(index, [newDoc]); // searchable by meaning at once
 * await upkeep.refreshed(); // a refresh, if one started, is over
 */
export class SemanticUpkeep {
  private current: LsaModel;
  /** The refresh under way, if any, and the papers that changed since it started. */
  private refresh: { done: Promise<void>; changed: Set<number> } | null = null;
  /** The last refresh's error, and the number of papers then: the next try waits for more. */
  private failure: { error: unknown; papers: number } | null = null;

  constructor(
    model: LsaModel,
    private readonly options: SearchOptions['semantic'],
  ) {
    this.current = model;
  }

  /** The model searches use now. */
  get model(): LsaModel {
    return this.current;
  }

  /** Resolves once the refresh under way, if any, is over; rejects with the last refresh's error if it failed. */
  async refreshed(): Promise<void> {
    await this.refresh?.done;
    if (this.failure !== null) throw this.failure.error;
  }

  /** Gives papers `docs` of `papers` (new, or with new words) their vectors, and starts a refresh when it is due. */
  fold(papers: PaperWords, docs: readonly number[]): void {
    const options = this.options;
    this.current.fold(papers, docs, options.titleWeight);
    for (const doc of docs) this.refresh?.changed.add(doc);
    if (this.refresh !== null || !this.current.needsRefresh(options.refreshShare)) return;
    if (this.failure !== null && papers.size < this.failure.papers * (1 + options.refreshShare)) return;
    const changed = new Set<number>();
    const done = (async () => {
      try {
        // The copy is made in slices too; papers that change meanwhile are in `changed`.
        const words = await runInSlices(copyPaperWords(papers), options.refreshSliceMs);
        const model = await LsaModel.buildInSlices(words, options, options.refreshSliceMs);
        model.fold(papers, [...changed], options.titleWeight);
        this.current = model;
        this.failure = null;
      } catch (error) {
        this.failure = { error, papers: papers.size };
      } finally {
        this.refresh = null;
      }
    })();
    this.refresh = { done, changed };
  }
}
