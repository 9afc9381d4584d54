/** One record of an import file, with the line (1-based) where it starts. */
export interface RawEntry {
  line: number;
  text: string;
  /** Lines put before the record's own (BibTeX `@string` macros), for mapping parser positions. */
  prefixLines?: number;
}

export type ImportFormat = 'bibtex' | 'ris' | 'csl-json';

/** The format of a file's text, by its first significant characters; null when none fits. */
export function detectFormat(content: string): ImportFormat | null {
  const text = content.replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('[') || text.startsWith('{')) return 'csl-json';
  if (/^TY {2}- /m.test(text)) return 'ris';
  if (/^\s*@[A-Za-z]+\s*[{(]/m.test(text)) return 'bibtex';
  return null;
}

const lines = (content: string) => content.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);

/** BibTeX records not to import as sources: comments and preambles. */
const NOT_A_RECORD = /^\s*@(comment|preamble)\s*[{(]/i;
const STRING_MACRO = /^\s*@string\s*[{(]/i;

/**
 * BibTeX records, each from its `@type{` line to the line before the next one. `@string` macros
 * are collected and prepended to every record, so that a record using one still parses alone.
 */
export function splitBibtex(content: string): RawEntry[] {
  const all = lines(content);
  const starts = all.flatMap((text, index) => (/^\s*@[A-Za-z]+\s*[{(]/.test(text) ? [index] : []));
  const blocks = starts.map((start, position) => ({
    line: start + 1,
    text: all.slice(start, starts[position + 1] ?? all.length).join('\n'),
  }));
  const macros = blocks.filter((block) => STRING_MACRO.test(block.text)).map((block) => block.text);
  const prefix = macros.join('\n');
  return blocks
    .filter((block) => !STRING_MACRO.test(block.text) && !NOT_A_RECORD.test(block.text))
    .map((block) =>
      prefix === ''
        ? block
        : { line: block.line, text: `${prefix}\n${block.text}`, prefixLines: prefix.split('\n').length }
    );
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
 * The start line of each element of a top-level JSON array (or of the one top-level object):
 * a small scanner that follows strings and nesting, since JSON.parse reports no positions.
 */
export function jsonElementLines(content: string): number[] {
  return jsonElementOffsets(content).map((offset) => lineAt(content.replace(/^\uFEFF/, ''), offset));
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
    const chunk = text.slice(start, offsets[index + 1] ?? text.length).replace(/[\s,\]]*$/, '');
    try {
      JSON.parse(chunk);
    } catch {
      return lineAt(text, start);
    }
  }
  return 1;
}
