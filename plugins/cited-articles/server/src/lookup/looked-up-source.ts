import type { SourceType } from '../citations/types';

/** The fields of a source that a lookup fills, ready for the editor to check and save. */
export interface LookedUpSource {
  title: string;
  publisher: string | null;
  authors: string[];
  url: string | null;
  publishedDate: string | null;
  accessedDate: string | null;
  doi: string | null;
  type: SourceType;
  language: string | null;
}

/** Collapses whitespace; null for anything that is not non-blank text. */
export const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.replace(/\s+/g, ' ').trim() : null;

/** Cuts a value to a field's maximum length (the schema refuses longer ones on save). */
export const capped = (value: string | null, max: number): string | null =>
  value === null ? null : value.length <= max ? value : `${value.slice(0, max - 1)}…`;
