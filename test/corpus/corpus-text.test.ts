import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR } from '../../src/config.js';
import { buildCorpus } from '../../src/corpus/ingest.js';

/**
 * LaTeX and citation residue that cleaning must turn into text. Each pattern is the form the
 * residue takes in real abstracts; URLs are left out, since a dash inside one is part of it.
 */
const RESIDUE: Record<string, RegExp> = {
  // `E^2-LLM`, `O(log^2 n)`, `^{-1}`: `^(1/4)` stays, as plain text's way to write a grouped exponent.
  superscript: /\^[\p{N}{+-]/u,
  // A superscript the page flattened into spaced pieces: `E 2 -LLM`.
  'superscript flattened into spaces': /(?<![\p{L}\p{N}])\p{L} \p{N}+ ?- ?\p{L}/u,
  // `\times` with or without its backslash: `8times 8`, `130times`.
  'times macro': /\\times|\dtimes(?!\p{L})/u,
  // An alpha-style BibTeX key: `[BFN19]`, `[And86, AGG14]`.
  'citation key': /\[\p{Lu}\p{L}+\+?\d{2}[a-z]?(,\s*[^\]]*)?\]/u,
  // `---` typed for a dash, and `--` spaced or between words. A `--flag` is not a dash.
  'typed dash': /(?<!-)---(?!-)|\s--\s|[\p{L}\p{N}]--[\p{L}\p{N}]/u,
  'LaTeX macro': /\\[a-zA-Z]/,
};

const { corpus } = buildCorpus(DEFAULT_DATA_DIR);

describe('the cleaned text of every paper', () => {
  it.each(Object.entries(RESIDUE))('has no %s in any title, TL;DR or abstract', (_name, pattern) => {
    const found = corpus.papers.flatMap((paper) =>
      (['title', 'tldr', 'abstract'] as const).flatMap((field) => {
        const text = paper[field].replace(/https?:\/\/\S+/g, ' ');
        const at = text.search(pattern);
        return at < 0 ? [] : [`${paper.id} ${field}: …${text.slice(Math.max(0, at - 20), at + 20)}…`];
      }),
    );
    expect(found).toEqual([]);
  });
});
