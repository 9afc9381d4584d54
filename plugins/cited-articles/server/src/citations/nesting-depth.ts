/**
 * How deeply the body's containers (block quotes, list items) nest, in one pass: an upper bound,
 * counted line by line.
 *
 * micromark and mdast-util-from-markdown do work per open container on each line, and again per
 * list when a list closes, so nesting depth multiplies the cost of the body: one line of
 * `> > > …` or `- - - …` costs the square of its length (10 kB took 1.6 s, 100 kB minutes), and
 * lists nested by growing indentation grew 16x per 10x of input. Bodies nested past a limit are
 * not given to the parser at all (see markdown.ts).
 *
 * Each line counts the open list items its indentation keeps open (a stack of content columns,
 * popped when a line is indented less) plus the container openers at its start (`>`, `-`, `*`,
 * `+`, `1.`, `1)`). Lazy continuation and other fine points of CommonMark are ignored: the count
 * may be high, never low, for what matters here.
 */
export function deepestNesting(body: string): number {
  const open: number[] = [];
  let deepest = 0;
  let lineStart = 0;
  while (lineStart <= body.length) {
    let lineEnd = lineStart;
    while (lineEnd < body.length && body.charCodeAt(lineEnd) !== 0x0a && body.charCodeAt(lineEnd) !== 0x0d) lineEnd += 1;
    deepest = Math.max(deepest, lineNesting(body, lineStart, lineEnd, open));
    lineStart = lineEnd + 1;
  }
  return deepest;
}

function lineNesting(body: string, start: number, end: number, open: number[]): number {
  let index = start;
  let column = 0;
  while (index < end && isSpace(body.charCodeAt(index))) {
    column += body.charCodeAt(index) === 0x09 ? 4 - (column % 4) : 1;
    index += 1;
  }
  if (index === end) return open.length; // a blank line closes nothing
  while (open.length > 0 && open[open.length - 1] > column) open.pop();
  let depth = open.length;
  while (index < end) {
    const code = body.charCodeAt(index);
    let width = 0;
    if (code === 0x3e /* > */) {
      width = 1;
    } else if ((code === 0x2d || code === 0x2a || code === 0x2b) && isBlankAt(body, index + 1, end)) {
      width = 1;
    } else if (isDigit(code)) {
      let digitsEnd = index;
      while (digitsEnd < end && digitsEnd - index < 10 && isDigit(body.charCodeAt(digitsEnd))) digitsEnd += 1;
      const delimiter = body.charCodeAt(digitsEnd);
      if ((delimiter === 0x2e || delimiter === 0x29) && isBlankAt(body, digitsEnd + 1, end)) width = digitsEnd + 1 - index;
    }
    if (width === 0) break;
    depth += 1;
    index += width;
    column += width;
    while (index < end && isSpace(body.charCodeAt(index))) {
      column += 1;
      index += 1;
    }
    // A list item's content column keeps it open on the lines indented at least as far.
    if (code !== 0x3e) open.push(column);
  }
  return depth;
}

const isSpace = (code: number) => code === 0x20 || code === 0x09;
const isDigit = (code: number) => code >= 0x30 && code <= 0x39;
const isBlankAt = (body: string, index: number, end: number) => index >= end || isSpace(body.charCodeAt(index));
