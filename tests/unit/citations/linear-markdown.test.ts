/**
 * The Markdown parse behind marker parsing and bodyHtml: linear on long paragraphs full of inline
 * constructs (micromark's own merge of text runs is quadratic, see citations/linear-data-merge.ts),
 * and refusing to hand micromark a line nested hundreds of containers deep.
 */
import fc from 'fast-check';
import { mergeDataRuns } from '@cited-articles/server/src/citations/linear-data-merge';
import { MAX_NESTING, NestingTooDeepError, parseMarkdown } from '@cited-articles/server/src/citations/markdown';
import { deepestNesting } from '@cited-articles/server/src/citations/nesting-depth';
import { renderBodyHtml, resolveCitations } from '@cited-articles/server/src/citations';
import { cpuGrowth, LINEAR_BOUND } from '../../helpers/cpu-growth';

type Event = Parameters<typeof mergeDataRuns>[0][number];

/** micromark 4.0.3's resolveAllText, as written there: one splice per run. */
function mergeBySplice(events: Event[]): Event[] {
  let index = -1;
  let enter: number | undefined;
  while (++index <= events.length) {
    if (enter === undefined) {
      if (events[index] && events[index][1].type === 'data') {
        enter = index;
        index++;
      }
    } else if (!events[index] || events[index][1].type !== 'data') {
      if (index !== enter + 2) {
        events[enter][1].end = events[index - 1][1].end;
        events.splice(enter + 2, index - enter - 2);
        index = enter + 2;
      }
      enter = undefined;
    }
  }
  return events;
}

/** enter/exit pairs of tokens, data or not, each ending at its own position. */
const eventLists = fc.array(fc.constantFrom('data', 'labelLink', 'emphasis', 'characterReference'), { maxLength: 40 }).map((types) =>
  types.flatMap((type, position): Event[] => {
    const token = { type, end: position };
    return [
      ['enter', token, null],
      ['exit', token, null],
    ];
  })
);

const snapshot = (events: Event[]) => events.map(([kind, token]) => [kind, token.type, token.end]);

describe('mergeDataRuns', () => {
  it('merges exactly as micromark does, in one pass', () => {
    fc.assert(
      fc.property(eventLists, (list) => {
        // Tokens are shared by their enter and exit events: copy them pairwise.
        const pairwise = (events: Event[]) => {
          const copies = new Map<object, Event[1]>();
          return events.map(([kind, token, context]): Event => {
            if (!copies.has(token)) copies.set(token, { ...token });
            return [kind, copies.get(token)!, context];
          });
        };
        expect(snapshot(mergeDataRuns(pairwise(list)))).toEqual(snapshot(mergeBySplice(pairwise(list))));
      })
    );
  });
});

describe('parsing long paragraphs', () => {
  it('parses markers on one line in time linear in the body, every marker found', () => {
    const resolve = (body: string) => resolveCitations(body, [{ documentId: 'd1', key: 'k1', title: 'T' }], { numberingStart: 1 });
    const resolved = resolve('[@k1] '.repeat(70_000));
    expect(resolved.citations).toHaveLength(70_000);
    expect(resolved.references).toHaveLength(1);
    // 25 kB → 200 kB: about 8x now; 50x with micromark's own merge (200 kB took 14 s, 1 MB 247 s).
    expect(cpuGrowth((n) => '[@k1] '.repeat(n / 6), resolve, 25_200, 2)).toBeLessThan(LINEAR_BOUND);
  });

  it('keeps the tree micromark builds: text runs merged, positions intact', () => {
    const body = 'a]b&amp; [@k1] \\x *e* [2]\n\nnext [x]: y';
    const { tree } = parseMarkdown(body);
    const paragraph = tree.children[0] as {
      children: Array<{ type: string; value?: string; position?: { start: { offset?: number }; end: { offset?: number } } }>;
    };
    const texts = paragraph.children.filter((node) => node.type === 'text');
    for (const node of texts) {
      expect(node.value).toBeDefined();
      expect(node.position?.start.offset).toBeLessThan(node.position!.end.offset!);
    }
    expect(texts[0].value).toBe('a]b& [@k1] \\x ');
  });
});

describe('nesting', () => {
  it('counts container openers on a line and list items kept open by indentation', () => {
    expect(deepestNesting('plain\n> a\n> > b\n- > 1. c')).toBe(3);
    expect(deepestNesting('-x\n*emphasis*\n2023 was a year')).toBe(0);
    expect(deepestNesting(`${'> '.repeat(500)}x`)).toBe(500);
    expect(deepestNesting('- a\n  - b\n    - c\n\n      more of c\n- d')).toBe(3);
    const staircase = Array.from({ length: 300 }, (_, depth) => `${'  '.repeat(depth)}- x`).join('\n');
    expect(deepestNesting(staircase)).toBe(300);
  });

  it('leaves a list nested by indentation past the limit to the plain-text fallback', () => {
    const body = Array.from({ length: 2000 }, (_, line) => `${'  '.repeat(line % 400)}- x [@k1]`).join('\n');
    // Refused before micromark sees it (nesting multiplies its cost: 16x per 10x of input).
    expect(() => parseMarkdown(body)).toThrow(NestingTooDeepError);
    const resolved = resolveCitations(body, [{ documentId: 'd1', key: 'k1', title: 'T' }], { numberingStart: 1 });
    expect(resolved.citations).toHaveLength(2000);
  });

  it('renders a body nested past the limit as plain text with its citations, at once', () => {
    const body = `${'> '.repeat(50_000)}[@k1]`;
    const sources = [{ documentId: 'd1', key: 'k1', title: 'T' }];
    const resolved = resolveCitations(body, sources, { numberingStart: 1 });
    const html = renderBodyHtml(body, resolved);
    expect(resolved.citations).toHaveLength(1);
    expect(html).toContain('href="#ref-1"');
    expect(() => parseMarkdown(body)).toThrow(NestingTooDeepError);
  });

  it('still parses ordinary nesting as Markdown', () => {
    const body = `${'> '.repeat(MAX_NESTING)}quoted [@k1]`;
    const { tree } = parseMarkdown(body);
    expect(tree.children[0].type).toBe('blockquote');
  });
});
