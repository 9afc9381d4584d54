import { basename, dirname, join } from 'node:path';

/**
 * Keeps micromark linear on long paragraphs.
 *
 * micromark (4.0.3, the newest) ends every text and string tokenizer with `resolveAllText`, which
 * merges each run of adjacent `data` events with one `Array#splice` on the whole event list. A
 * paragraph with many runs (every marker `[@a]`, failed `]`, `\x`, `&x` or `<x` starts one) is
 * therefore quadratic: 1 MB of `[@a] ` took minutes, and one preview or save of such a body stalled
 * the server.
 *
 * `mergeDataRuns` does the same merge in one pass, in place. It is installed in front of micromark's
 * own resolver (which then finds nothing left to merge) on the three initial constructs that carry
 * it. Those objects are module singletons that micromark's parser reads at parse time, so the wrap
 * applies to every parse in the process; it changes no result (tests/unit/citations/linear-markdown
 * compares trees with and without it).
 */

type Event = [string, { type: string; end: unknown }, unknown];
type Resolver = (events: Event[], context: unknown) => Event[];
interface InitialConstruct {
  resolveAll?: Resolver;
}

/** One pass over `events`: each run of `data` events becomes its first token, ending where the run ends. */
export function mergeDataRuns(events: Event[]): Event[] {
  const length = events.length;
  let write = 0;
  let read = 0;
  while (read < length) {
    if (events[read][1].type !== 'data') {
      events[write++] = events[read++];
      continue;
    }
    let end = read + 1;
    while (end < length && events[end][1].type === 'data') end += 1;
    // A run is enter/exit pairs; keep the first pair and stretch its token over the run.
    if (end - read > 2) events[read][1].end = events[end - 1][1].end;
    const keep = Math.min(2, end - read);
    for (let index = 0; index < keep; index += 1) events[write++] = events[read + index];
    read = end;
  }
  events.length = write;
  return events;
}

const WRAPPED = Symbol.for('cited-articles.linear-data-merge');

function wrap(construct: InitialConstruct | undefined): void {
  const original = construct?.resolveAll;
  if (!construct || !original || (original as unknown as Record<symbol, boolean>)[WRAPPED]) return;
  const linear: Resolver = (events, context) => original(mergeDataRuns(events), context);
  (linear as unknown as Record<symbol, boolean>)[WRAPPED] = true;
  construct.resolveAll = linear;
}

let installed = false;

/**
 * Wraps micromark's text resolvers (both builds: `lib` is what Node loads, `dev` what a
 * `development` export condition loads). micromark is found where mdast-util-from-markdown finds
 * it, so the wrapped objects are the ones the parser uses.
 */
export function installLinearDataMerge(): void {
  if (installed) return;
  installed = true;
  const fromMarkdownEntry = require.resolve('mdast-util-from-markdown');
  const micromarkEntry = require.resolve('micromark', { paths: [dirname(fromMarkdownEntry)] });
  // The package root: index.js sits there, dev/index.js one folder down.
  const entryDir = dirname(micromarkEntry);
  const root = basename(entryDir) === 'dev' ? dirname(entryDir) : entryDir;
  for (const build of ['lib', join('dev', 'lib')]) {
    let initializers: Record<string, InitialConstruct>;
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a file path inside micromark, which its exports map does not name; require(esm) shares the module instance the parser uses
      initializers = require(join(root, build, 'initialize', 'text.js'));
    } catch {
      continue;
    }
    wrap(initializers.text);
    wrap(initializers.string);
    wrap(initializers.resolver);
  }
}
