import { cleanName, nameFromText } from '../citations/names';
import type { SourceName } from '../citations/types';
import { splitParticle } from '../interchange/ris-fields';
import { text } from './looked-up-source';

/**
 * Words that make a one-line name an organisation: pages and Open Library give "World Health
 * Organization" where a person would be "Jane Doe", with nothing else to tell them apart.
 */
const ORGANISATION_WORD =
  /\b(?:organi[sz]ation|institute|institution|university|universit[àé]|college|association|society|agency|ministry|department|council|committee|commission|foundation|group|office|bureau|centre|center|network|staff|company|corporation|inc|ltd|llc|gmbh|nations|consortium|authority|government)\b\.?/i;

/**
 * A name given as one line by a page or an API: "Family, Given" (leading lower-case words of the
 * family are its particle: "van Beethoven, Ludwig"), "Given Family", or an organisation kept
 * whole (braced, one word, or with a word such as "Organization", "Ministry" or "University").
 */
export function nameFromLine(value: unknown): SourceName | null {
  const line = text(value);
  if (line === null) return null;
  if (!line.startsWith('{') && ORGANISATION_WORD.test(line)) return { literal: line };
  if (line.includes(',') && !line.startsWith('{')) {
    const [family = '', given = '', ...suffix] = line.split(',').map((part) => part.trim());
    const parts = splitParticle(family);
    return cleanName({ family: parts.family, 'non-dropping-particle': parts.particle, given, suffix: suffix.join(', ') });
  }
  return nameFromText(line);
}

/** The names of a list of lines, the empty ones left out. */
export const namesFromLines = (values: readonly unknown[]): SourceName[] =>
  values.map(nameFromLine).filter((name): name is SourceName => name !== null);
