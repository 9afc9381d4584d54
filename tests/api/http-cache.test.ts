/**
 * HTTP caching of the public GET routes: strong ETags, 304 answers to If-None-Match, Cache-Control
 * from the plugin options, Surrogate-Key / Cache-Tag naming what an answer depends on, no-store on
 * drafts; and purge requests, received by a local listener standing in for Varnish or a CDN, for
 * every change that makes an answer stale.
 */
import request from 'supertest';
import { setupStrapi } from '../helpers/strapi';
import { createAdmin, type AdminSession } from '../helpers/admin';
import {
  COMMENT_UID,
  SOURCE_UID,
  createArticle,
  createComment,
  createSource,
  publishArticle,
  unpublishArticle,
  updateArticle,
} from '../helpers/content';
import { startPurgeListener, type PurgeListener } from '../helpers/purge-listener';
import { aComment, commentOptions, postComment, setCommentOptions } from '../helpers/comments';
import { authenticatedReaderJwt } from '../helpers/readers';

let listener: PurgeListener;
const app = setupStrapi();
let admin: AdminSession;
let source: any;
let article: any;
let comment: any;
const api = (url: string) => request(app.server).get(`/api/cited-articles${url}`);
const settled = () => app.strapi.plugin('cited-articles').service('caching').settled();

/** The purges received while `work` ran and its purges were sent. */
async function purgedBy(work: () => Promise<unknown>) {
  await settled();
  const before = listener.received.length;
  await work();
  await settled();
  return new Set(listener.received.slice(before).flatMap((purge) => purge.keys));
}

beforeAll(async () => {
  listener = await startPurgeListener();
  // Options are read on each use: the listener is the cache to purge from now on.
  app.strapi.config.set('plugin::cited-articles.cache.purgeUrls', [listener.url]);
  admin = await createAdmin(app);
  source = await createSource(admin, { key: 'cache-source', title: 'Cache source', url: 'https://example.org/cache' });
  await createSource(admin, { key: 'cache-library', title: 'Library source', url: 'https://example.org/library' });
  article = await createArticle(admin, {
    title: 'Cached article',
    slug: 'cached-article',
    body: 'A claim [@cache-source]. Another [@cache-library]. A third [@not-yet-a-source].',
    citations: [source.documentId],
  });
  comment = await createComment(app.strapi, {
    content: 'First!',
    authorName: 'Reader',
    authorEmail: 'r@example.org',
    status: 'approved',
    article: article.documentId,
  });
  await createArticle(admin, { title: 'Draft only', slug: 'cache-draft', body: 'Draft.', publish: false });
});

afterAll(async () => {
  await listener?.close();
});

const PUBLIC_GETS = [
  '/articles',
  '/articles/cached-article',
  '/articles/cached-article?style=apa',
  '/articles/cached-article?style=apa&referenceLocale=de-DE&format=html',
  '/articles/cached-article?format=jsonld',
  '/articles/cached-article/comments',
  '/sources/cache-source',
  '/styles',
  '/articles/cached-article/references?format=bibtex',
  '/articles/cached-article/cite?format=ris',
  '/sources/cache-source/cite?format=csl-json',
];

describe('conditional requests and cache headers', () => {
  it.each(PUBLIC_GETS)('GET %s has a strong ETag and answers 304 to If-None-Match with it', async (url) => {
    const first = await api(url);
    expect(first.status).toBe(200);
    const etag = first.headers.etag;
    expect(etag).toMatch(/^"[\w-]{16,}"$/i);
    expect(first.headers['cache-control']).toBe('public, max-age=60, s-maxage=300, stale-while-revalidate=30');
    const keys = first.headers['surrogate-key'].split(' ');
    expect(keys).toContain('cited-articles');
    expect(first.headers['cache-tag']).toBe(keys.join(','));

    const again = await api(url);
    expect(again.headers.etag).toBe(etag);

    const revalidated = await api(url).set('If-None-Match', etag);
    expect(revalidated.status).toBe(304);
    expect(revalidated.text ?? '').toBe('');
    expect(revalidated.headers.etag).toBe(etag);
    expect(revalidated.headers['surrogate-key']).toBe(first.headers['surrogate-key']);

    // Weak comparison, and a list holding it; another tag gets the full answer.
    expect((await api(url).set('If-None-Match', `"other", W/${etag}`)).status).toBe(304);
    const other = await api(url).set('If-None-Match', '"something-else"');
    expect(other.status).toBe(200);
    expect(other.headers.etag).toBe(etag);
  });

  it.each([...PUBLIC_GETS, '/comments/:root/replies'])(
    'GET %s adds Accept-Encoding to Vary and keeps the Origin that CORS answers depend on',
    async (template) => {
      const url = template.replace(':root', comment.documentId);
      for (const origin of ['https://news.example', undefined]) {
        const call = api(url);
        const res = origin ? await call.set('Origin', origin) : await call;
        expect(res.status).toBe(200);
        const vary = res.headers.vary.split(',').map((name: string) => name.trim().toLowerCase());
        // Both, once each: CORS's Origin was added to, not replaced.
        expect(vary.filter((name: string) => name === 'origin')).toHaveLength(1);
        expect(vary.filter((name: string) => name === 'accept-encoding')).toHaveLength(1);
        if (origin) expect(res.headers['access-control-allow-origin']).toBe(origin);
        // The 304 of a revalidation says the same (a cache updates its stored headers from it).
        const revalidated = await api(url).set('If-None-Match', res.headers.etag);
        expect(revalidated.status).toBe(304);
        expect(revalidated.headers.vary.toLowerCase()).toContain('origin');
      }
    }
  );

  it('gives each style, locale and format its own tag', async () => {
    const tags = new Set<string>();
    for (const query of ['', '?style=apa', '?style=apa&referenceLocale=de-DE', '?format=html', '?format=jsonld', '?referenceLocale=xx-YY']) {
      tags.add((await api(`/articles/cached-article${query}`)).headers.etag);
    }
    expect(tags.size).toBe(6);
  });

  it('names what the resolved article depends on: itself, its sources, unanswered keys, its comments', async () => {
    const res = await api('/articles/cached-article');
    const library = res.body.data.references.find((reference: any) => reference.source.key === 'cache-library').source;
    const keys = res.headers['surrogate-key'].split(' ');
    expect(keys).toEqual(
      expect.arrayContaining([
        `cited-article-${article.documentId}`,
        `cited-source-${source.documentId}`,
        `cited-source-${library.documentId}`,
        'cited-key-not-yet-a-source',
        `cited-comments-${article.documentId}`,
      ])
    );
    expect((await api('/articles')).headers['surrogate-key'].split(' ')).toContain('cited-articles-list');
    expect((await api('/articles/cached-article/comments')).headers['surrogate-key'].split(' ')).toContain(`cited-comments-${article.documentId}`);
    expect((await api('/sources/cache-source')).headers['surrogate-key'].split(' ')).toContain(`cited-source-${source.documentId}`);
  });

  it('answers 304 on a revalidation without formatting anything', async () => {
    const etag = (await api('/articles/cached-article?style=mla&format=html')).headers.etag;
    const memo = app.strapi.plugin('cited-articles').service('articles');
    memo.clearMemo();
    const styles = app.strapi.plugin('cited-articles').service('references');
    const mla = styles.getStyle('mla');
    const format = jest.spyOn(mla, 'format');
    try {
      const res = await api('/articles/cached-article?style=mla&format=html').set('If-None-Match', etag);
      expect(res.status).toBe(304);
      expect(format).not.toHaveBeenCalled();
      expect(memo.memoSize).toBe(0);
    } finally {
      format.mockRestore();
    }
  });

  it('changes the tag when the article changes, and the old tag gets the full answer', async () => {
    const before = await api('/articles/cached-article');
    await updateArticle(admin, article.documentId, { summary: 'A new summary' });
    await publishArticle(admin, article.documentId);
    const res = await api('/articles/cached-article').set('If-None-Match', before.headers.etag);
    expect(res.status).toBe(200);
    expect(res.body.data.summary).toBe('A new summary');
    expect(res.headers.etag).not.toBe(before.headers.etag);
  });

  it('sends no-store on drafts and previews, and no cache headers on errors', async () => {
    const token = await (app.strapi as any).service('admin::api-token').create({ name: 'preview', type: 'full-access', lifespan: null });
    for (const url of ['/articles/cache-draft?status=draft', '/preview/articles/cache-draft']) {
      const res = await api(url).set('Authorization', `Bearer ${token.accessKey}`);
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['surrogate-key']).toBeUndefined();
      expect(res.headers.etag).toBeUndefined();
    }
    const missing = await api('/articles/no-such-article');
    expect(missing.status).toBe(404);
    expect(missing.headers['surrogate-key']).toBeUndefined();
    expect(missing.headers['cache-control'] ?? '').not.toContain('public');
  });

  it('takes max-age, s-maxage and stale-while-revalidate from the options', async () => {
    const path = 'plugin::cited-articles.cache';
    const saved = { ...(app.strapi.config.get(path) as object) };
    app.strapi.config.set(path, { ...saved, maxAge: 5, sMaxAge: 3600, staleWhileRevalidate: 120 });
    try {
      expect((await api('/styles')).headers['cache-control']).toBe('public, max-age=5, s-maxage=3600, stale-while-revalidate=120');
    } finally {
      app.strapi.config.set(path, saved);
    }
  });
});

describe('purges', () => {
  it('purges the article, its comments and the list when an article is updated, published or unpublished', async () => {
    const keys = await purgedBy(async () => {
      await updateArticle(admin, article.documentId, { title: 'Cached article, updated' });
    });
    expect([...keys]).toEqual(expect.arrayContaining([`cited-article-${article.documentId}`, 'cited-articles-list']));
    const published = await purgedBy(() => publishArticle(admin, article.documentId));
    expect([...published]).toEqual(
      expect.arrayContaining([`cited-article-${article.documentId}`, `cited-comments-${article.documentId}`, 'cited-articles-list'])
    );
    const unpublished = await purgedBy(() => unpublishArticle(admin, article.documentId));
    expect(unpublished.has(`cited-article-${article.documentId}`)).toBe(true);
    await publishArticle(admin, article.documentId);
    expect(listener.received.every((purge) => purge.method === 'PURGE')).toBe(true);
  });

  it('purges a source and what cites it when the source is updated', async () => {
    const keys = await purgedBy(async () => {
      const res = await admin.put(`/content-manager/collection-types/${SOURCE_UID}/${source.documentId}`).send({ title: 'Cache source, renamed' });
      expect(res.status).toBe(200);
    });
    expect([...keys]).toEqual(expect.arrayContaining([`cited-source-${source.documentId}`, 'cited-key-cache-source']));
    // The article's answer carries that key, so the purge reaches it.
    expect((await api('/articles/cached-article')).headers['surrogate-key'].split(' ')).toContain(`cited-source-${source.documentId}`);
  });

  it('purges the key a new source answers', async () => {
    const keys = await purgedBy(() => createSource(admin, { key: 'not-yet-a-source', title: 'Now a source' }));
    expect(keys.has('cited-key-not-yet-a-source')).toBe(true);
  });

  it('purges the thread, the article and the list when a comment is approved, rejected or deleted, not when one is posted pending', async () => {
    const pending = await purgedBy(() =>
      createComment(app.strapi, {
        content: 'Pending one',
        authorName: 'R',
        authorEmail: 'p@example.org',
        status: 'pending',
        article: article.documentId,
      })
    );
    expect(pending.size).toBe(0);

    const created = await app.strapi.documents(COMMENT_UID).findFirst({ filters: { content: 'Pending one' } });
    const expected = [
      `cited-comments-${article.documentId}`,
      `cited-article-${article.documentId}`,
      `cited-thread-${created!.documentId}`,
      'cited-articles-list',
    ];
    for (const status of ['approved', 'rejected']) {
      const keys = await purgedBy(async () => {
        const res = await admin.post('/cited-articles/comments/actions/moderate').send({ documentIds: [created!.documentId], status });
        expect(res.status).toBe(200);
      });
      expect([...keys]).toEqual(expect.arrayContaining(expected));
    }
    const deleted = await purgedBy(async () => {
      const res = await admin.del(`/cited-articles/comments/${comment.documentId}`);
      expect(res.status).toBe(200);
    });
    expect(deleted.has(`cited-comments-${article.documentId}`)).toBe(true);
  });

  it('purges the article when a reader posts a comment shown at once (post-moderation)', async () => {
    const saved = commentOptions(app.strapi);
    setCommentOptions(app.strapi, { moderation: 'post' });
    try {
      const keys = await purgedBy(async () => {
        const res = await postComment(app, 'cached-article', aComment({ content: 'Shown at once.' }));
        expect(res.status).toBe(201);
        expect(res.body.data.status).toBe('approved');
      });
      expect([...keys]).toEqual(expect.arrayContaining([`cited-article-${article.documentId}`, `cited-comments-${article.documentId}`]));
    } finally {
      setCommentOptions(app.strapi, saved);
    }
  });

  it('purges the thread, the article and the list when a reader edits or deletes their comment, and on a newsroom reply', async () => {
    const saved = commentOptions(app.strapi);
    setCommentOptions(app.strapi, { moderation: 'post' });
    try {
      const jwt = await authenticatedReaderJwt(app, 'cache-reader');
      const posted = await request(app.server)
        .post('/api/cited-articles/articles/cached-article/comments')
        .set('Authorization', `Bearer ${jwt}`)
        .send({ content: 'A reader with an account says this.' });
      expect(posted.status).toBe(201);
      const documentId = posted.body.data.documentId;
      const expected = [`cited-comments-${article.documentId}`, `cited-article-${article.documentId}`, `cited-thread-${documentId}`];

      const edited = await purgedBy(async () => {
        const res = await request(app.server)
          .patch(`/api/cited-articles/comments/${documentId}`)
          .set('Authorization', `Bearer ${jwt}`)
          .send({ content: 'A reader with an account says this, corrected.' });
        expect(res.status).toBe(200);
      });
      expect([...edited]).toEqual(expect.arrayContaining(expected));

      const replied = await purgedBy(async () => {
        const res = await admin.post(`/cited-articles/comments/${documentId}/reply`).send({ content: 'Thank you, we have corrected it.' });
        expect(res.status).toBe(201);
      });
      expect([...replied]).toEqual(expect.arrayContaining(expected));

      const deleted = await purgedBy(async () => {
        const res = await request(app.server).delete(`/api/cited-articles/comments/${documentId}`).set('Authorization', `Bearer ${jwt}`);
        expect(res.status).toBe(200);
      });
      expect([...deleted]).toEqual(expect.arrayContaining(expected));
    } finally {
      setCommentOptions(app.strapi, saved);
    }
  });

  it('sends the purge secret in X-Purge-Token when cache.purgeToken is set', async () => {
    const path = 'plugin::cited-articles.cache.purgeToken';
    const token = 'purge-secret-0123456789abcdef0123456789';
    app.strapi.config.set(path, token);
    try {
      const before = listener.received.length;
      await purgedBy(() => updateArticle(admin, article.documentId, { summary: 'With the secret' }));
      const sent = listener.received.slice(before);
      expect(sent.length).toBeGreaterThan(0);
      expect(sent.every((purge) => purge.token === token)).toBe(true);
    } finally {
      app.strapi.config.set(path, null);
    }
  });

  it('retries a purge the cache refused, and never fails the save', async () => {
    listener.failNext(2, 503);
    const keys = await purgedBy(async () => {
      await updateArticle(admin, article.documentId, { summary: 'Retried' });
    });
    expect(keys.has(`cited-article-${article.documentId}`)).toBe(true);
  });

  it('does not fail a save when a cache cannot be reached', async () => {
    const path = 'plugin::cited-articles.cache';
    const saved = { ...(app.strapi.config.get(path) as object) };
    // Nothing listens on port 9 of localhost (discard): each attempt is refused at once.
    app.strapi.config.set(path, { ...saved, purgeUrls: ['http://127.0.0.1:9'], purgeAttempts: 2 });
    try {
      const updated = await updateArticle(admin, article.documentId, { summary: 'Saved anyway' });
      expect(updated.summary).toBe('Saved anyway');
      await settled();
    } finally {
      app.strapi.config.set(path, saved);
    }
  });
});
