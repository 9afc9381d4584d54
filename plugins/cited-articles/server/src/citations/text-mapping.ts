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
 * line, trying each cut of its leading prefix (`>`, spaces, tabs). Every
 * placement is verified against the value, so a wrong guess is impossible:
 * an unplaceable marker is left as literal text.
 *
 * `markers` must be sorted and inside [nodeStart, nodeEnd); linear overall.
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
  for (const marker of markers) {
    const span = locateOne(body, rawCursor, value, valueCursor, marker);
    spans.push(span);
    if (span !== null) {
      rawCursor = marker.end;
      valueCursor = span.to;
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
  const decodedMarker = decodeInline(marker.marker);
  const prefixLength = /^[ \t>]*/.exec(lastLine)?.[0].length ?? 0;
  for (let cut = 0; cut <= prefixLength; cut++) {
    const decodedBefore = decodeInline(lastLine.slice(cut));
    const from = lineStart + decodedBefore.length;
    if (value.startsWith(decodedBefore, lineStart) && value.startsWith(decodedMarker, from)) {
      return { from, to: from + decodedMarker.length };
    }
  }
  return null;
}
