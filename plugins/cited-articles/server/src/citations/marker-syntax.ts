import type { BadPositionReason, CitedItem, MalformedReason } from './types';

/** What the text between `[` and `]` means. `null`: plain prose, not reported. */
export type BracketMeaning =
  | { kind: 'key'; items: CitedItem[] }
  | { kind: 'position'; position: number }
  | { kind: 'bad-position'; reason: BadPositionReason }
  | { kind: 'malformed'; reason: MalformedReason };

/**
 * Source keys: letters, digits and `- _ . :`, starting with a letter, digit
 * or `_` (so `[@-]` or `[@.]` is malformed rather than an unknown key).
 * Unicode letters are accepted because publications outside English use them.
 */
const KEY = /^[\p{L}\p{N}_][\p{L}\p{M}\p{N}_.:-]*$/u;

/** Anything a reader would call "a number": sign, digits, decimal point. */
const NUMBER_LIKE = /^[+\-\u2212]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const WHOLE_NUMBER = /^(?:0|[1-9]\d*)$/;
/** `1, 2`, `1;2`, `1-3`, `1–3, 5`: several positions in one pair of brackets. */
const POSITION_LIST = /^\d+(?:\s*[-\u2013]\s*\d+)?(?:\s*[,;]\s*\d+(?:\s*[-\u2013]\s*\d+)?)*$/;

/**
 * Classify the content of one bracket pair.
 *
 * Only two shapes are citation attempts, so ordinary bracketed prose (`[sic]`,
 * `[see below]`, `[2023-02-22]`) is never reported:
 * - content starting with `@` (after spaces): a Pandoc-style key citation;
 * - content that is a number or a list/range of numbers.
 */
export function classifyBracketContent(content: string): BracketMeaning | null {
  const trimmed = content.trim();
  if (trimmed.startsWith('@')) return classifyKeyCitation(trimmed);
  if (NUMBER_LIKE.test(trimmed)) return classifyNumber(trimmed);
  if (POSITION_LIST.test(trimmed)) return { kind: 'malformed', reason: 'position-list' };
  return null;
}

function classifyNumber(text: string): BracketMeaning {
  const sign = text[0];
  if (sign === '-' || sign === '\u2212') return { kind: 'bad-position', reason: 'negative' };
  if (sign === '+') return { kind: 'bad-position', reason: 'signed' };
  if (text.includes('.')) return { kind: 'bad-position', reason: 'fractional' };
  if (!WHOLE_NUMBER.test(text)) return { kind: 'bad-position', reason: 'leading-zero' };
  // Beyond 2^53 the number cannot be represented exactly, so it cannot name a
  // position; no article lists that many sources anyway.
  const position = Number(text);
  if (!Number.isSafeInteger(position)) return { kind: 'bad-position', reason: 'too-large' };
  return { kind: 'position', position };
}

/** `@a`, `@a, p. 3; @b`: items split on `;`, locator after the item's first comma. */
function classifyKeyCitation(text: string): BracketMeaning {
  const items: CitedItem[] = [];
  for (const rawItem of text.split(';')) {
    const item = rawItem.trim();
    if (item === '') return { kind: 'malformed', reason: 'empty-item' };
    if (!item.startsWith('@')) return { kind: 'malformed', reason: 'item-without-at' };
    const rest = item.slice(1);
    if (rest === '' || rest.startsWith(',')) return { kind: 'malformed', reason: 'missing-key' };
    if (/^\s/.test(rest)) return { kind: 'malformed', reason: 'space-after-at' };

    const comma = rest.indexOf(',');
    const key = (comma < 0 ? rest : rest.slice(0, comma)).trimEnd();
    const locator = comma < 0 ? null : rest.slice(comma + 1).trim();
    if (!KEY.test(key)) {
      const firstWord = key.split(/\s/, 1)[0] ?? '';
      const reason: MalformedReason = /\s/.test(key) && KEY.test(firstWord) ? 'missing-comma' : 'invalid-key';
      return { kind: 'malformed', reason };
    }
    if (locator === '') return { kind: 'malformed', reason: 'empty-locator' };
    items.push({ key, locator });
  }
  return { kind: 'key', items };
}
