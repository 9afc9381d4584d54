import type { BadPositionReason, MalformedReason } from './types';

/**
 * Issue messages. Each says what is wrong and how to fix it, because editors
 * read them in the admin panel next to the body.
 */

/** Markers are shown in messages, but a 10,000-digit "position" must not flood the panel. */
function shown(marker: string): string {
  const max = 60;
  return marker.length <= max ? marker : `${marker.slice(0, max - 2)}…]`;
}

/** "this article lists 6 sources, numbered 1 to 6" */
export function describeList(count: number, numberingStart: number): string {
  if (count === 0) return 'this article lists no sources; add the source to its citations or cite it by key, e.g. [@source-key]';
  if (count === 1) return `this article lists 1 source, numbered ${numberingStart}`;
  return `this article lists ${count} sources, numbered ${numberingStart} to ${numberingStart + count - 1}`;
}

export function unknownKeyMessage(key: string): string {
  return `No source has the key "${key}". Check the spelling, or create the source first.`;
}

export function outOfRangeMessage(marker: string, count: number, numberingStart: number): string {
  return `Position ${shown(marker)} is out of range: ${describeList(count, numberingStart)}.`;
}

const BAD_POSITION_HINT: Record<BadPositionReason, string> = {
  negative: 'positions cannot be negative',
  signed: 'write the position without a sign, e.g. [1]',
  fractional: 'positions are whole numbers',
  'leading-zero': 'write the position without leading zeros, e.g. [1]',
  'too-large': 'the number is far too large',
};

export function badPositionMessage(marker: string, reason: BadPositionReason, count: number, numberingStart: number): string {
  return `Position ${shown(marker)} is out of range: ${BAD_POSITION_HINT[reason]}; ${describeList(count, numberingStart)}.`;
}

const MALFORMED_HINT: Record<MalformedReason, string> = {
  'missing-key': '"@" must be followed by a source key, e.g. [@jpost-2023]',
  'space-after-at': 'write the source key right after "@" with no space, e.g. [@jpost-2023]',
  'invalid-key': 'source keys contain only letters, digits and - _ . : and start with a letter or digit',
  'empty-item': 'it has an empty entry between ";" separators; remove the extra ";"',
  'item-without-at': 'every source after ";" needs its own "@", e.g. [@a; @b]',
  'missing-comma': 'separate the locator from the key with a comma, e.g. [@a, p. 3]',
  'empty-locator': 'nothing follows the comma; add a locator such as "p. 12" or remove the comma',
  'position-list': 'to cite several positions, put each in its own brackets, e.g. [1][2]',
};

export function malformedMessage(marker: string, reason: MalformedReason): string {
  const what = reason === 'position-list' ? 'is not a citation' : 'is malformed';
  return `Marker ${shown(marker)} ${what}: ${MALFORMED_HINT[reason]}.`;
}

export function unusedMessage(key: string, position: number): string {
  return `Source "${key}" (position ${position}) is listed but never cited in the body: cite it with [@${key}] or remove it from the list.`;
}

export function sameUrlMessage(firstKey: string, secondKey: string, url: string): string {
  return `Sources "${firstKey}" and "${secondKey}" point to the same page (${url}): keep one and cite it everywhere.`;
}

export function listedTwiceMessage(key: string, firstPosition: number, secondPosition: number): string {
  return `Source "${key}" is listed twice (positions ${firstPosition} and ${secondPosition}): remove one of them.`;
}

export function sharedKeyMessage(key: string, firstPosition: number, secondPosition: number): string {
  return `The sources at positions ${firstPosition} and ${secondPosition} share the key "${key}"; [@${key}] cites the first one. Give each source its own key.`;
}

export function brokenLinkMessage(key: string, url: string, archiveUrl: string | null | undefined): string {
  const fix = archiveUrl
    ? `an archived copy is on record (${archiveUrl}); check it, or give the source its new address`
    : 'give the source its new address, or an archived copy as its archive URL';
  return `The link of source "${key}" is broken (${url}): ${fix}.`;
}

export function retractedMessage(key: string, doi: string | null | undefined): string {
  const which = doi ? ` (DOI ${doi})` : '';
  return `Source "${key}"${which} has been retracted: remove the citation, or say in the text that the work was retracted.`;
}
