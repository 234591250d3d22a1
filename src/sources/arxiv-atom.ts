import { parseArxivRef } from '../corpus/arxiv.js';
import { oneLine } from './one-line.js';
import { childNamed, childrenNamed, parseXml, type XmlElement, XmlSyntaxError } from './xml-tree.js';

const ATOM = 'http://www.w3.org/2005/Atom';
const ARXIV = 'http://arxiv.org/schemas/atom';
const OPENSEARCH = 'http://a9.com/-/spec/opensearch/1.1/';

/** One paper of an arXiv API answer, the same whichever format arXiv used. */
export interface ArxivEntry {
  /** Without version: `2510.14968`, `cs/0112017`. */
  id: string;
  /** 1-based place among the answer's entries, skipped ones included. */
  position: number;
  /** `2` for `…v2`; null if the entry's id carried none. */
  version: number | null;
  /** On one line. */
  title: string;
  /** On one line, LaTeX as arXiv has it. */
  summary: string;
  authors: string[];
  /** v1's date and this version's date, ISO 8601 as arXiv wrote them. */
  published: string | null;
  updated: string | null;
  primaryCategory: string | null;
  categories: string[];
  /** The abstract page of this version, https. */
  absUrl: string;
  /** The PDF of this version, https; null if arXiv gave none. */
  pdfUrl: string | null;
  comment: string | null;
  journalRef: string | null;
  doi: string | null;
}

export interface ArxivFeed {
  entries: ArxivEntry[];
  /** Entries left out because they were malformed, and why (`entry 3: no title`). */
  skipped: number;
  problems: string[];
  /** `opensearch:totalResults`, when the feed says. */
  totalResults: number | null;
  startIndex: number | null;
  /** arXiv's error feed: the reason it gave (`incorrect id format for 1234`), else null. */
  error: string | null;
}

/** Why an answer is not an arXiv feed at all; the caller turns it into a `garbled` SourceError. */
export class ArxivFeedError extends Error {
  override readonly name = 'ArxivFeedError';
  /** `reason`: short, ours (`not an Atom feed`); `detail`: the parser's own words, for logs. */
  constructor(
    readonly reason: string,
    readonly detail?: string,
  ) {
    super(detail ? `${reason} (${detail})` : reason);
  }
}

/**
 * Reads an arXiv API answer, current format or the one before late 2025, into {@link ArxivEntry}s.
 * Malformed entries are skipped and counted; an answer that is not an Atom feed (HTML, a cut-off
 * document) throws {@link ArxivFeedError}. arXiv's error feed comes back with `error` set.
 *
 * @example const { entries } = parseArxivFeed(xml); entries[0].id; // '2510.14968'
 */
export function parseArxivFeed(xml: string): ArxivFeed {
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (error) {
    if (error instanceof XmlSyntaxError) throw new ArxivFeedError('not well-formed XML', error.message);
    throw error;
  }
  if (root.ns !== ATOM || root.name !== 'feed') throw new ArxivFeedError('not an Atom feed', `root element ${root.name}`);

  const feed: ArxivFeed = {
    entries: [],
    skipped: 0,
    problems: [],
    totalResults: numberOf(childNamed(root, OPENSEARCH, 'totalResults')),
    startIndex: numberOf(childNamed(root, OPENSEARCH, 'startIndex')),
    error: null,
  };
  childrenNamed(root, ATOM, 'entry').forEach((element, index) => {
    const error = errorOf(element);
    if (error !== null) {
      feed.error = error;
      return;
    }
    const entry = readEntry(element, index + 1);
    if (typeof entry === 'string') {
      feed.skipped += 1;
      feed.problems.push(`entry ${index + 1}: ${entry}`);
    } else feed.entries.push(entry);
  });
  return feed;
}

/**
 * arXiv's error entry: `<id>http://arxiv.org/api/errors#…</id>`, `<title>Error</title>`, the
 * reason in `<summary>`. NOTE: recognised by the errors id, or by the title when the id is not
 * a paper's, so a real paper titled "Error" is not mistaken for one.
 */
function errorOf(entry: XmlElement): string | null {
  const id = textOf(entry, ATOM, 'id') ?? '';
  const title = textOf(entry, ATOM, 'title');
  const isError = id.includes('/api/errors') || (title === 'Error' && idOf(id) === null);
  return isError ? (textOf(entry, ATOM, 'summary') ?? 'no reason given') : null;
}

/** The entry, or why it was skipped. */
function readEntry(entry: XmlElement, position: number): ArxivEntry | string {
  const rawId = textOf(entry, ATOM, 'id');
  if (!rawId) return 'no id';
  const parsed = idOf(rawId);
  if (!parsed) return `id "${rawId.slice(0, 80)}" is not an arXiv abstract URL`;
  const title = textOf(entry, ATOM, 'title');
  if (!title) return `${parsed.id}: no title`;
  const summary = textOf(entry, ATOM, 'summary');
  if (!summary) return `${parsed.id}: no abstract`;

  const links = childrenNamed(entry, ATOM, 'link');
  const alternate = links.find((link) => link.attrs.rel === 'alternate' || link.attrs.rel === undefined);
  const pdf = links.find((link) => link.attrs.title === 'pdf' || link.attrs.type === 'application/pdf');
  const versioned = `${parsed.id}${parsed.version === null ? '' : `v${parsed.version}`}`;
  return {
    id: parsed.id,
    position,
    version: parsed.version,
    title,
    summary,
    authors: childrenNamed(entry, ATOM, 'author')
      .map((author) => textOf(author, ATOM, 'name'))
      .filter((name): name is string => Boolean(name)),
    published: textOf(entry, ATOM, 'published'),
    updated: textOf(entry, ATOM, 'updated'),
    primaryCategory: childNamed(entry, ARXIV, 'primary_category')?.attrs.term ?? null,
    categories: childrenNamed(entry, ATOM, 'category')
      .map((category) => category.attrs.term)
      .filter((term): term is string => Boolean(term)),
    absUrl: httpsArxivUrl(alternate?.attrs.href) ?? `https://arxiv.org/abs/${versioned}`,
    pdfUrl: httpsArxivUrl(pdf?.attrs.href),
    comment: textOf(entry, ARXIV, 'comment'),
    journalRef: textOf(entry, ARXIV, 'journal_ref'),
    doi: textOf(entry, ARXIV, 'doi'),
  };
}

/** `http://arxiv.org/abs/2510.14968v1` → `{ id: '2510.14968', version: 1 }`; null for anything else. */
function idOf(url: string): { id: string; version: number | null } | null {
  let path: string;
  try {
    const parsed = new URL(url);
    if (!isArxivHost(parsed.hostname) || !parsed.pathname.startsWith('/abs/')) return null;
    path = parsed.pathname.slice('/abs/'.length);
  } catch {
    return null;
  }
  const id = parseArxivRef(path);
  if (!id) return null;
  const version = /v(\d+)$/i.exec(path);
  return { id, version: version ? Number(version[1]) : null };
}

/** An arXiv link upgraded to https (the old format wrote http); null for a missing or foreign one. */
function httpsArxivUrl(href: string | undefined): string | null {
  if (!href) return null;
  try {
    const url = new URL(href);
    if (!isArxivHost(url.hostname)) return null;
    url.protocol = 'https:';
    return url.toString();
  } catch {
    return null;
  }
}

function isArxivHost(host: string): boolean {
  return host === 'arxiv.org' || host.endsWith('.arxiv.org');
}

/** The child's text on one line, or null when the child is missing or empty. */
function textOf(parent: XmlElement, ns: string, name: string): string | null {
  const child = childNamed(parent, ns, name);
  const text = child ? oneLine(child.text) : '';
  return text === '' ? null : text;
}

function numberOf(element: XmlElement | undefined): number | null {
  const value = element ? Number(element.text.trim()) : Number.NaN;
  return Number.isInteger(value) && value >= 0 ? value : null;
}
