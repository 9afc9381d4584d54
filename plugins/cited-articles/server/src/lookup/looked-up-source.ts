import type { SourceFields } from '../citations/source-fields';

export { SOURCE_MAX_LENGTH } from '../citations/source-fields';

/** The fields of a source that a lookup fills, ready for the editor to check and save. */
export type LookedUpSource = Omit<SourceFields, 'archiveUrl'>;

/** Collapses whitespace; null for anything that is not non-blank text. */
export const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.replace(/\s+/g, ' ').trim() : null);

/** Cuts a value to a field's maximum length (the schema refuses longer ones on save). */
export const capped = (value: string | null, max: number): string | null =>
  value === null ? null : value.length <= max ? value : `${value.slice(0, max - 1)}…`;
