const SLUG_WORDS = 8;

/** A short, URL-safe slug of a title: `AutoKnots: Adaptive Knot …` → `autoknots-adaptive-knot-…`. */
export function titleSlug(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return words.slice(0, SLUG_WORDS).join('-') || 'paper';
}

/**
 * Gives each paper a stable id: its arXiv id where known, else a slug of its title. Two papers
 * never share one: a clash gets `-2`, `-3` … in source order, which is stable for a given corpus.
 */
export function assignIds(papers: { title: string; arxivId: string | null }[]): string[] {
  const taken = new Set<string>();
  return papers.map(({ title, arxivId }) => {
    const base = arxivId ?? titleSlug(title);
    let id = base;
    for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
    taken.add(id);
    return id;
  });
}
