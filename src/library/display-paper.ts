import type { Paper } from '../corpus/paper.js';
import type { StoredPaper } from '../store/paper-repository.js';

/**
 * A stored paper as search and Slack show it: where Hugging Face wrote a summary (`ai_summary`),
 * that is the TL;DR, marked as Hugging Face's; otherwise our extractive one.
 */
export function displayPaper(stored: StoredPaper): Paper {
  const summary = stored.extras.aiSummary?.trim();
  return summary ? { ...stored.paper, tldr: summary, tldrBy: 'huggingface' } : stored.paper;
}
