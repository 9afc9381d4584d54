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

/** Where `/[ \t]+$/m` sees a line end (\r is gone by then): \n, U+2028, U+2029. */
const isLineEnd = (code: number) => code === 0x0a || code === 0x2028 || code === 0x2029;

/**
 * The text without the spaces and tabs that end each line, in one pass. Not `/[ \t]+$/gm`: that
 * regex retries a run of blanks from each of its characters, so 40,000 spaces and a letter took
 * seconds and 300,000 took minutes (quadratic).
 */
function trimLineEnds(text: string): string {
  const kept: string[] = [];
  let copied = 0;
  let blanksFrom = -1;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x20 || code === 0x09) {
      if (blanksFrom < 0) blanksFrom = index;
      continue;
    }
    if (blanksFrom >= 0 && isLineEnd(code)) {
      kept.push(text.slice(copied, blanksFrom));
      copied = index;
    }
    blanksFrom = -1;
  }
  kept.push(blanksFrom < 0 ? text.slice(copied) : text.slice(copied, blanksFrom));
  return kept.join('');
}

/** Comment body as stored: NFC, \n line ends, no control or invisible formatting characters, trimmed. */
export const normaliseContent = (raw: string): string => {
  const text = raw
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL_CHARACTERS, '')
    .replace(INVISIBLE_FORMATTING, '');
  return trimLineEnds(text)
    .replace(/\n{3,}/g, '\n\n')
    .trim();
};

/** A one-line value (an author's name): whitespace runs become one space. */
export const normaliseLine = (text: string): string =>
  text
    .normalize('NFC')
    .replace(CONTROL_CHARACTERS, ' ')
    .replace(INVISIBLE_FORMATTING, '')
    .replace(/\s+/g, ' ')
    .trim();

// What a reader's browser or a mail client would turn into a link: a scheme URL, a www. host, or an
// HTML anchor someone typed hoping it would be rendered (`<a` + space ... `href` before any `>`).
// The anchor's end is found by countLinks, not by `<a\s[^>]*href`: with no `>` after it, that
// regex scans to the end of the text from every `<a `, which is quadratic.
const LINK_OR_ANCHOR_START = /\b(?:https?|ftp):\/\/[^\s<>"]+|\bwww\.[^\s<>"]+|<a\s/gi;
const HREF = /href/gi;

/**
 * How many links a text carries (WordPress counts anchors; plain text needs URLs too): the matches
 * of `/\b(?:https?|ftp):\/\/[^\s<>"]+|\bwww\.[^\s<>"]+|<a\s[^>]*href/gi`, counted in one pass.
 * An anchor match runs to the last `href` before the next `>`; both are looked up with cursors
 * that only move forward, so the whole count is linear.
 */
export const countLinks = (text: string): number => {
  let count = 0;
  let nextGt = -1; // first `>` at or after some earlier position; -1 until looked up
  let nextHref = -1; // likewise for `href`; text.length when there is none
  const firstGtFrom = (from: number) => {
    if (nextGt < from) {
      const found = text.indexOf('>', from);
      nextGt = found < 0 ? text.length : found;
    }
    return nextGt;
  };
  const firstHrefFrom = (from: number) => {
    if (nextHref < from) {
      HREF.lastIndex = from;
      nextHref = HREF.exec(text)?.index ?? text.length;
    }
    return nextHref;
  };
  LINK_OR_ANCHOR_START.lastIndex = 0;
  for (let match = LINK_OR_ANCHOR_START.exec(text); match !== null; match = LINK_OR_ANCHOR_START.exec(text)) {
    if (match[0][0] !== '<') {
      count += 1;
      continue;
    }
    const afterTag = match.index + match[0].length;
    const gt = firstGtFrom(afterTag);
    let href = firstHrefFrom(afterTag);
    if (href + 4 > gt) {
      LINK_OR_ANCHOR_START.lastIndex = match.index + 1;
      continue;
    }
    // `[^>]*` is greedy: the match ends at the last `href` before the `>`.
    while (firstHrefFrom(href + 1) + 4 <= gt) href = nextHref;
    count += 1;
    LINK_OR_ANCHOR_START.lastIndex = href + 4;
  }
  return count;
};

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
