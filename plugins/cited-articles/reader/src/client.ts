import type {
  ApiErrorBody,
  ArticleListResponse,
  ArticleResponse,
  CommentDeletedResponse,
  CommentListResponse,
  CommentResponse,
  CommentSort,
  CreateCommentRequest,
  EditCommentRequest,
  ReplyPageResponse,
  ReportRequest,
  ReportResponse,
  SourceResponse,
  StyleListResponse,
} from '../../shared/contracts';

export type * from '../../shared/contracts/public';
export type { Pagination } from '../../shared/contracts/pagination';

/** A token: an API token or a reader's Users & Permissions JWT, or a function giving the current one. */
export type TokenSource = string | null | undefined | (() => string | null | undefined);

export interface CitedClientOptions {
  /** The Strapi server, e.g. "https://cms.example.com" (the routes are under /api/cited-articles). */
  baseUrl: string;
  token?: TokenSource;
  fetch?: typeof fetch;
}

export interface ArticleQuery {
  locale?: string;
  style?: string;
  referenceLocale?: string;
  format?: 'json' | 'html' | 'jsonld';
  status?: 'published' | 'draft';
}

export interface PageQuery {
  page?: number;
  pageSize?: number;
  locale?: string;
}

/** A refusal of the server, in Strapi's error shape; `retryAfterSeconds` from a 429's Retry-After. */
export class CitedApiError extends Error {
  readonly status: number;
  readonly name: string;
  readonly details: Record<string, unknown>;
  readonly retryAfterSeconds: number | null;

  constructor(status: number, body: Partial<ApiErrorBody> | null, retryAfter: string | null) {
    super(body?.error?.message ?? `HTTP ${status}`);
    this.status = status;
    this.name = body?.error?.name ?? 'HttpError';
    this.details = body?.error?.details ?? {};
    const seconds = Number(retryAfter ?? this.details.retryAfterSeconds);
    this.retryAfterSeconds = Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : null;
  }
}

type Query = Record<string, string | number | undefined>;

/** GET answers kept for revalidation, per client. */
const MAX_VALIDATED = 200;

const queryString = (query: Query = {}) => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
};

const segment = (value: string) => encodeURIComponent(value);

/** The base URL without its trailing slashes (a loop: a regex here would be quadratic on "////…x"). */
const trimSlashes = (url: string) => {
  let end = url.length;
  while (end > 0 && url[end - 1] === '/') end -= 1;
  return url.slice(0, end);
};

const parseJson = (text: string): unknown => {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

/**
 * A typed client of the plugin's public routes. GET answers are kept with their ETag and asked
 * again with If-None-Match: a 304 costs the server no formatting and the reader no download.
 */
export function createCitedClient({ baseUrl, token, fetch: fetchImpl }: CitedClientOptions) {
  const root = `${trimSlashes(baseUrl)}/api/cited-articles`;
  const doFetch: typeof fetch = fetchImpl ?? ((input, init) => globalThis.fetch(input, init));
  const validated = new Map<string, { etag: string; body: unknown }>();
  const currentToken = () => (typeof token === 'function' ? token() : token);

  async function request<T>(method: string, path: string, query?: Query, body?: unknown): Promise<T> {
    const url = `${root}${path}${queryString(query)}`;
    const headers: Record<string, string> = { Accept: 'application/json' };
    const bearer = currentToken();
    if (bearer) headers.Authorization = `Bearer ${bearer}`;
    // The cache is per token: an answer given with credentials is never reused without them.
    const cacheKey = `${bearer ?? ''} ${url}`;
    const held = method === 'GET' ? validated.get(cacheKey) : undefined;
    if (held) headers['If-None-Match'] = held.etag;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    // `no-cache`: the browser's HTTP cache may keep an answer (the routes say max-age) but must ask
    // first; a 304 costs little, and a comment approved a second ago shows on the next load.
    // (Node's own RequestInit type has no `cache`; browsers' has, and Node's fetch ignores it.)
    const init = { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: method === 'GET' ? 'no-cache' : 'no-store' };
    const response = await doFetch(url, init as RequestInit);
    if (response.status === 304 && held) return held.body as T;
    const text = await response.text();
    const parsed = parseJson(text);
    if (!response.ok) throw new CitedApiError(response.status, parsed as Partial<ApiErrorBody> | null, response.headers.get('Retry-After'));
    const etag = response.headers.get('ETag');
    if (method === 'GET' && etag) {
      // Bounded: the oldest answer goes first (a Map iterates in insertion order).
      validated.delete(cacheKey);
      validated.set(cacheKey, { etag, body: parsed });
      if (validated.size > MAX_VALIDATED) validated.delete(validated.keys().next().value as string);
    }
    return parsed as T;
  }

  return {
    /** GET /articles: published articles of a locale, newest first. */
    listArticles: (query: PageQuery = {}) => request<ArticleListResponse>('GET', '/articles', { ...query }),
    /** GET /articles/:slug (format "html" adds bodyHtml; status "draft" needs a preview token). */
    getArticle: (slug: string, query: ArticleQuery = {}) => request<ArticleResponse>('GET', `/articles/${segment(slug)}`, { ...query }),
    /** GET /preview/articles/:slug: the draft, for a token with the preview permission. */
    previewArticle: (slug: string, query: Omit<ArticleQuery, 'status'> = {}) =>
      request<ArticleResponse>('GET', `/preview/articles/${segment(slug)}`, { ...query }),
    getSource: (key: string, query: { locale?: string } = {}) => request<SourceResponse>('GET', `/sources/${segment(key)}`, query),
    listStyles: () => request<StyleListResponse>('GET', '/styles'),
    /** GET /articles/:slug/references?format=bibtex|ris|csl-json…: the file's text. */
    articleReferencesUrl: (slug: string, query: Query = {}) => `${root}/articles/${segment(slug)}/references${queryString(query)}`,
    citeArticleUrl: (slug: string, query: Query = {}) => `${root}/articles/${segment(slug)}/cite${queryString(query)}`,
    citeSourceUrl: (key: string, query: Query = {}) => `${root}/sources/${segment(key)}/cite${queryString(query)}`,
    /** GET /notifications/unsubscribe: the link of reply emails, with its signed token. */
    unsubscribe: (unsubscribeToken: string) => request<{ data: unknown }>('GET', '/notifications/unsubscribe', { token: unsubscribeToken }),
    listComments: (slug: string, query: PageQuery & { sort?: CommentSort } = {}) =>
      request<CommentListResponse>('GET', `/articles/${segment(slug)}/comments`, { ...query }),
    listReplies: (documentId: string, query: Omit<PageQuery, 'locale'> = {}) =>
      request<ReplyPageResponse>('GET', `/comments/${segment(documentId)}/replies`, { ...query }),
    postComment: (slug: string, body: CreateCommentRequest, query: { locale?: string } = {}) =>
      request<CommentResponse>('POST', `/articles/${segment(slug)}/comments`, query, body),
    editComment: (documentId: string, body: EditCommentRequest) => request<CommentResponse>('PATCH', `/comments/${segment(documentId)}`, {}, body),
    deleteComment: (documentId: string) => request<CommentDeletedResponse>('DELETE', `/comments/${segment(documentId)}`),
    reportComment: (documentId: string, body: ReportRequest) => request<ReportResponse>('POST', `/comments/${segment(documentId)}/report`, {}, body),
    /** GET /api/users/me (Users & Permissions): the signed-in reader, to know their own comments. */
    me: async (): Promise<{ id: number; username: string } | null> => {
      const bearer = currentToken();
      if (!bearer) return null;
      const response = await doFetch(`${trimSlashes(baseUrl)}/api/users/me`, {
        headers: { Authorization: `Bearer ${bearer}`, Accept: 'application/json' },
      });
      return response.ok ? ((await response.json()) as { id: number; username: string }) : null;
    },
  };
}

export type CitedClient = ReturnType<typeof createCitedClient>;
