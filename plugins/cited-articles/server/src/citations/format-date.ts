/** MLA 9 month abbreviations (May, June and July are written out). */
const MONTHS = ['Jan.', 'Feb.', 'Mar.', 'Apr.', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];

function daysIn(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one (UTC: no DST surprises).
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * '2023-02-22' → '22 Feb. 2023' (day without leading zero).
 * Also accepts the partial dates sources often have ('2023-02' → 'Feb. 2023',
 * '2023' → '2023') and a Strapi datetime ('2023-02-22T10:00:00.000Z'), whose
 * calendar date is used as written, without time-zone conversion.
 * Anything else (including impossible dates like 2023-02-30) → null, so a bad
 * value is left out of the citation instead of being printed raw.
 */
export function formatMlaDate(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$/.exec(value.trim());
  if (match === null) return null;
  const year = Number(match[1]);
  if (match[2] === undefined) return String(year);
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  const monthName = MONTHS[month - 1] as string;
  if (match[3] === undefined) return `${monthName} ${year}`;
  const day = Number(match[3]);
  if (day < 1 || day > daysIn(year, month)) return null;
  return `${day} ${monthName} ${year}`;
}
