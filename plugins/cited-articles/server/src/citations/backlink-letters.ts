/**
 * Letter suffix of the n-th use (0-based) of a reference, as in Wikipedia's
 * back-links: a … z, then aa, ab … az, ba … (bijective base 26, so there is
 * no "a0"-style gap and the ids stay unique however often a source is reused).
 */
export function backlinkLetters(index: number): string {
  let n = Math.max(0, Math.floor(index)) + 1;
  let letters = '';
  while (n > 0) {
    n -= 1;
    letters = String.fromCharCode(97 + (n % 26)) + letters;
    n = Math.floor(n / 26);
  }
  return letters;
}
