import type { Paper } from '../corpus/paper.js';

/** What the index reads from a paper. */
export type IndexablePaper = Pick<Paper, 'id' | 'title' | 'abstract' | 'authors'>;

/** Indexed fields; a field's MiniSearch field id is its position here. */
export const FIELDS = ['title', 'abstract', 'authors'] as const;
export type FieldName = (typeof FIELDS)[number];

/** The text of a field as the analyzers read it. */
export function fieldText(paper: IndexablePaper, field: FieldName): string {
  return field === 'authors' ? paper.authors.join('; ') : paper[field];
}
