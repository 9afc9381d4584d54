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
  match = /^(\d{1,2})\s+([A-Z]{3,9})\.?,?\s+(\d{4})$/i.exec(text);
  if (match) {
    const month = MONTHS.indexOf(match[2].slice(0, 3).toLowerCase()) + 1;
    return month > 0 ? valid(Number(match[3]), month, Number(match[1])) : null;
  }
  match = /^([A-Z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/i.exec(text);
  if (match) {
    const month = MONTHS.indexOf(match[1].slice(0, 3).toLowerCase()) + 1;
    return month > 0 ? valid(Number(match[3]), month, Number(match[2])) : null;
  }
  return null;
}

/**
 * A date as precise as the page or API gives it, as a source stores it: a full date (the forms
 * normaliseDate reads), a year and month ("2004-05", "2004/5", "May 2004"), or a year ("2004").
 * Nothing is guessed: a missing day or month stays missing.
 */
export function normalisePartial(value: unknown): string | null {
  const full = normaliseDate(value);
  if (full !== null || typeof value !== 'string') return full;
  const text = value.trim().slice(0, 100);
  let match = /^(\d{4})$/.exec(text);
  if (match) return Number(match[1]) >= 1000 ? match[1]! : null;
  match = /^(\d{4})[-/.](\d{1,2})$/.exec(text);
  if (match) return yearMonth(Number(match[1]), Number(match[2]));
  match = /^([A-Z]{3,9})\.?,?\s+(\d{4})$/i.exec(text);
  if (match) return yearMonth(Number(match[2]), MONTHS.indexOf(match[1]!.slice(0, 3).toLowerCase()) + 1);
  return null;
}

const yearMonth = (year: number, month: number): string | null =>
  year >= 1000 && year <= 9999 && month >= 1 && month <= 12 ? `${year}-${pad(month)}` : null;
