import type { Paper } from './paper.js';

/**
 * What a live source adds to a paper beyond the corpus fields: Hugging Face's extras and
 * arXiv's version. Every field is optional: sources know different things, and Hugging Face's
 * fields come and go.
 */
export interface PaperExtras {
  /** arXiv version number of the text held (`2`for `…v2`). */
  version?: number;
  /** arXiv's `<updated>` (this version's date), ISO 8601. */
  versionDate?: string;
  /** Hugging Face: upvotes on the paper page. */
  upvotes?: number;
  /** Hugging Face: the paper's code repository and its stars. */
  githubRepo?: string;
  githubStars?: number;
  /** Hugging Face: the project page. */
  projectPage?: string;
  /** Hugging Face: `ai_keywords`. */
  aiKeywords?: string[];
  /** Hugging Face: `ai_summary`, shown (marked as Hugging Face's) instead of the extractive TL;DR. */
  aiSummary?: string;
  /** Hugging Face: the day it was featured in the daily papers (`YYYY-MM-DD`). */
  featuredOn?: string;
}

/**
 * One paper as a source hands it to the store: the corpus fields (id = the version-less arXiv id,
 * or the title slug for papers without one), the extras, and the source's name (`hf-daily`,
 * `arxiv:cs.CL`, `arxiv-lookup`, `page:hf-papers-page.txt`).
 */
export interface SourcedPaper {
  paper: Paper;
  extras: PaperExtras;
  source: string;
}
