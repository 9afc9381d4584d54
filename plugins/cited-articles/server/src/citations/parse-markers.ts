import { citableTextRanges } from './citable-text';
import { classifyBracketContent } from './marker-syntax';
import type { ParsedMarker } from './types';

const OPEN = 0x5b; // [
const CLOSE = 0x5d; // ]
const BACKSLASH = 0x5c;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Every marker occurrence in the body, valid or not, in body order, with
 * offsets into the body (`body.slice(start, end) === marker`).
 *
 * Markers are searched only in Markdown text (see citable-text.ts). A marker
 * is one bracket pair on one line with no bracket inside; what is between the
 * brackets decides whether it is a citation (see marker-syntax.ts).
 */
export function parseMarkers(body: string): ParsedMarker[] {
  if (typeof body !== 'string' || body === '') return [];
  const markers: ParsedMarker[] = [];
  for (const range of citableTextRanges(body)) scanRange(body, range.start, range.end, markers);
  return markers;
}

function scanRange(body: string, from: number, to: number, out: ParsedMarker[]): void {
  for (let i = from; i < to; i++) {
    if (body.charCodeAt(i) !== OPEN || isEscaped(body, i, from)) continue;
    // Find what ends the candidate: `]`, another `[` (then that inner `[`
    // is the real candidate) or a line break (markers do not span lines, so
    // a container prefix such as `> ` can never end up inside one).
    let j = i + 1;
    while (j < to) {
      const c = body.charCodeAt(j);
      if (c === OPEN || c === CLOSE || c === LF || c === CR) break;
      j++;
    }
    if (j >= to || body.charCodeAt(j) !== CLOSE) {
      i = j - 1; // resume at the stopping character; keeps the scan linear
      continue;
    }
    // `[@a\]`: the author escaped the closing bracket, so it is literal text.
    if (!isEscaped(body, j, from)) {
      const meaning = classifyBracketContent(body.slice(i + 1, j));
      if (meaning !== null) out.push({ ...meaning, marker: body.slice(i, j + 1), start: i, end: j + 1 });
    }
    i = j;
  }
}

/** An odd run of backslashes before `index` (within the text node) escapes it; `\\[1]` is still a marker. */
function isEscaped(body: string, index: number, from: number): boolean {
  let count = 0;
  for (let k = index - 1; k >= from && body.charCodeAt(k) === BACKSLASH; k--) count++;
  return count % 2 === 1;
}
