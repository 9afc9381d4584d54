import { decodeString } from 'micromark-util-decode-string';

export interface ValueSpan {
  from: number;
  to: number;
}

const LINE_ENDING = /\r\n|\r|\n/g;

/**
 * What a raw run of inline text becomes in an mdast `text` value: backslash
 * escapes and character references decoded, NUL replaced (as micromark does).
 */
function decodeInline(raw: string): string {
  return decodeString(raw).replace(/\0/g, '\uFFFD');
}

/** Index just after the `count`-th line ending of `value` at or after `from`, or -1. */
function afterLineEndings(value: string, from: number, count: number): number {
  let index = from;
  for (let seen = 0; seen < count; seen++) {
    LINE_ENDING.lastIndex = index;
    const match = LINE_ENDING.exec(value);
    if (match === null) return -1;
    index = match.index + match[0].length;
  }
  return index;
}

/** Index just after the first line ending of `text` at or after `from`, or -1. */
function afterNextLineEnding(text: string, from: number): number {
  LINE_ENDING.lastIndex = from;
  const match = LINE_ENDING.exec(text);
  return match === null ? -1 : match.index + match[0].length;
}

/** How many line endings `text` has in [from, to). */
function countLineEndings(text: string, from: number, to: number): number {
  let count = 0;
  for (let index = afterNextLineEnding(text, from); index >= 0 && index <= to; index = afterNextLineEnding(text, index)) count++;
  return count;
}

/** `>`, space and tab: what a line's container prefix and indentation are made of. */
const isPrefixChar = (code: number): boolean => code === 0x3e || code === 0x20 || code === 0x09;

/** Length of the run of prefix characters at `from`, counting no further than `limit`. */
function prefixRun(text: string, from: number, limit: number): number {
  let length = 0;
  while (length < limit && from + length < text.length && isPrefixChar(text.charCodeAt(from + length))) length++;
  return length;
}

/**
 * Where each marker (raw body offsets) sits in the decoded value of the text
 * node that contains it; null where it cannot be placed with certainty.
 *
 * Markers are found in the raw body, but the renderer must split the node's
 * decoded value, which differs from the raw text: escapes and entities are
 * decoded, and each continuation line loses its indentation and container
 * prefix (`> `, list indent) plus trailing spaces. Markers never span lines,
 * so the raw text before a marker is mapped line by line: skip the same
 * number of line endings in the value, then match the decoded rest of the raw
 * line, with some cut of its leading prefix (`>`, spaces, tabs). Every
 * placement is verified against the value, so a wrong guess is impossible:
 * an unplaceable marker is left as literal text.
 *
 * `markers` must be sorted and inside [nodeStart, nodeEnd). Linear overall:
 * both cursors only move forward, past a placed marker or, after one that
 * cannot be placed, to the next line (the rest of that line cannot be placed
 * either, since its raw text before any later marker holds the failed one).
 */
export function locateInValue(
  body: string,
  nodeStart: number,
  value: string,
  markers: ReadonlyArray<{ start: number; end: number; marker: string }>,
): Array<ValueSpan | null> {
  const spans: Array<ValueSpan | null> = [];
  let rawCursor = nodeStart;
  let valueCursor = 0;
  let lost = false; // no line ending left in the value: nothing after can be placed
  for (const marker of markers) {
    const span = lost || marker.start < rawCursor ? null : locateOne(body, rawCursor, value, valueCursor, marker);
    spans.push(span);
    if (span !== null) {
      rawCursor = marker.end;
      valueCursor = span.to;
    } else if (!lost && marker.start >= rawCursor) {
      const nextLine = afterNextLineEnding(body, marker.end);
      const valueLine = nextLine < 0 ? -1 : afterLineEndings(value, valueCursor, countLineEndings(body, rawCursor, nextLine));
      if (valueLine < 0) lost = true;
      else {
        rawCursor = nextLine;
        valueCursor = valueLine;
      }
    }
  }
  return spans;
}

function locateOne(
  body: string,
  rawFrom: number,
  value: string,
  valueFrom: number,
  marker: { start: number; end: number; marker: string },
): ValueSpan | null {
  const before = body.slice(rawFrom, marker.start);
  const lines = before.split(LINE_ENDING);
  const lastLine = lines[lines.length - 1] ?? '';
  const lineStart = afterLineEndings(value, valueFrom, lines.length - 1);
  if (lineStart < 0) return null;
  // The line is prefix (`>`, spaces, tabs) + rest. Decoding leaves prefix
  // characters alone, so with `cut` of them dropped the decoded line is
  // prefix.slice(cut) + decoded rest. Which cut fits is decided by the run of
  // prefix characters the value's line starts with: it is the kept prefix
  // plus the run that starts the decoded rest (and marker), so one cut only
  // needs checking instead of decoding the line once per cut.
  const prefixLength = prefixRun(lastLine, 0, lastLine.length);
  const expected = decodeInline(lastLine.slice(prefixLength)) + decodeInline(marker.marker);
  const expectedRun = prefixRun(expected, 0, expected.length);
  const valueRun = prefixRun(value, lineStart, prefixLength + expectedRun + 1);
  const kept = valueRun - expectedRun;
  if (kept < 0 || kept > prefixLength) return null;
  if (!value.startsWith(lastLine.slice(prefixLength - kept, prefixLength), lineStart)) return null;
  if (!value.startsWith(expected, lineStart + kept)) return null;
  const to = lineStart + kept + expected.length;
  return { from: to - decodeInline(marker.marker).length, to };
}
