/**
 * Checks that words stand in order in a text. Words may be joined by spaces or hyphens
 * (`"long context"` finds `long-context`) and may take a plural ending (`"scaling law"` finds
 * `scaling laws`); case and accents do not matter.
 *
 * @example
 * phrasePattern(['scaling', 'law']).test('Neural Scaling-Laws for LLMs'); // true
 */
export function phrasePattern(words: readonly string[]): RegExp {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const word = (w: string) => w.split(/[-\u2010\u2011]/).map(escape).join('[\\s\\-\\u2010\\u2011]*');
  const body = words.map((w) => `${word(w)}(?:e?s)?`).join('[\\s\\-\\u2010\\u2011]+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'iu');
}
