/**
 * Text on one line: every run of whitespace (arXiv's old hard-wrapped titles and abstracts,
 * Hugging Face's `\n` inside summaries) becomes one space, and the ends are trimmed.
 *
 * @example oneLine('RDD: … in\n  Long-Horizon Tasks'); // 'RDD: … in Long-Horizon Tasks'
 */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
