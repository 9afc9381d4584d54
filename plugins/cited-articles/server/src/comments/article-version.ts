/**
 * The localized version of an article a comment belongs to, as one value: the article's documentId
 * (shared by its locales) and the locale. Comment lists and counts go by this one column, so their
 * index fits MySQL's 3,072-byte key limit (each string column counts 1,022 bytes there; a separate
 * documentId and locale in the index with status would not fit).
 */
export const articleVersionKey = (documentId: string, locale: string) => `${documentId}:${locale}`;
