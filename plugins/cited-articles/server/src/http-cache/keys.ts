/**
 * Surrogate keys: the names under which shared caches file an answer, and which the plugin purges
 * when what they name changes. Every key is a token of letters, digits and `-` `_` `.` `~` (Strapi's
 * documentIds, slugs and source keys), so a cache can match them in a space-separated header.
 */

/** On every answer: purging it empties everything the plugin serves. */
export const ALL_KEY = 'cited-articles';
/** The article list, and every answer that depends on which articles are published. */
export const LIST_KEY = 'cited-articles-list';
export const STYLES_KEY = 'cited-styles';
/** Stands for every source on an answer citing too many to name (see fitKeys). */
export const ANY_SOURCE_KEY = 'cited-sources';

// Longest Surrogate-Key header: Varnish refuses header lines over 8 kB (http_resp_hdr_len), Node
// response heads over 16 kB, and Cache-Tag repeats the list.
const HEADER_BUDGET = 3000;

const token = (value: unknown) => String(value ?? '').replace(/[^\w.~-]/g, '_');

export const articleKey = (documentId: unknown) => `cited-article-${token(documentId)}`;
export const sourceKey = (documentId: unknown) => `cited-source-${token(documentId)}`;
/** A `[@key]` citation that no source answered yet: purged when a source takes that key. */
export const sourceKeyKey = (key: unknown) => `cited-key-${token(key)}`;
/** An article's comment list (and counts). */
export const commentsKey = (articleDocumentId: unknown) => `cited-comments-${token(articleDocumentId)}`;
/** One thread's replies (GET /comments/:documentId/replies). */
export const threadKey = (rootDocumentId: unknown) => `cited-thread-${token(rootDocumentId)}`;

/**
 * What one answer depends on, for the answers that both APIs give (the REST route and the GraphQL
 * field name the same keys, so one purge reaches both). An article's are computed where it is
 * prepared (services/articles/pages.ts, prepareBySlug).
 */
export const articleListKeys = () => [LIST_KEY];
/** A source's page: its citing articles are the published ones, whose publication changes the list key. */
export const sourcePageKeys = (documentId: unknown, key: unknown) => [sourceKey(documentId), sourceKeyKey(key), LIST_KEY];
/** A page of an article's comment threads. */
export const commentPageKeys = (articleDocumentId: unknown) => [commentsKey(articleDocumentId)];

const isSourceKey = (key: string) => key.startsWith('cited-source-') || key.startsWith('cited-key-');

/**
 * The distinct keys, the catch-all first. An answer citing so many sources that naming each would
 * overflow the header names them all with one key instead, which every source change purges: more
 * purging for that answer, never a stale one.
 */
export const keyList = (keys: Iterable<string>) => {
  const list = [...new Set([ALL_KEY, ...keys])];
  if (list.join(' ').length <= HEADER_BUDGET) return list;
  return [...list.filter((key) => !isSourceKey(key)), ANY_SOURCE_KEY];
};

type Row = Record<string, unknown> | null | undefined;

/** What changes when an article row is written or deleted (any version: draft or published). */
export const keysForArticle = (row: Row) => (row?.documentId ? [articleKey(row.documentId), commentsKey(row.documentId), LIST_KEY] : [LIST_KEY]);

/** What changes when a source is written or deleted: its pages, articles citing it, counts. */
export const keysForSource = (row: Row) => {
  const keys = [LIST_KEY, ANY_SOURCE_KEY];
  if (row?.documentId) keys.push(sourceKey(row.documentId));
  if (row?.key) keys.push(sourceKeyKey(row.key));
  return keys;
};

/** What changes when a comment is written or deleted: its thread, the article's list and count. */
export const keysForComment = (row: Row) => {
  const keys = [LIST_KEY];
  if (row?.articleDocumentId) keys.push(commentsKey(row.articleDocumentId), articleKey(row.articleDocumentId));
  const root = row?.threadRoot ?? row?.documentId;
  if (root) keys.push(threadKey(root));
  return keys;
};
