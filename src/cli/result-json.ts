import type { SearchHit } from '../search/types.js';

/** The CLI's JSON shape for one result: stable, documented in the README, tested. */
export interface ResultJson {
  id: string;
  title: string;
  arxivId: string | null;
  authors: string[];
  published: string | null;
  tldr: string;
  abstract: string;
  links: { abs: string | null; pdf: string | null; hf: string | null; search: string | null; code: string[]; project: string[] };
  score: number;
}

export function resultJson({ paper, score }: SearchHit): ResultJson {
  const { links } = paper;
  return {
    id: paper.id,
    title: paper.title,
    arxivId: paper.arxivId,
    authors: paper.authors,
    published: paper.published,
    tldr: paper.tldr,
    abstract: paper.abstract,
    links: {
      abs: links.abs ?? null,
      pdf: links.pdf ?? null,
      hf: links.hf ?? null,
      search: links.search ?? null,
      code: links.code,
      project: links.project,
    },
    score: Math.round(score * 1000) / 1000,
  };
}
