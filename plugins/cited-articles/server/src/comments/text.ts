/**
 * Pure text helpers for reader comments: no Strapi import, unit-tested on their own.
 *
 * Comments are stored as plain text. Nothing here produces markup from the reader's text except
 * `toSafeHtml`, which escapes every character that HTML gives a meaning to.
 */

// C0 and C1 control characters other than tab and line feed: invisible, and a classic way to smuggle
// look-alike text past filters and moderators.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
// Bidirectional overrides and zero-width characters can make a comment read differently from what
// it contains.
const INVISIBLE_FORMATTING = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** Comment body as stored: NFC, \n line ends, no control or invisible formatting characters, trimmed. */
export const normaliseContent = (text: string): string =>
  text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL_CHARACTERS, '')
    .replace(INVISIBLE_FORMATTING, '')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

/** A one-line value (an author's name): whitespace runs become one space. */
export const normaliseLine = (text: string): string =>
  text
    .normalize('NFC')
    .replace(CONTROL_CHARACTERS, ' ')
    .replace(INVISIBLE_FORMATTING, '')
    .replace(/\s+/g, ' ')
    .trim();

// What a reader's browser or a mail client would turn into a link: a scheme URL, a www. host, or an
// HTML anchor someone typed hoping it would be rendered.
const LINK = /\b(?:https?|ftp):\/\/[^\s<>"]+|\bwww\.[^\s<>"]+|<a\s[^>]*href/gi;

/** How many links a text carries (WordPress counts anchors; plain text needs URLs too). */
export const countLinks = (text: string): number => (text.match(LINK) ?? []).length;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The first blocked word or phrase found in any of `texts`, or null. Matching ignores case and
 * compatibility forms (NFKC folds full-width and ligature look-alikes) and respects word edges, so
 * "ass" does not hold "class" (WordPress matches substrings, which holds innocent comments).
 */
export const findBlockedWord = (texts: string[], blockedWords: string[]): string | null => {
  const words = blockedWords.map((word) => word.normalize('NFKC').trim().toLowerCase()).filter(Boolean);
  if (words.length === 0) return null;
  const haystack = texts.map((text) => text.normalize('NFKC').toLowerCase()).join('\n');
  for (const word of words) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])`, 'u');
    if (pattern.test(haystack)) return word;
  }
  return null;
};

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]);

/**
 * A plain-text comment as HTML a frontend can insert as is: every character escaped, blank lines
 * as paragraphs, single line breaks as <br>. No links are made: links in comments are what spam is.
 */
export const toSafeHtml = (text: string): string =>
  text
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
    .join('');
