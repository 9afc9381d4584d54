/**
 * The deepest run of container openers (`>`, `-`, `*`, `+`, `1.`, `1)`) at the start of any line,
 * in one pass over the body.
 *
 * micromark re-enters every open container for each new one on the same line, so a single line of
 * `> > > …` or `- - - …` costs the square of its length (10 kB took 1.6 s, 100 kB minutes). Bodies
 * nested past a limit are not given to it at all (see markdown.ts). Nesting across lines through
 * indentation needs indentation that grows with depth, so it stays linear and is not counted.
 */
export function deepestLineNesting(body: string): number {
  let deepest = 0;
  let depth = 0;
  let atLineStart = true;
  let index = 0;
  while (index < body.length) {
    const char = body.charCodeAt(index);
    if (char === 0x0a || char === 0x0d) {
      atLineStart = true;
      depth = 0;
      index += 1;
      continue;
    }
    if (!atLineStart) {
      index += 1;
      continue;
    }
    if (char === 0x20 || char === 0x09) {
      index += 1;
    } else if (char === 0x3e /* > */) {
      depth += 1;
      index += 1;
    } else if ((char === 0x2d || char === 0x2a || char === 0x2b) && isBlank(body.charCodeAt(index + 1))) {
      depth += 1;
      index += 2;
    } else if (char >= 0x30 && char <= 0x39) {
      let end = index;
      while (end < body.length && end - index < 10 && isDigit(body.charCodeAt(end))) end += 1;
      const delimiter = body.charCodeAt(end);
      if ((delimiter === 0x2e || delimiter === 0x29) && isBlank(body.charCodeAt(end + 1))) {
        depth += 1;
        index = end + 2;
      } else {
        atLineStart = false;
      }
    } else {
      atLineStart = false;
    }
    if (depth > deepest) deepest = depth;
  }
  return deepest;
}

const isBlank = (code: number) => code === 0x20 || code === 0x09 || Number.isNaN(code) || code === 0x0a || code === 0x0d;
const isDigit = (code: number) => code >= 0x30 && code <= 0x39;
