import crypto from 'crypto';
import { LRUCache } from 'lru-cache';
import type { Core } from '@strapi/strapi';
import { keysMissingFrom } from '../../citations';
import { getService } from '../../utils/get-service';
import { publicationSettings } from '../../utils/settings';
import type { ArticleResolving, ArticleRow, PresentedArticle as Presented, ResolveRequest } from './resolving';

/** What answering a request takes, before the work: see the memo's `prepare`. */
export interface PreparedArticle {
  fingerprint: string;
  sourceDocumentIds: string[];
  unansweredKeys: string[];
  present: () => Promise<Presented>;
}

// Bounded by the size of what is kept, not only the count: a handful of 1 MB articles must not pin
// hundreds of megabytes. The size of an entry is estimated from the text that went into it.
const MAX_ENTRIES = 1000;
const MAX_BYTES = 64 * 1024 * 1024;

/**
 * A memo of resolved articles, in front of resolving.ts's `presentUnmemoized()`. It is keyed
 * by a hash of everything the result is computed from: the article row with its citations exactly
 * as read for this request, the library sources its markers fall back to, the request (style and
 * locale as formatting uses them, format), the extra fields and the publication options (JSON-LD names the publisher and
 * the article's URL; they can change at runtime through strapi.config.set). The rows are still
 * read on every request, so an edit, a publication, an unpublication or a changed source changes
 * the key: the memo cannot serve a stale article, on one instance or many, and needs no
 * invalidation. What it saves is the work
 * after the reads: Markdown parsing, citation resolution, formatting and HTML rendering.
 */
export const createResolvedArticleMemo = ({ strapi, resolving }: { strapi: Core.Strapi; resolving: ArticleResolving }) => {
  const memo = new LRUCache<string, { presented: Presented; size: number }>({
    max: MAX_ENTRIES,
    maxSize: MAX_BYTES,
    sizeCalculation: (entry) => entry.size,
  });

  const hash = (text: string) => crypto.createHash('sha256').update(text).digest('base64');

  /**
   * Keys cited in the body that the article's own list does not hold (the library to read).
   * Finding them parses the Markdown, which for a long body costs more than everything else in a
   * request: the work pool keeps them by hash of the body, so a body already seen is answered from
   * memory on this thread, and only a new one is parsed, in a worker.
   */
  const missingKeys = async (row: ArticleRow) => {
    const { keys } = await getService('platform', { strapi }).bodyIndex(row.body ?? '', 'This article');
    return keysMissingFrom(keys, row.citations);
  };

  /**
   * The request as formatting will use it: the style's registered id and the reference locale it
   * resolves to (`EN-us` → `en-US`; one the style lacks → en-US, with the note for `meta`; none →
   * the article's language). Keyed by these, a caller cannot fill the memo with spellings of one
   * answer (`?referenceLocale=xx-1`, `xx-2`, …).
   */
  const canonicalRequest = (request: ResolveRequest, contentLocale: string | null | undefined) => {
    const styles = getService('references', { strapi });
    const style = styles.getStyle(request.style);
    if (!style) throw new Error(`unknown style ${request.style}`);
    const { locale, fallback } = styles.referenceLocale(style, request.referenceLocale, contentLocale);
    const canonical: ResolveRequest = { style: style.id, referenceLocale: locale, html: request.html === true, jsonld: request.jsonld === true };
    return { canonical, fallback };
  };

  /**
   * What answering this request takes, before any of the work: the fingerprint of the answer (the
   * memo key, plus the locale note), the documentIds of the sources it uses and the cited keys no
   * source answers, and `present()` to build it. A client already holding the fingerprint's
   * version needs none of the formatting or rendering.
   */
  const prepare = async (row: ArticleRow, request: ResolveRequest, extra: Record<string, unknown> = {}): Promise<PreparedArticle> => {
    // The row carries its locale, so the key differs per locale even where two rows look alike.
    const { canonical, fallback } = canonicalRequest(request, row.locale);
    const missing = await missingKeys(row);
    const library = missing.length > 0 ? await resolving.loadLibrary(missing) : [];
    const input = JSON.stringify([row, library, canonical, extra, publicationSettings(strapi)]);
    const key = hash(input);
    const found = new Set(library.map((source) => source.key));
    return {
      fingerprint: fallback ? `${key}:${JSON.stringify(fallback)}` : key,
      sourceDocumentIds: [...(row.citations ?? []), ...library].map((source) => source.documentId),
      unansweredKeys: missing.filter((citedKey) => !found.has(citedKey)),
      present: async (): Promise<Presented> => {
        let presented = memo.get(key)?.presented;
        if (!presented) {
          presented = await resolving.presentUnmemoized(row, canonical, extra);
          // The output holds the body, its HTML and the references: a few times the input.
          memo.set(key, { presented, size: Math.max(1, input.length * 4) });
        }
        // The note names the locale this request asked for, so it is added outside the memo.
        return fallback ? { data: presented.data, meta: { ...presented.meta, localeFallback: fallback } } : presented;
      },
    };
  };

  return {
    /** What answering this request takes (fingerprint, sources), and `present()` through the memo. */
    prepareResolved: prepare,

    /** The API's `data` and `meta` for one row, through the memo. */
    async presentResolved(row: ArticleRow, request: ResolveRequest, extra: Record<string, unknown> = {}): Promise<Presented> {
      return (await prepare(row, request, extra)).present();
    },

    /** Empties the memo (tests, and an administrator who wants memory back). */
    clearMemo() {
      memo.clear();
    },

    /** The number of resolved articles held in the memo. */
    get memoSize() {
      return memo.size;
    },
  };
};

export type ResolvedArticleMemo = ReturnType<typeof createResolvedArticleMemo>;
