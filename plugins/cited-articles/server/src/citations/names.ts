import type { SourceName } from './types';

/** The parts a person's name may have, in CSL's words. */
export const PERSON_PARTS = ['family', 'given', 'non-dropping-particle', 'dropping-particle', 'suffix'] as const;

const clean = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.split(/\s+/).join(' ').trim() : undefined;

/**
 * A name as stored: trimmed parts, empty ones left out; an organisation (`literal`) keeps no
 * person parts. Null when nothing is left, or when the value is not a name object.
 */
export function cleanName(value: unknown): SourceName | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const record = value as Record<string, unknown>;
  const literal = clean(record.literal);
  if (literal !== undefined) return { literal };
  const name: SourceName = {};
  for (const part of PERSON_PARTS) {
    const text = clean(record[part]);
    if (text !== undefined) name[part] = text;
  }
  return name.family !== undefined || name.given !== undefined ? name : null;
}

/** A list of names as stored: every entry cleaned, the empty ones dropped. */
export function cleanNames(value: unknown): SourceName[] {
  if (!Array.isArray(value)) return [];
  return value
    .map((entry) => (typeof entry === 'string' ? nameFromText(entry) : cleanName(entry)))
    .filter((name): name is SourceName => name !== null);
}

/**
 * A name typed or stored as one line, read as the plugin always read it: "{World Health
 * Organization}" (braced) or a single word is an organisation; "Doe, Jane" and "Jane Doe" are a
 * person whose last word is the family name. Used to migrate names saved as text and for inputs
 * that give a name as one line; an organisation of several words must be braced to stay whole.
 */
export function nameFromText(text: string): SourceName | null {
  const line = clean(text);
  if (line === undefined) return null;
  const braced = /^\{(.+)\}$/.exec(line);
  if (braced) return { literal: braced[1]!.trim() };
  if (line.includes(',')) {
    const [family, ...given] = line.split(',');
    const name = cleanName({ family, given: given.join(',') });
    return name;
  }
  const words = line.split(' ');
  if (words.length < 2) return { literal: line };
  return { given: words.slice(0, -1).join(' '), family: words[words.length - 1] };
}

/** "Ludwig van Beethoven", "Martin Luther King Jr.", "World Health Organization": for search and display. */
export function displayName(name: SourceName): string {
  if (name.literal !== undefined) return name.literal;
  return [name.given, name['dropping-particle'], name['non-dropping-particle'], name.family, name.suffix].filter(Boolean).join(' ');
}
