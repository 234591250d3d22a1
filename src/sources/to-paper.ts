import { shortName } from '../corpus/build-paper.js';
import { arxivLinks, arxivMonth } from '../corpus/arxiv.js';
import { cleanText, sameUrl } from '../corpus/clean-text.js';
import { isCodeUrl, urlsInText } from '../corpus/links.js';
import { type Paper, type PaperLinks, paperSchema } from '../corpus/paper.js';
import { summarize } from '../corpus/tldr.js';
import { oneLine } from './one-line.js';

/** What every source knows of a paper, before it becomes a corpus {@link Paper}. */
export interface PaperDraft {
  /** Version-less arXiv id. */
  arxivId: string;
  title: string;
  /** The abstract as the source gave it (LaTeX included). */
  abstract: string;
  authors: readonly string[];
  /** The source's name (`hf-daily`, `arxiv:cs.CL`, `arxiv-lookup`): `source.file` of the paper. */
  sourceName: string;
  /** 1-based position in the source's answer: `source.line` of the paper. */
  position: number;
  /** arXiv's comment, where authors often put the project page. */
  comment?: string | null;
  /** Hugging Face's links. */
  githubRepo?: string;
  projectPage?: string;
}

export type ToPaperResult = { ok: true; paper: Paper } | { ok: false; problem: string };

/**
 * A corpus {@link Paper} from a source's entry, built the way ingest builds one (cleaned text,
 * extractive TL;DR, month from the id) and validated against the corpus schema.
 *
 * @example const result = toPaper({ arxivId: '2510.14968', title, abstract, authors, sourceName: 'arxiv:cs.RO', position: 1 });
 */
export function toPaper(draft: PaperDraft): ToPaperResult {
  const rawTitle = oneLine(draft.title);
  const rawAbstract = oneLine(draft.abstract);
  const projectName = shortName(rawTitle);
  const abstract = cleanText(rawAbstract, projectName ? { projectName } : {});
  const candidate = {
    // NOTE: the corpus id pattern is lowercase; old-style ids keep their subject class in
    // capitals (`math.GT/0309136`), so the id is lowercased and `arxivId` keeps arXiv's spelling.
    id: draft.arxivId.toLowerCase(),
    title: cleanText(rawTitle),
    abstract,
    rawAbstract,
    arxivId: draft.arxivId,
    authors: draft.authors.map(oneLine).filter(Boolean),
    published: arxivMonth(draft.arxivId),
    tldr: abstract ? summarize(abstract) : '',
    links: linksOf(draft, rawAbstract),
    source: { file: draft.sourceName, line: draft.position },
  };
  const parsed = paperSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, paper: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, problem: `${draft.arxivId}: invalid ${issue?.path.join('.') || 'paper'} (${issue?.message ?? 'unknown'})` };
}

/**
 * abs / pdf / hf from the id; code and project pages from the abstract, arXiv's comment and
 * Hugging Face. NOTE: a URL goes to `code` or `project` by its host, as ingest sorts them: a
 * "project page" that is a GitHub repository (Hugging Face has many) is listed as code.
 */
function linksOf(draft: PaperDraft, abstract: string): PaperLinks {
  const found: string[] = [];
  const add = (url: string | undefined) => {
    if (url && isHttpUrl(url) && !found.some((seen) => sameUrl(seen, url))) found.push(url);
  };
  add(draft.githubRepo);
  add(draft.projectPage);
  for (const url of urlsInText(abstract)) add(url);
  for (const url of urlsInText(draft.comment ?? '')) add(url);
  return { ...arxivLinks(draft.arxivId), code: found.filter(isCodeUrl), project: found.filter((url) => !isCodeUrl(url)) };
}

function isHttpUrl(text: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
}
