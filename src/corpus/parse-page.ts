import { IngestError } from './ingest-error.js';

/** One paper as a papers page lists it: a title paragraph, then an abstract paragraph. */
export interface PageEntry {
  title: string;
  abstract: string;
  /** 1-based line of the title in the source file. */
  line: number;
}

interface Paragraph {
  text: string;
  line: number;
}

/** Lines a Hugging Face papers page shows above its first paper. */
const CHROME = [/^new$/i, /^get trending papers in your email inbox!?$/i, /^subscribe$/i, /^by\s*ak and the research community$/i, /^daily papers$/i];
/** The day the page was viewed, e.g. `Mar 14` or `Mar 14, 2025`: not a paper's date. */
const DATE_LINE = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}(, \d{4})?$/i;

const MAX_TITLE_CHARS = 300;
/** How much of a title an error message quotes. */
const QUOTED_TITLE_CHARS = 80;

/**
 * Splits a copied papers page into titles and abstracts. Tolerates CRLF, trailing spaces and
 * extra blank lines; throws an {@link IngestError} naming the line of anything it cannot pair.
 */
export function parsePapersPage(content: string, file: string): PageEntry[] {
  if (content.includes('\u0000') || content.includes('\uFFFD')) {
    throw new IngestError(file, null, 'not a text file (binary or invalid UTF-8 content)');
  }
  const paragraphs = splitParagraphs(content.replace(/^\uFEFF/, ''));
  const body = dropChrome(paragraphs);
  if (body.length === 0) throw new IngestError(file, null, 'no papers found (the file is empty or holds only page chrome)');

  const entries: PageEntry[] = [];
  for (let i = 0; i < body.length; i += 2) {
    const title = body[i]!;
    const abstract = body[i + 1];
    if (looksLikeAbstract(title)) {
      throw new IngestError(file, title.line, 'found an abstract where a title was expected (is a title missing above it?)');
    }
    if (title.text.length > MAX_TITLE_CHARS) {
      throw new IngestError(file, title.line, `title is longer than ${MAX_TITLE_CHARS} characters`);
    }
    if (!abstract || !looksLikeAbstract(abstract)) {
      throw new IngestError(file, title.line, `title "${excerpt(title.text, QUOTED_TITLE_CHARS)}" has no abstract`);
    }
    entries.push({ title: title.text, abstract: abstract.text, line: title.line });
  }
  return entries;
}

/** The text whole when it fits in `maxChars`, else cut at a word with `…` so that it reads as cut. */
function excerpt(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const head = text.slice(0, maxChars - 1);
  const wordEnd = /\s/.test(text.charAt(head.length)) ? head.length : head.lastIndexOf(' ');
  return `${(wordEnd > 0 ? head.slice(0, wordEnd) : head).replace(/[\s,;:–—-]+$/, '')}…`;
}

function splitParagraphs(content: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let current: Paragraph | null = null;
  content.split(/\r\n|\r|\n/).forEach((rawLine, index) => {
    const line = rawLine.replace(/[\s\u00a0]+$/, '').replace(/^[\s\u00a0]+/, '');
    if (line === '') {
      current = null;
      return;
    }
    if (current) current.text += ` ${line}`;
    else {
      current = { text: line, line: index + 1 };
      paragraphs.push(current);
    }
  });
  return paragraphs;
}

function dropChrome(paragraphs: Paragraph[]): Paragraph[] {
  let start = 0;
  while (start < paragraphs.length) {
    const text = paragraphs[start]!.text;
    if (!CHROME.some((pattern) => pattern.test(text)) && !DATE_LINE.test(text)) break;
    start += 1;
  }
  return paragraphs.slice(start);
}

/** Abstracts are long and made of sentences; titles are short and rarely end in a period. */
function looksLikeAbstract(paragraph: Paragraph): boolean {
  const text = paragraph.text;
  if (text.length > MAX_TITLE_CHARS) return true;
  return text.length >= 120 && /[.!?]["')\]]?$/.test(text) && /[.!?]\s+[A-Z]/.test(text);
}
