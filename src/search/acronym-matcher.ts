import { family } from './analyzer.js';
import type { AcronymTable } from './acronyms.js';

interface Expansion {
  /** Family ids of its words, in order. */
  families: number[];
  /** Term id of the acronym. */
  termId: number;
}

/**
 * {@link AcronymTable.spans} on term ids, for indexing: a word's Porter family is looked up
 * once per distinct term, not once per occurrence.
 */
export class AcronymMatcher {
  private readonly familyIds = new Map<string, number>();
  /** Term id → family id + 1 (0: not looked up yet). */
  private familyOfTerm = new Int32Array(1024);
  /**
   * Family id → expansions that start with it.
   * NOTE: kept dense (null, never a hole): reading a hole in a JS array takes V8's slow path.
   */
  private readonly starts: (Expansion[] | null)[] = [];

  constructor(
    table: AcronymTable,
    idOf: (term: string) => number,
    private readonly termOf: (termId: number) => string,
  ) {
    for (const [term, expansions] of table.entries()) {
      const termId = idOf(term);
      for (const stems of expansions) {
        const families = stems.map((stem) => this.familyId(stem));
        (this.starts[families[0]!] ??= []).push({ families, termId });
      }
    }
  }

  /** Calls `found` with the acronym term id of each expansion in `pieces[from..to)`. */
  match(pieces: Int32Array, from: number, to: number, found: (termId: number) => void): void {
    if (this.familyIds.size === 0) return;
    for (let i = from; i < to; i++) {
      const candidates = this.starts[this.familyOf(pieces[i]!)];
      if (!candidates) continue;
      for (const { families, termId } of candidates) {
        if (i + families.length > to) continue;
        let k = 1;
        while (k < families.length && this.familyOf(pieces[i + k]!) === families[k]) k++;
        if (k === families.length) found(termId);
      }
    }
  }

  private familyOf(termId: number): number {
    if (termId >= this.familyOfTerm.length) {
      const bigger = new Int32Array(Math.max(termId + 1, this.familyOfTerm.length * 2));
      bigger.set(this.familyOfTerm);
      this.familyOfTerm = bigger;
    }
    let id = this.familyOfTerm[termId]! - 1;
    if (id < 0) {
      id = this.familyId(family(this.termOf(termId)));
      this.familyOfTerm[termId] = id + 1;
    }
    return id;
  }

  private familyId(stem: string): number {
    let id = this.familyIds.get(stem);
    if (id === undefined) {
      id = this.familyIds.size;
      this.familyIds.set(stem, id);
      this.starts.push(null);
    }
    return id;
  }
}
