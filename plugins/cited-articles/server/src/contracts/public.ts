import type { SourceFields } from '../citations/source-fields';
import type { CitationOccurrence } from '../citations/types';
import type { CommentStatus } from '../comments/statuses';

/** A source as the content API shows it: its descriptive fields (citations/source-fields.ts). */
export interface PublicSource extends Omit<SourceFields, 'type'> {
  documentId: string;
  key: string;
  /** The stored type; null on rows saved before the field was required. */
  type: SourceFields['type'] | null;
}

export interface PublicComment {
  documentId: string;
  parent: string | null;
  depth: number;
  /** null for a deleted comment kept as a placeholder. */
  authorName: string | null;
  content: string;
  /** content as escaped HTML (paragraphs and line breaks), safe to insert as is. */
  contentHtml: string;
  status: Extract<CommentStatus, 'pending' | 'approved'>;
  createdAt: string;
  /** When its author last edited it, or null. */
  editedAt: string | null;
  /** Deleted by its author but kept for its replies: no name, no text. */
  deleted: boolean;
  /** Written by the newsroom (an admin's reply); authorName is the admin's display name. */
  staff: boolean;
}

export type PublicThread = PublicComment & { replies: PublicThread[] };

/**
 * One source cited by one marker, as the article routes answer it (`data.citations[]`).
 * `formatted` is the whole marker as an author-date style (APA, Chicago, Harvard, MLA) prints it
 * in the text, e.g. `(Porter et al., 2004, p. 12)`; every source of one marker (`[@a; @b]`)
 * carries the same text, the style's one cluster. Null for numeric styles and news, whose text
 * shows `number`.
 */
export interface PublicCitation extends CitationOccurrence {
  formatted: string | null;
}
