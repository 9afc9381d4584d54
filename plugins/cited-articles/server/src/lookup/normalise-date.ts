const pad = (value: number) => String(value).padStart(2, '0');

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const valid = (year: number, month: number, day: number): string | null => {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1000 || year > 9999 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
};

/**
 * A date as a source holds it (YYYY-MM-DD), from the forms pages and APIs give: ISO 8601 with or
 * without a time ("2023-05-17T10:00:00+02:00" keeps the page's own calendar day), Highwire's
 * "2023/05/17", "17 May 2023", "May 17, 2023". A year or month alone, or anything else, is null:
 * the source's date field holds full dates only, and a guessed day would be wrong.
 */
export function normaliseDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim().slice(0, 100);
  let match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s])/.exec(text);
  if (match) return valid(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})$/.exec(text);
  if (match) {
    const month = MONTHS.indexOf(match[2].slice(0, 3).toLowerCase()) + 1;
    return month > 0 ? valid(Number(match[3]), month, Number(match[1])) : null;
  }
  match = /^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(text);
  if (match) {
    const month = MONTHS.indexOf(match[1].slice(0, 3).toLowerCase()) + 1;
    return month > 0 ? valid(Number(match[3]), month, Number(match[2])) : null;
  }
  return null;
}
