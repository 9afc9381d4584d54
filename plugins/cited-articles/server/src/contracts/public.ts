import type { SourceFields } from '../citations/source-fields';
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
