import type { NameRole, SourceName } from '../citations/types';

/**
 * Organisations in a BibTeX record: a name wholly in braces (`{World Health Organization}`) is
 * one name kept whole, which citation-js reads as a family name only. Read from the record's
 * own text, so that it comes back as CSL's `literal` and is never split into given and family.
 */

const FIELD_OF: Record<NameRole, string> = { authors: 'author', editors: 'editor', translators: 'translator' };

/** The text of a field's value in braces or quotes, from where it starts; null when not one. */
function delimitedValue(text: string, start: number): string | null {
  const open = text[start];
  if (open !== '{' && open !== '"') return null;
  let depth = 0;
  for (let index = start; index < text.length; index += 1) {
    const char = text[index];
    if (char === '\\') index += 1;
    else if (char === '{') depth += 1;
    else if (char === '}') {
      depth -= 1;
      if (open === '{' && depth === 0) return text.slice(start + 1, index);
    } else if (char === '"' && open === '"' && depth === 0 && index > start) return text.slice(start + 1, index);
  }
  return null;
}

/** " and " between names: tried only where a run of blanks starts, so a long run is scanned once. */
const AND = /\s+and\s+/iy;

/** The names of a value, split at " and " outside braces. Linear in the value's length. */
function splitNames(value: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let from = 0;
  for (let index = 0; index < value.length; index += 1) {
    const char = value[index]!;
    if (char === '{') depth += 1;
    else if (char === '}') depth -= 1;
    else if (depth === 0 && /\s/.test(char) && (index === 0 || !/\s/.test(value[index - 1]!))) {
      AND.lastIndex = index;
      const match = AND.exec(value);
      if (match) {
        names.push(value.slice(from, index));
        from = index + match[0].length;
        index = from - 1;
      }
    }
  }
  names.push(value.slice(from));
  return names.map((name) => name.trim());
}

/** Whether the whole name is one braced group: `{Acme Inc}`, `{{Acme Inc}}`. */
function isBraced(name: string): boolean {
  if (!name.startsWith('{') || !name.endsWith('}')) return false;
  return delimitedValue(name, 0)?.length === name.length - 2;
}

/**
 * The names citation-js read, with each braced one as an organisation (`literal`). Names are
 * matched by position; when the counts differ the names are left as read.
 */
export function withBracedOrganisations(role: NameRole, names: SourceName[], raw: string): SourceName[] {
  const field = new RegExp(`(?:^|[\\s,{(])${FIELD_OF[role]}\\s*=\\s*`, 'i').exec(raw);
  if (!field) return names;
  const value = delimitedValue(raw, field.index + field[0].length);
  if (value === null) return names;
  const written = splitNames(value);
  if (written.length !== names.length) return names;
  return names.map((name, index) => {
    if (!isBraced(written[index]!) || name.literal !== undefined) return name;
    const whole = [name.given, name['non-dropping-particle'], name.family, name.suffix].filter(Boolean).join(' ');
    return { literal: whole };
  });
}
