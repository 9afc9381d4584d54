/**
 * The linear-time tests rest on cpuGrowth telling a linear path from a quadratic one: it must
 * still read a quadratic path over the bound after measuring again (tests/helpers/cpu-growth.ts).
 */
import { cpuGrowth, LINEAR_BOUND } from '../helpers/cpu-growth';

/** Every pair of characters compared: n squared steps. */
const pairs = (text: string) => {
  let same = 0;
  for (let i = 0; i < text.length; i++) for (let j = 0; j < text.length; j++) if (text.charCodeAt(i) === text.charCodeAt(j)) same++;
  return same;
};

/** Every character read once. */
const once = (text: string) => {
  let sum = 0;
  for (let i = 0; i < text.length; i++) sum += text.charCodeAt(i);
  return sum;
};

describe('cpuGrowth', () => {
  it('reads a quadratic path over the linear bound', () => {
    expect(cpuGrowth((n) => 'ab'.repeat(n / 2), pairs, 300, 1)).toBeGreaterThan(LINEAR_BOUND);
  });

  it('reads a linear path under it', () => {
    expect(cpuGrowth((n) => 'ab'.repeat(n / 2), once, 100_000)).toBeLessThan(LINEAR_BOUND);
  });
});
