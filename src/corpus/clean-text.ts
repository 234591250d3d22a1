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

/** `\prjname`, `\ours`, `\method`: a paper's own name macro that was never expanded. */
const NAME_MACRO = /\\(prjname|projname|ours|method|methodname|modelname|name)\b/g;

export interface CleanOptions {
  /** What an unexpanded project-name macro stands for (usually the title's short name). */
  projectName?: string;
}

export function cleanText(raw: string, options: CleanOptions = {}): string {
  let text = raw.replace(/\r\n?/g, '\n');
  text = dropRepeatedUrls(text);
  text = text.replace(NAME_MACRO, options.projectName ?? 'the proposed method');
  // Accents: \'{n}, \'n, \"o
  text = text.replace(/\\(['`^"~c])\{?([A-Za-z])\}?/g, (_m, accent: string, letter: string) => (letter + (COMBINING_ACCENTS[accent] ?? '')).normalize('NFC'));
  // Inline math delimiters \( \) \[ \] and $…$ become plain text.
  text = text.replace(/\\[()[\]]/g, '');
  text = text.replace(/\$([^$\n]{1,80})\$/g, '$1');
  text = text.replace(ORDINAL, '$1$2');
  // A missing backslash is common: "textit{O}bstacles".
  text = text.replace(/\\?\b(?:textit|textbf|texttt|textrm|emph|mathrm|mathbf|mathcal|text)\{([^{}]*)\}/g, '$1');
  text = text.replace(/\{\\([a-zA-Z]+)\}/g, (m, name: string) => SYMBOL_MACROS[name] ?? m);
  text = text.replace(/(\d)\s*\\times\b/g, '$1×');
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
  return text
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
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
