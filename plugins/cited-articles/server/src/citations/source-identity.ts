import type { CitableSource } from './types';

/**
 * What makes two source entries "the same source": the Strapi documentId.
 * A positional `[2]` and a `[@key]` that reach the same document share one
 * reference. An entry without a documentId (never from the server, but the
 * engine must not throw) is only the same as itself.
 */
export function sourceIdentity(source: CitableSource): unknown {
  const id = source.documentId;
  return typeof id === 'string' && id !== '' ? `doc:${id}` : source;
}

/** Entries the engine can work with; anything else in a list is skipped rather than crashing. */
export function isSource(value: unknown): value is CitableSource {
  return typeof value === 'object' && value !== null;
}

export function keyOf(source: CitableSource): string {
  return typeof source.key === 'string' ? source.key : '';
}
