/**
 * What an editor pasted into "Add from DOI, ISBN or URL": a DOI (bare, `doi:` or a doi.org URL),
 * an ISBN-10 or ISBN-13 (hyphens or spaces allowed, checksum verified), or an http(s) URL.
 * Pure; linear in the input (no backtracking patterns).
 */
export type Identifier = { kind: 'doi'; doi: string } | { kind: 'isbn'; isbn: string } | { kind: 'url'; url: string };

export type IdentifierResult = Identifier | { kind: 'invalid'; reason: string };

// "10." + registrant code + "/" + suffix (Crossref's recommended pattern, without its anchors' backtracking).
const DOI = /^10\.\d{4,9}\/\S+$/;
const DOI_URL = /^https?:\/\/(?:dx\.)?doi\.org\//i;

/** ISBN-10 check: weighted sum 10..1 divisible by 11 (X = 10, last place only). */
export function isValidIsbn10(digits: string): boolean {
  if (!/^\d{9}[\dX]$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i += 1) sum += (digits[i] === 'X' ? 10 : Number(digits[i])) * (10 - i);
  return sum % 11 === 0;
}

/** ISBN-13 check: weights 1,3,1,3…, sum divisible by 10; prefix 978 or 979. */
export function isValidIsbn13(digits: string): boolean {
  if (!/^97[89]\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 13; i += 1) sum += Number(digits[i]) * (i % 2 === 0 ? 1 : 3);
  return sum % 10 === 0;
}

/** ISBN-10 as ISBN-13 (prefix 978, new check digit): Open Library and duplicates use one form. */
export function isbn10To13(digits: string): string {
  const body = `978${digits.slice(0, 9)}`;
  let sum = 0;
  for (let i = 0; i < 12; i += 1) sum += Number(body[i]) * (i % 2 === 0 ? 1 : 3);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

/** A DOI as stored: without resolver prefix, percent-decoded; DOIs are case-insensitive, kept as given. */
export function cleanDoi(input: string): string | null {
  let text = input.trim();
  if (DOI_URL.test(text)) {
    text = text.replace(DOI_URL, '');
    try {
      text = decodeURIComponent(text);
    } catch {
      return null;
    }
  } else if (/^doi:/i.test(text)) text = text.slice(4).trim();
  return DOI.test(text) ? text : null;
}

export function parseIdentifier(input: string): IdentifierResult {
  const text = input.trim();
  if (text === '') return { kind: 'invalid', reason: 'identifier is empty: paste a DOI, an ISBN or a URL' };

  if (/^doi:/i.test(text) || text.startsWith('10.') || DOI_URL.test(text)) {
    const doi = cleanDoi(text);
    if (doi) return { kind: 'doi', doi };
    return { kind: 'invalid', reason: `"${text.slice(0, 100)}" is not a DOI: a DOI looks like 10.1000/xyz123` };
  }

  const isbnText = text.replace(/^isbn(?:-1[03])?:?\s*/i, '');
  if (/^[\d\s-]+[\dXx]$/.test(isbnText)) {
    const digits = isbnText.replace(/[\s-]/g, '').toUpperCase();
    if (digits.length === 10) {
      if (isValidIsbn10(digits)) return { kind: 'isbn', isbn: isbn10To13(digits) };
      return { kind: 'invalid', reason: `ISBN-10 ${isbnText} has a wrong check digit: check for a typo` };
    }
    if (digits.length === 13) {
      if (isValidIsbn13(digits)) return { kind: 'isbn', isbn: digits };
      return {
        kind: 'invalid',
        reason: `ISBN-13 ${isbnText} has a wrong check digit (or does not start with 978/979): check for a typo`,
      };
    }
    return { kind: 'invalid', reason: `"${text.slice(0, 100)}" is not an ISBN: an ISBN has 10 or 13 digits` };
  }

  if (/^[a-z][a-z0-9+.-]*:/i.test(text)) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return { kind: 'invalid', reason: `"${text.slice(0, 100)}" is not a valid URL` };
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      return { kind: 'invalid', reason: `only http and https URLs can be looked up, not ${url.protocol}` };
    }
    return { kind: 'url', url: url.toString() };
  }
  return { kind: 'invalid', reason: `"${text.slice(0, 100)}" is not a DOI, an ISBN or an http(s) URL` };
}
