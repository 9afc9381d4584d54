/**
 * Reads the article edit form's values the plugin uses. The Content Manager's form types its values
 * as `object` (any content type's fields): each reader checks the one field it needs.
 */

type RelationItem = { documentId?: string; id?: number };
/** A relation field in the form: only the unsaved changes (the saved list is loaded apart). */
export type RelationChanges = { connect?: RelationItem[]; disconnect?: RelationItem[] } | undefined;

const field = (values: object, name: string): unknown => (name in values ? (values as Record<string, unknown>)[name] : undefined);

/** The Markdown body, or undefined when the form has none yet. */
export const bodyOf = (values: object): string | undefined => {
  const body = field(values, 'body');
  return typeof body === 'string' ? body : undefined;
};

/** The number of the first reference: 0 or 1 (1 unless the editor chose 0). */
export const numberingStartOf = (values: object): 0 | 1 => (field(values, 'numberingStart') === 0 ? 0 : 1);

/**
 * The unsaved connects and disconnects of the citations relation: the form's own object (a copy
 * would be a new value at each render, and a new preview request).
 */
export const citationChangesOf = (values: object): RelationChanges => {
  const value = field(values, 'citations');
  return typeof value === 'object' && value !== null ? (value as RelationChanges) : undefined;
};

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** When the edited article was last saved, and its locale, from the Content Manager's document. */
export const savedVersionOf = (document: object | undefined) => ({
  savedAt: document ? text(field(document, 'updatedAt')) : undefined,
  locale: document ? text(field(document, 'locale')) : undefined,
});
