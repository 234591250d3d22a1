import type { Paper } from './paper.js';

/** What the help and the App Home tab say about the corpus. */
export interface CorpusSummary {
  papers: number;
  /** Where the papers come from, as a person would say it ("Hugging Face daily papers"). */
  sources: string[];
  /** `YYYY-MM` of the oldest and newest paper, when known. */
  firstMonth: string | null;
  lastMonth: string | null;
  onArxiv: number;
  withCode: number;
  /** A real arXiv id from the corpus, for examples that work. */
  exampleArxivId: string | null;
}

export function summarizeCorpus(papers: readonly Paper[], sources: readonly string[]): CorpusSummary {
  const months = papers
    .map((p) => p.published)
    .filter((m): m is string => m !== null)
    .sort();
  return {
    papers: papers.length,
    sources: [...sources],
    firstMonth: months[0] ?? null,
    lastMonth: months.at(-1) ?? null,
    onArxiv: papers.filter((p) => p.arxivId).length,
    withCode: papers.filter((p) => p.links.code.length > 0).length,
    exampleArxivId: papers.find((p) => p.arxivId)?.arxivId ?? null,
  };
}
