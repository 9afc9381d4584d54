import { UnreadableFileError } from './unreadable-file';
import type { InterchangeFormat } from './formats';

/** One record of an import file, with the line (1-based) where it starts. */
export interface RawEntry {
  line: number;
  text: string;
  /** Lines put before the record's own (BibTeX `@string` macros), for mapping parser positions. */
  prefixLines?: number;
}

export type ImportFormat = InterchangeFormat;

/** The format of a file's text, by its first significant characters; null when none fits. */
export function detectFormat(content: string): ImportFormat | null {
  const text = content.replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('[') || text.startsWith('{')) return 'csl-json';
  if (/^TY {2}- /m.test(text)) return 'ris';
  // Leading blanks of the `@` line only (not `\s*`, which also crosses line ends): from every line
  // start `^\s*` would run over all the blank lines that follow, quadratic on a file of newlines.
  if (/^[^\S\n\r\u2028\u2029]*@[A-Z]+\s*[{(]/im.test(text)) return 'bibtex';
  return null;
}

const lines = (content: string) => content.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);

/** BibTeX records not to import as sources: comments and preambles. */
const NOT_A_RECORD = /^\s*@(?:comment|preamble)\s*[{(]/i;
const STRING_MACRO = /^\s*@string\s*[{(]\s*([^\s"#%'(),={}]*)/i;
/** What can be a macro name where a field uses one (a superset: a word in braces counts too). */
const WORD = /[^\s"#%'(),={}]+/g;

const words = (text: string) => new Set(Array.from(text.matchAll(WORD), (match) => match[0].toLowerCase()));

/**
 * Characters of `@string` macros that may be prepended to records, in all: twice the file plus
 * some room. Only the macros a record uses are prepended, so real files stay far below it; a file
 * with one huge macro used by thousands of records would otherwise have each record's parse read
 * the macro again (quadratic time).
 */
const macroBudget = (content: string) => 2 * content.length + 100_000;

/**
 * BibTeX records, each from its `@type{` line to the line before the next one. The `@string`
 * macros a record uses (directly or through another macro) are prepended to it, in file order,
 * so that the record still parses alone.
 */
export function splitBibtex(content: string): RawEntry[] {
  const all = lines(content);
  const starts = all.flatMap((text, index) => (/^\s*@[A-Z]+\s*[{(]/i.test(text) ? [index] : []));
  const blocks = starts.map((start, position) => ({
    line: start + 1,
    text: all.slice(start, starts[position + 1] ?? all.length).join('\n'),
  }));
  const macros = blocks.flatMap((block) => {
    const match = STRING_MACRO.exec(block.text);
    return match ? [{ name: (match[1] ?? '').toLowerCase(), text: block.text, uses: words(block.text), lines: block.text.split('\n').length }] : [];
  });
  const macroIndex = new Map<string, number>();
  macros.forEach((macro, index) => macroIndex.set(macro.name, index));
  // A macro whose name cannot be read goes to every record, as all macros used to.
  const always = macros.flatMap((macro, index) => (macro.name === '' ? [index] : []));
  let budget = macroBudget(content);
  return blocks
    .filter((block) => !STRING_MACRO.test(block.text) && !NOT_A_RECORD.test(block.text))
    .map((block) => {
      const used = new Set(always);
      const pending = [...words(block.text)];
      for (let word = pending.pop(); word !== undefined; word = pending.pop()) {
        const index = macroIndex.get(word);
        if (index === undefined || used.has(index)) continue;
        used.add(index);
        pending.push(...macros[index].uses);
      }
      if (used.size === 0) return block;
      const prefix = [...used].sort((a, b) => a - b).map((index) => macros[index]);
      budget -= prefix.reduce((sum, macro) => sum + macro.text.length + 1, 0);
      if (budget < 0) {
        throw new UnreadableFileError(
          'the @string macros used by the entries are too long to import them one by one (write the values into the entries)',
          block.line
        );
      }
      return {
        line: block.line,
        text: `${prefix.map((macro) => macro.text).join('\n')}\n${block.text}`,
        prefixLines: prefix.reduce((sum, macro) => sum + macro.lines, 0),
      };
    });
}

/** RIS records, each from its `TY  - ` line to its `ER  - ` line (or the next `TY`). */
export function splitRis(content: string): RawEntry[] {
  const all = lines(content);
  const entries: RawEntry[] = [];
  let current: { line: number; rows: string[] } | null = null;
  all.forEach((text, index) => {
    if (/^TY {2}- /.test(text)) {
      if (current) entries.push({ line: current.line, text: current.rows.join('\n') });
      current = { line: index + 1, rows: [text] };
    } else if (current) {
      current.rows.push(text);
      if (/^ER {2}-/.test(text)) {
        entries.push({ line: current.line, text: current.rows.join('\n') });
        current = null;
      }
    }
  });
  if (current) entries.push({ line: (current as { line: number }).line, text: (current as { rows: string[] }).rows.join('\n') });
  return entries;
}

const lineAt = (text: string, offset: number) => text.slice(0, offset).split(/\r\n|\r|\n/).length;

/**
 * The line (1-based) of each offset, in one pass over the text (lineAt per element re-split the
 * text before it: quadratic on a long array). `offsets` ascending, none inside a \r\n.
 */
function lineNumbers(text: string, offsets: number[]): number[] {
  const result: number[] = [];
  let line = 1;
  let index = 0;
  for (const offset of offsets) {
    for (; index < offset && index < text.length; index += 1) {
      const code = text.charCodeAt(index);
      // \r\n is one line ending: count it at its \n.
      if (code === 0x0a || (code === 0x0d && text.charCodeAt(index + 1) !== 0x0a)) line += 1;
    }
    result.push(line);
  }
  return result;
}

/**
 * The start line of each element of a top-level JSON array (or of the one top-level object):
 * a small scanner that follows strings and nesting, since JSON.parse reports no positions.
 */
export function jsonElementLines(content: string): number[] {
  const text = content.replace(/^\uFEFF/, '');
  return lineNumbers(text, jsonElementOffsets(text));
}

/** `text` without the whitespace, commas and `]` that end it (a loop: `/[\s,\]]*$/` is quadratic). */
function trimElementEnd(text: string): string {
  let end = text.length;
  while (end > 0 && /[\s,\]]/.test(text[end - 1] as string)) end -= 1;
  return text.slice(0, end);
}

/** Offsets where the top-level elements start (see jsonElementLines). */
function jsonElementOffsets(content: string): number[] {
  const text = content.replace(/^\uFEFF/, '');
  const result: number[] = [];
  let depth = 0;
  let inString = false;
  let expectElement = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (inString) {
      if (char === '\\') index += 1;
      else if (char === '"') inString = false;
      continue;
    }
    if (/\s/.test(char)) continue;
    if (depth === 0 && char === '{') {
      result.push(index);
    }
    if (depth === 1 && expectElement && char !== ']') {
      result.push(index);
      expectElement = false;
    }
    if (char === '"') inString = true;
    else if (char === '[' || char === '{') {
      depth += 1;
      if (depth === 1 && char === '[') expectElement = true;
    } else if (char === ']' || char === '}') depth -= 1;
    else if (char === ',' && depth === 1) expectElement = true;
  }
  return result;
}

/**
 * Line of a JSON.parse error: from the message where V8 gives a position, else the start line of
 * the first top-level element that does not parse on its own.
 */
export function jsonErrorLine(content: string, error: Error): number {
  const text = content.replace(/^\uFEFF/, '');
  const line = /\(line (\d+) column/.exec(error.message);
  if (line) return Number(line[1]);
  const position = /position (\d+)/.exec(error.message);
  if (position) return lineAt(text, Number(position[1]));
  const offsets = jsonElementOffsets(text);
  for (const [index, start] of offsets.entries()) {
    const chunk = trimElementEnd(text.slice(start, offsets[index + 1] ?? text.length));
    try {
      JSON.parse(chunk);
    } catch {
      return lineAt(text, start);
    }
  }
  return 1;
}
