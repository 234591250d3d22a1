/** arXiv identifiers: new style `2308.16582` (4 or 5 digits after the dot) and old style `cs/0112017`. */

const NEW_STYLE = String.raw`\d{4}\.\d{4,5}`;
const OLD_STYLE = String.raw`[a-z-]+(?:\.[A-Z]{2})?/\d{7}`;
const VERSION = String.raw`(?:v\d+)?`;

const BARE_ID = new RegExp(`^(?:arxiv:)?(${NEW_STYLE}|${OLD_STYLE})${VERSION}$`, 'i');
const URL_ID = new RegExp(
  String.raw`^(?:https?://)?(?:www\.)?(?:(?:export\.)?arxiv\.org/(?:abs|pdf|html)|huggingface\.co/papers)/` +
    `(${NEW_STYLE}|${OLD_STYLE})${VERSION}(?:\\.pdf)?/?(?:[?#].*)?$`,
  'i',
);

/**
 * The arXiv id a user means by a bare id, an `arXiv:` id or an arXiv / Hugging Face URL, any
 * version, or null. `parseArxivRef('https://arxiv.org/pdf/2308.16582v2')` is `'2308.16582'`.
 */
export function parseArxivRef(input: string): string | null {
  const text = input.trim().replace(/^<(.*?)(\|.*)?>$/, '$1');
  const match = BARE_ID.exec(text) ?? URL_ID.exec(text);
  if (!match?.[1]) return null;
  const id = match[1];
  // Old-style archives are lowercase (`cs/…`); a subject class keeps its capitals (`math.GT/…`).
  return id.includes('/') ? id.replace(/^[a-z-]+/i, (archive) => archive.toLowerCase()) : id.toLowerCase();
}

/** The hosts whose paper links are previewed (manifest.yml `unfurl_domains` covers their subdomains). */
const PAPER_HOSTS = new Set(['arxiv.org', 'www.arxiv.org', 'export.arxiv.org', 'huggingface.co', 'www.huggingface.co']);

/**
 * The arXiv id a shared link names, or null: only an http(s) URL on arXiv or Hugging Face whose
 * path is a paper (`/abs`, `/pdf`, `/html`, `/papers`), never a bare id or another site's URL.
 *
 * @example paperLinkId('https://arxiv.org/pdf/2308.16582v2') // '2308.16582'
 */
export function paperLinkId(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!/^https?:$/.test(parsed.protocol) || !PAPER_HOSTS.has(parsed.hostname.toLowerCase()) || parsed.username || parsed.port) return null;
  return URL_ID.test(url.trim()) ? parseArxivRef(url.trim()) : null;
}

/** `2308.16582` → `2023-08`; old style `cs/0112017` → `2001-12`. */
export function arxivMonth(id: string): string | null {
  const digits = id.includes('/') ? id.split('/')[1] : id;
  const yy = Number(digits?.slice(0, 2));
  const mm = Number(digits?.slice(2, 4));
  if (!Number.isInteger(yy) || mm < 1 || mm > 12) return null;
  // Old-style ids started in 1991; new-style ids in 2007.
  const year = id.includes('/') ? (yy >= 91 ? 1900 + yy : 2000 + yy) : 2000 + yy;
  return `${year}-${String(mm).padStart(2, '0')}`;
}

export function arxivLinks(id: string): { abs: string; pdf: string; hf: string } {
  return {
    abs: `https://arxiv.org/abs/${id}`,
    pdf: `https://arxiv.org/pdf/${id}`,
    hf: `https://huggingface.co/papers/${id}`,
  };
}

export function arxivTitleSearch(title: string): string {
  return `https://arxiv.org/search/?searchtype=title&query=${encodeURIComponent(title)}`;
}
