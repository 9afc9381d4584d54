import { cleanName, cleanNames, type SourceName } from '../../../shared/engine';

export type { SourceName };
// The admin shows names the way citations and the library search spell them.
export { displayName } from '../../../shared/engine';

export type NameKind = 'person' | 'organisation';

/** The parts of a person's name, in the order the editor shows them (CSL's names). */
export const PERSON_PARTS = ['family', 'given', 'non-dropping-particle', 'dropping-particle', 'suffix'] as const;
export type PersonPart = (typeof PERSON_PARTS)[number];
/** The parts shown behind "More": most names have none of them. */
export const EXTRA_PERSON_PARTS: readonly PersonPart[] = ['non-dropping-particle', 'dropping-particle', 'suffix'];

/**
 * One row of the names editor, as typed. It holds both a person's parts and an organisation's
 * name, so switching the kind back and forth loses nothing; only the chosen kind is saved.
 */
export type NameDraft = { id: number; kind: NameKind; literal: string } & Record<PersonPart, string>;

let lastId = 0;

/** A row with nothing typed in it yet. */
export const emptyDraft = (kind: NameKind = 'person'): NameDraft => {
  lastId += 1;
  return { id: lastId, kind, literal: '', family: '', given: '', 'non-dropping-particle': '', 'dropping-particle': '', suffix: '' };
};

/** The rows for a stored value (a list of CSL names; anything else reads as no name). */
export const draftsFromNames = (value: unknown): NameDraft[] =>
  cleanNames(value).map((name) => {
    const draft = emptyDraft(name.literal !== undefined ? 'organisation' : 'person');
    draft.literal = name.literal ?? '';
    for (const part of PERSON_PARTS) draft[part] = name[part] ?? '';
    return draft;
  });

/**
 * What the rows save: each name trimmed, its empty parts left out, empty rows dropped; no name at
 * all is null (the field's empty value, as a source created without names has it).
 */
export const namesFromDrafts = (drafts: readonly NameDraft[]): SourceName[] | null => {
  const names = drafts
    .map((draft) =>
      draft.kind === 'organisation'
        ? cleanName({ literal: draft.literal })
        : cleanName(Object.fromEntries(PERSON_PARTS.map((part) => [part, draft[part]])))
    )
    .filter((name): name is SourceName => name !== null);
  return names.length > 0 ? names : null;
};

/** A stored value as the editor would save it: for telling a new value from the one it sent. */
export const normaliseNames = (value: unknown): SourceName[] | null => namesFromDrafts(draftsFromNames(value));

/** The list with the entry at `from` moved to `to`. */
export const moveItem = <T>(items: readonly T[], from: number, to: number): T[] => {
  const next = [...items];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
};
