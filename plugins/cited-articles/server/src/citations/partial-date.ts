/**
 * Partial dates, as reference managers keep them: a year ('2004'), a year and month ('2023-03') or
 * a full date ('2023-03-05'). CSL-JSON writes them as `date-parts`; a source stores the ISO text,
 * which sorts and compares as text and reads the same in every database.
 */

export const PARTIAL_DATE = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** [year], [year, month] or [year, month, day] from a stored partial date; null when not one (or 2023-02-30). */
export function toDateParts(value: string | null | undefined): number[] | null {
  if (typeof value !== 'string') return null;
  const match = PARTIAL_DATE.exec(value.trim());
  if (match === null) return null;
  const parts = [match[1], match[2], match[3]].filter((part): part is string => part !== undefined).map(Number);
  if (parts.length === 3 && parts[2]! > daysIn(parts[0]!, parts[1]!)) return null;
  return parts;
}

/**
 * The stored text of CSL `date-parts` (`[[2004]]`, `[[2023, 3]]`, `[[2023, 3, 5]]`); the first
 * date of a range. Null when there is no year; a month or day that does not exist (2023-02-30) is
 * dropped and the year kept, since the year is what a reference prints first.
 */
export function fromDateParts(parts: unknown): string | null {
  const first = Array.isArray(parts) && Array.isArray(parts[0]) ? (parts[0] as unknown[]) : Array.isArray(parts) ? parts : null;
  if (first === null) return null;
  const numbers: number[] = [];
  for (const part of first.slice(0, 3)) {
    const number = typeof part === 'string' && /^\d+$/.test(part.trim()) ? Number(part) : part;
    if (typeof number !== 'number' || !Number.isInteger(number)) break;
    numbers.push(number);
  }
  if (numbers.length === 0 || numbers[0]! < 1 || numbers[0]! > 9999) return null;
  const text = [String(numbers[0]).padStart(4, '0'), ...numbers.slice(1).map((part) => String(part).padStart(2, '0'))].join('-');
  return toDateParts(text) ? text : text.slice(0, 4);
}

/** A Strapi date or datetime, or an ISO partial date, as the stored partial date; null otherwise. */
export function normalisePartialDate(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return null;
  const text = value.trim();
  const dateOnly = /^(\d{4}-\d{2}-\d{2})[T ]/.exec(text);
  const candidate = dateOnly ? dateOnly[1]! : text;
  return toDateParts(candidate) ? candidate : null;
}
