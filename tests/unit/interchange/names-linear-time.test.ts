/**
 * The name readers added for BibTeX and RIS run on every entry of an import file: crafted names
 * must not take time quadratic in their length (see tests/unit/linear-time.test.ts for the method).
 */
import { withBracedOrganisations } from '@cited-articles/server/src/interchange/bibtex-names';
import { risName } from '@cited-articles/server/src/interchange/ris-fields';
import { nameFromLine } from '@cited-articles/server/src/lookup/name-text';
import { cpuGrowth, LINEAR_BOUND } from '../../helpers/cpu-growth';

describe('name readers in linear time', () => {
  it('splits a BibTeX author field with a long run of blanks (the " and " path)', () => {
    const raw = (n: number) => `@misc{x, author = {A${' '.repeat(n)}B and {C D}}, title = {T}}`;
    const read = (text: string) => withBracedOrganisations('authors', [{ family: 'B', given: 'A' }, { family: 'C D' }], text);
    expect(read(raw(100_000))).toEqual([{ family: 'B', given: 'A' }, { literal: 'C D' }]);
    expect(cpuGrowth(raw, read, 50_000)).toBeLessThan(LINEAR_BOUND);
  });

  it('reads a RIS or page name of many lower-case words (the particle path)', () => {
    const line = (n: number) => `${'van '.repeat(n)}Berg, Pieter`;
    expect(risName(line(3))).toEqual({ family: 'Berg', given: 'Pieter', 'non-dropping-particle': 'van van van' });
    // 8 kB against 64 kB, ten reads per timing so that the small one is not timer noise. From
    // 100 kB to 800 kB these linear reads grew 14x to 18x on a quiet machine (the larger arrays of
    // words leave the CPU caches and the young generation) and 29x once under CI's load; at these
    // sizes they grow 9x to 11x, a quadratic path 64x.
    const tenTimes = (read: (text: string) => unknown) => (text: string) => {
      for (let i = 0; i < 10; i++) read(text);
    };
    expect(cpuGrowth(line, tenTimes(risName), 2_000)).toBeLessThan(LINEAR_BOUND);
    expect(cpuGrowth(line, tenTimes(nameFromLine), 2_000)).toBeLessThan(LINEAR_BOUND);
  });
});
