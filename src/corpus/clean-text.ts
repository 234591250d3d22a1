/**
 * Turns the LaTeX and markup residue that arXiv abstracts carry into readable text.
 * The raw abstract is kept elsewhere; this is only for display and indexing.
 */

const COMBINING_ACCENTS: Record<string, string> = {
  "'": '\u0301',
  '`': '\u0300',
  '^': '\u0302',
  '"': '\u0308',
  '~': '\u0303',
  c: '\u0327',
};

const SYMBOL_MACROS: Record<string, string> = {
  deg: '°',
  times: '×',
  approx: '≈',
  leq: '≤',
  geq: '≥',
  le: '≤',
  ge: '≥',
  pm: '±',
  sim: '~',
  cdot: '·',
  infty: '∞',
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  epsilon: 'ε',
  varepsilon: 'ε',
  leftrightarrow: '↔',
  lambda: 'λ',
  mu: 'μ',
  sigma: 'σ',
  rightarrow: '→',
  to: '→',
};

const GLUED_MACROS: Record<string, string> = { varepsilon: 'ε', leftrightarrow: '↔', rightarrow: '→' };

const ORDINAL = /(\d)\s*\^\s*\{?\s*(st|nd|rd|th)\s*\}?/g;

/** Exponents written with superscript characters: `^2` → `²`, `^{-1}` → `⁻¹`. */
const SUPERSCRIPTS: Record<string, string> = {
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
  '+': '⁺',
  '-': '⁻',
};

/**
 * A numeric exponent: `^{-1}`, `^{2}`, or bare digits `^2` (not `^2.5`, whose exponent is unclear
 * without braces). Other exponents keep their `^`: `2^k`, `^(1/4)`.
 */
const NUMERIC_EXPONENT = /\^\{([+-]?\d+)\}|\^(\d+)(?![.,]?\d)/g;

/**
 * `\times` after a number: `2.4\times`, and with its backslash lost upstream `130times`. Between
 * two numbers it closes up, `8\times 8` → `8×8`. A spaced `7 times larger` is English and stays.
 */
const TIMES = /(\d)(?:\s*\\times|times)(?![A-Za-z])(?:\s*(?=\d))?/g;

/**
 * Alpha-style citation keys (BibTeX's `alpha`: initials or a surname's first three letters, two
 * digits of the year): `[BFN19]`, `[And86, AGG14]`, `[ABC+18]`. They mean nothing without
 * the paper's bibliography, so they go with the space before them. Citations a reader can follow,
 * such as `[Kopelowitz and Porat, FOCS 2018]`, and numbers such as `[0,1]` stay.
 */
const CITATION_KEY = String.raw`(?:[A-Z]{2,8}|[A-Z][a-z]{2})\+?\d{2}[a-z]?`;
const CITATION_KEYS = new RegExp(String.raw`\s*\[${CITATION_KEY}(?:,\s*${CITATION_KEY})*\]`, 'g');

/**
 * LaTeX's typed dashes, as LaTeX prints them. `---` is an em dash wherever it stands alone
 * (`curve---yet`, `"steepness"---yet`). `--` is an en dash only where it stands for a dash,
 * spaced (`Part I -- Optimal`) or between words (`window--all`, `10--20`): a command-line flag
 * (`--help`, `(--verbose)`) and a decrement (`i--`) stay. URLs are never touched.
 */
const EM_DASH = /(?<!-)---(?!-)/g;
const EN_DASH = /(?<=\s)--(?=\s)|(?<=[\p{L}\p{N}])--(?=[\p{L}\p{N}])/gu;

/** `\prjname`, `\ours`, `\method`: a paper's own name macro that was never expanded. */
const NAME_MACRO = /\\(prjname|projname|ours|method|methodname|modelname|name)\b/g;

export interface CleanOptions {
  /**
   * The paper's own name, as its title writes it (the short name before the colon). It is what
   * an unexpanded name macro stands for, and it mends the name where the page flattened a
   * superscript in it: `E 2 -LLM` is `E^2-LLM`.
   */
  projectName?: string;
}

/**
 * Display text from an arXiv abstract or title: LaTeX macros, math, exponents, typed dashes and
 * citation keys become plain text; lines are joined.
 *
 * @example cleanText('up to 2.4\\times speedup [BFN19]') // 'up to 2.4× speedup'
 */
export function cleanText(raw: string, options: CleanOptions = {}): string {
  let text = raw.replace(/\r\n?/g, '\n');
  text = dropRepeatedUrls(text);
  text = text.replace(NAME_MACRO, options.projectName ?? 'the proposed method');
  if (options.projectName) text = mendFlattenedName(text, options.projectName);
  // Accents: \'{n}, \'n, \"o
  text = text.replace(/\\(['`^"~c])\{?([A-Za-z])\}?/g, (_m, accent: string, letter: string) => (letter + (COMBINING_ACCENTS[accent] ?? '')).normalize('NFC'));
  // Inline math delimiters \( \) \[ \] and $…$ become plain text.
  text = text.replace(/\\[()[\]]/g, '');
  text = text.replace(/\$([^$\n]{1,80})\$/g, '$1');
  text = text.replace(ORDINAL, '$1$2');
  text = text.replace(NUMERIC_EXPONENT, (_m, braced: string | undefined, bare: string | undefined) => superscript(braced ?? bare ?? ''));
  // A missing backslash is common: "textit{O}bstacles".
  text = text.replace(/\\?\b(?:textit|textbf|texttt|textrm|emph|mathrm|mathbf|mathcal|text)\{([^{}]*)\}/g, '$1');
  text = text.replace(/\{\\([a-zA-Z]+)\}/g, (m, name: string) => SYMBOL_MACROS[name] ?? m);
  text = text.replace(TIMES, '$1×');
  text = text.replace(/\\([a-zA-Z]+)\b/g, (_m, name: string) => SYMBOL_MACROS[name] ?? name);
  text = text.replace(/\\([%&#$_{}])/g, '$1');
  // Macros whose backslash was already lost upstream: "1+varepsilon", "imageleftrightarrowtext".
  text = text.replace(/(varepsilon|leftrightarrow|rightarrow)/g, (name: string) => GLUED_MACROS[name] ?? name);
  text = text.replace(/``([^`']{1,80})''/g, '“$1”').replace(/``([^`"]{1,80})"/g, '“$1”');
  // \big( and friends lose their backslash upstream and leave "Obig(".
  text = text.replace(/(big|Big|bigg|left|right)([()[\]|])/g, '$2');
  // Superscripts and subscripts with several characters keep their grouping in parentheses.
  text = text.replace(/([\^_])\{([^{}]+)\}/g, (_m, op: string, body: string) =>
    body.length === 1 || /^[A-Za-z0-9]+$/.test(body) ? `${op}${body}` : `${op}(${body})`,
  );
  text = text.replace(/\{([^{}]*)\}/g, '$1');
  text = text.replace(/\\ /g, ' ');
  text = text.replace(/\\\\/g, ' ');
  text = text.replace(CITATION_KEYS, '');
  text = outsideUrls(text, (part) => part.replace(EM_DASH, '—').replace(EN_DASH, '–'));
  return text
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
}

function superscript(exponent: string): string {
  return [...exponent].map((char) => SUPERSCRIPTS[char] ?? char).join('');
}

/**
 * A name with a superscript (`E^2-LLM`) that the page flattened into spaced pieces (`E 2 -LLM`,
 * `E 2 - LLM`) is put back as the title writes it; the exponent step then renders it `E²-LLM`.
 * NOTE: only the paper's own name is mended. Without the title there is no telling `E 2 -LLM`
 * from ordinary text, so no general rule guesses at spaced digits.
 */
function mendFlattenedName(text: string, name: string): string {
  if (!name.includes('^')) return text;
  const pieces = name.replace(/[\^{}]/g, '').match(/\p{L}+|\p{N}+|[^\p{L}\p{N}\s]/gu) ?? [];
  // NOTE: a name of two pieces (`E^2`) would mend any spaced `E 2`; it needs a third to be its own.
  if (pieces.length < 3) return text;
  const flattened = new RegExp(`(?<![\\p{L}\\p{N}])${pieces.map(escapeRegExp).join('\\s*')}(?![\\p{L}\\p{N}])`, 'gu');
  return text.replace(flattened, name);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Applies `edit` to the text between URLs, leaving every URL as written. */
function outsideUrls(text: string, edit: (part: string) => string): string {
  return text
    .split(/(https?:\/\/\S+)/)
    .map((part, index) => (index % 2 === 0 ? edit(part) : part))
    .join('');
}

/** `https://x.org/a{https://x.org/a}`: arXiv's rendering of `\href` repeats the URL in braces. */
function dropRepeatedUrls(text: string): string {
  return text.replace(/(https?:\/\/[^\s{}]+?)[.,;]?\{(https?:\/\/[^\s{}]+)\}/g, (m, url: string, repeat: string) => (sameUrl(url, repeat) ? url : m));
}

/** A URL as written at the end of a sentence: drop trailing punctuation and stray braces. */
export function trimUrl(url: string): string {
  return url.replace(/[.,;:!?)\]}'"]+$/, '').replace(/[{}]/g, '');
}

export function sameUrl(a: string, b: string): boolean {
  const key = (u: string) => trimUrl(u).replace(/\/+$/, '').toLowerCase();
  return key(a) === key(b);
}
