import request from 'supertest';
import { setupStrapi } from '../helpers/strapi';
import { createAdmin, type AdminSession } from '../helpers/admin';
import { ARTICLE_UID, createSource } from '../helpers/content';
import { aComment, listComments, nextIp, postComment, setCommentOptions } from '../helpers/comments';
import { graphql } from '../helpers/graphql';

// Localized articles: a localization made through the Content Manager, publication per locale,
// the public routes per locale, references in the article's language, and a thread per locale.
const app = setupStrapi({ env: { IS_PROXIED: 'true' } });
const CM = `/content-manager/collection-types/${ARTICLE_UID}`;
const api = (url: string) => request(app.server).get(`/api/cited-articles${url}`);
let admin: AdminSession;
let documentId: string;
let sourceIds: string[];

/** POST /articles/:slug/comments?locale=… */
const postIn = (slug: string, locale: string, body: Record<string, unknown>) =>
  request(app.server).post(`/api/cited-articles/articles/${slug}/comments?locale=${locale}`).set('X-Forwarded-For', nextIp()).send(body);

const ok = (res: any, status = 200) => {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data;
};

beforeAll(async () => {
  setCommentOptions(app.strapi, { moderation: 'post' });
  const locales = app.strapi.plugin('i18n').service('locales');
  await locales.create({ code: 'fr', name: 'French (fr)' });
  await locales.create({ code: 'de', name: 'German (de)' });
  admin = await createAdmin(app);
  const a = await createSource(admin, {
    key: 'wire-report',
    title: 'Mine collapse report',
    containerTitle: 'Wire',
    url: 'https://example.org/wire',
    type: 'news',
    publishedDate: '2023-02-22',
  });
  const b = await createSource(admin, {
    key: 'second-report',
    title: 'Second report',
    containerTitle: 'Daily',
    url: 'https://example.org/daily',
    type: 'news',
  });
  sourceIds = [a.documentId, b.documentId];

  // The English version, as the Content Manager saves and publishes it (the default locale).
  const en = ok(
    await admin.post(`${CM}?locale=en`).send({
      title: 'Mine collapse',
      slug: 'mine-collapse',
      body: 'Two reports [@wire-report] and [@second-report].',
      citations: { connect: sourceIds },
    }),
    201
  );
  documentId = en.documentId;
  ok(await admin.post(`${CM}/${documentId}/actions/publish?locale=en`).send({}));
});

describe('creating a localization through the Content Manager', () => {
  it('adds the French version to the same document, with the citations list copied', async () => {
    // What the Content Manager sends when an editor switches to French and saves: the new text, an
    // empty citations field (its form starts the relation empty).
    const fr = ok(
      await admin.put(`${CM}/${documentId}?locale=fr`).send({
        title: 'Effondrement de la mine',
        slug: 'effondrement-mine',
        body: 'Deux rapports [@wire-report] et [@second-report].',
        citations: { connect: [], disconnect: [] },
      })
    );
    expect(fr.documentId).toBe(documentId);
    expect(fr.locale).toBe('fr');
    const relations = await admin.get(`/content-manager/relations/${ARTICLE_UID}/${documentId}/citations?locale=fr&status=draft`);
    expect(relations.status).toBe(200);
    expect(relations.body.results.map((source: any) => source.documentId).sort()).toEqual([...sourceIds].sort());
    // Saved but not yet published: the public does not see the French version.
    expect((await api('/articles/effondrement-mine?locale=fr')).status).toBe(404);
  });

  it('publishes per locale: publishing French leaves the other locales as they are', async () => {
    ok(await admin.post(`${CM}/${documentId}/actions/publish?locale=fr`).send({}));
    const fr = await api('/articles/effondrement-mine?locale=fr');
    expect(fr.status).toBe(200);
    expect(fr.body.data).toMatchObject({ documentId, locale: 'fr', title: 'Effondrement de la mine' });
    expect(fr.body.data.references).toHaveLength(2);
    expect(fr.body.meta).toMatchObject({ locale: 'fr', issues: [] });
    // German does not exist yet.
    const de = await api('/articles/mine-collapse?locale=de');
    expect(de.status).toBe(404);
  });

  it('creates a localization with no citations field at all (Document Service) with the list copied and a slug generated', async () => {
    await app.strapi.documents(ARTICLE_UID).update({
      documentId,
      locale: 'de',
      data: { title: 'Einsturz der Mine', body: 'Zwei Berichte [@wire-report] und [@second-report].' } as any,
    });
    await app.strapi.documents(ARTICLE_UID).publish({ documentId, locale: 'de' });
    const row: any = await app.strapi.db.query(ARTICLE_UID).findOne({
      where: { documentId, locale: 'de', publishedAt: { $notNull: true } },
      populate: { citations: true },
    });
    expect(row.slug).toBe('einsturz-der-mine');
    expect(row.citations).toHaveLength(2);
  });
});

describe('public routes per locale', () => {
  it('GET /articles/:slug serves the default locale without ?locale=, and the locale asked for with it', async () => {
    const en = await api('/articles/mine-collapse');
    expect(en.status).toBe(200);
    expect(en.body.data).toMatchObject({ locale: 'en', title: 'Mine collapse' });
    const de = await api('/articles/einsturz-der-mine?locale=de');
    expect(de.status).toBe(200);
    expect(de.body.data.title).toBe('Einsturz der Mine');
  });

  it('answers 404 naming the locales a slug exists in, and 400 for a locale the site lacks', async () => {
    const missing = await api('/articles/effondrement-mine');
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe(
      'No published article has the slug "effondrement-mine" in locale "en"; it exists in "fr" (ask with ?locale=fr).'
    );
    expect(missing.body.error.details).toEqual({ locales: ['fr'] });
    const unknown = await api('/articles/mine-collapse?locale=es');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toBe('locale "es" is not a locale of this site; use one of: de, en, fr.');
    const malformed = await api(`/articles/mine-collapse?locale=${encodeURIComponent('<x>')}`);
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.details.errors[0].path).toEqual(['locale']);
  });

  it('GET /articles lists one locale', async () => {
    const fr = await api('/articles?locale=fr');
    expect(fr.status).toBe(200);
    expect(fr.body.data.map((article: any) => [article.locale, article.slug])).toEqual([['fr', 'effondrement-mine']]);
    expect(fr.body.data[0].referenceCount).toBe(2);
    const en = await api('/articles');
    expect(en.body.data.map((article: any) => article.slug)).toEqual(['mine-collapse']);
    expect((await api('/articles?locale=xx')).status).toBe(400);
  });

  it('exports and the source page follow the locale', async () => {
    const cite = await api('/articles/effondrement-mine/cite?locale=fr&format=csl-json');
    expect(cite.status).toBe(200);
    expect(JSON.parse(cite.text)[0].title).toBe('Effondrement de la mine');
    const references = await api('/articles/effondrement-mine/references?locale=fr&format=ris');
    expect(references.status).toBe(200);
    expect(references.text).toContain('Mine collapse report');
    expect((await api('/articles/effondrement-mine/references')).status).toBe(404);

    const source = await api('/sources/wire-report?locale=de');
    expect(source.status).toBe(200);
    expect(source.body.data.citedBy.map((article: any) => [article.locale, article.slug])).toEqual([['de', 'einsturz-der-mine']]);
  });
});

describe('formatted references in the article language', () => {
  it('formats a French article in French and a German one in German, unless referenceLocale says otherwise', async () => {
    const fr = await api('/articles/effondrement-mine?locale=fr&style=mla');
    expect(fr.body.meta).toMatchObject({ locale: 'fr', referenceLocale: 'fr-FR' });
    expect(fr.body.data.references[0].formatted).toContain('22 février 2023');

    const de = await api('/articles/einsturz-der-mine?locale=de&style=vancouver');
    expect(de.body.meta).toMatchObject({ locale: 'de', referenceLocale: 'de-DE' });
    expect(de.body.data.references[0].formatted).toContain('22. Februar 2023');

    const overridden = await api('/articles/einsturz-der-mine?locale=de&style=mla&referenceLocale=en-US');
    expect(overridden.body.meta).toMatchObject({ locale: 'de', referenceLocale: 'en-US' });
    expect(overridden.body.data.references[0].formatted).toContain('22 Feb. 2023');

    const en = await api('/articles/mine-collapse?style=mla');
    expect(en.body.meta).toMatchObject({ locale: 'en', referenceLocale: 'en-US' });
  });
});

describe('comments per locale', () => {
  it('keeps a thread and a count per locale', async () => {
    const french = await postIn('effondrement-mine', 'fr', aComment({ content: 'Merci pour les sources.' }));
    expect(french.status).toBe(201);
    const english = await postComment(app, 'mine-collapse', aComment({ content: 'Thanks for the sources.' }));
    expect(english.status).toBe(201);
    const reply = await postIn('effondrement-mine', 'fr', aComment({ content: 'Je suis d’accord.', parent: french.body.data.documentId }));
    expect(reply.status).toBe(201);

    const frThread = await listComments(app, 'effondrement-mine', '?locale=fr');
    expect(frThread.status).toBe(200);
    expect(frThread.body.data.map((comment: any) => comment.content)).toEqual(['Merci pour les sources.']);
    expect(frThread.body.data[0].replies.map((comment: any) => comment.content)).toEqual(['Je suis d’accord.']);
    expect(frThread.body.meta.commentCount).toBe(2);

    const enThread = await listComments(app, 'mine-collapse');
    expect(enThread.body.data.map((comment: any) => comment.content)).toEqual(['Thanks for the sources.']);
    expect(enThread.body.meta.commentCount).toBe(1);

    expect((await api('/articles/effondrement-mine?locale=fr')).body.data.commentCount).toBe(2);
    expect((await api('/articles/mine-collapse')).body.data.commentCount).toBe(1);
    expect((await api('/articles?locale=de')).body.data[0].commentCount).toBe(0);

    const replies = await api(`/comments/${french.body.data.documentId}/replies`);
    expect(replies.status).toBe(200);
    expect(replies.body.data).toHaveLength(1);
  });

  it('takes comments and reports on an article that exists only in French', async () => {
    const only = ok(await admin.post(`${CM}?locale=fr`).send({ title: 'Seulement en français', slug: 'seulement-fr', body: 'Texte.' }), 201);
    ok(await admin.post(`${CM}/${only.documentId}/actions/publish?locale=fr`).send({}));
    const posted = await postIn('seulement-fr', 'fr', aComment({ content: 'Un commentaire.' }));
    expect(posted.status).toBe(201);
    const french = (await listComments(app, 'seulement-fr', '?locale=fr')).body.data[0];
    expect(french.content).toBe('Un commentaire.');
    const res = await request(app.server)
      .post(`/api/cited-articles/comments/${french.documentId}/report`)
      .set('X-Forwarded-For', nextIp())
      .send({ reason: 'spam' });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ comment: french.documentId, counted: true });
  });

  it('refuses a reply that names a comment of another locale, saying which', async () => {
    const english = (await listComments(app, 'mine-collapse')).body.data[0];
    const res = await postIn('einsturz-der-mine', 'de', aComment({ parent: english.documentId }));
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].message).toBe('the comment answered is on the "en" version of this article; reply with ?locale=en');
  });

  it('shows moderators the locale of each comment and filters the queue by it', async () => {
    const fr = await admin.get('/cited-articles/comments?status=approved&locale=fr');
    expect(fr.status).toBe(200);
    expect(fr.body.data.map((comment: any) => [comment.locale, comment.content]).sort()).toEqual([
      ['fr', 'Je suis d’accord.'],
      ['fr', 'Merci pour les sources.'],
      ['fr', 'Un commentaire.'],
    ]);
    expect(fr.body.meta.counts.approved).toBe(3);
    // Each entry names the article version it belongs to, a French-only article included.
    expect(fr.body.data.map((comment: any) => comment.article?.slug).sort()).toEqual(['effondrement-mine', 'effondrement-mine', 'seulement-fr']);
    const all = await admin.get('/cited-articles/comments?status=approved');
    expect(all.body.data.map((comment: any) => comment.locale).sort()).toEqual(['en', 'fr', 'fr', 'fr']);
    const bad = await admin.get(`/cited-articles/comments?locale=${encodeURIComponent('<x>')}`);
    expect(bad.status).toBe(400);
  });

  it('answers 404 naming the locale when posting to a slug of another locale', async () => {
    const res = await postComment(app, 'einsturz-der-mine', aComment());
    expect(res.status).toBe(404);
    expect(res.body.error.message).toMatch(/exists in "de"/);
  });
});

describe('a slug reused across locales', () => {
  it('serves each locale its own version under the same slug', async () => {
    const created = ok(await admin.post(`${CM}?locale=en`).send({ title: 'Budget', slug: 'budget', body: 'Numbers [@wire-report].' }), 201);
    ok(await admin.put(`${CM}/${created.documentId}?locale=fr`).send({ title: 'Budget (fr)', slug: 'budget', body: 'Chiffres [@wire-report].' }));
    ok(await admin.post(`${CM}/${created.documentId}/actions/publish?locale=en`).send({}));
    ok(await admin.post(`${CM}/${created.documentId}/actions/publish?locale=fr`).send({}));
    expect((await api('/articles/budget')).body.data).toMatchObject({ locale: 'en', title: 'Budget' });
    expect((await api('/articles/budget?locale=fr')).body.data).toMatchObject({ locale: 'fr', title: 'Budget (fr)' });

    const enComment = await postComment(app, 'budget', aComment({ content: 'English thread.' }));
    expect(enComment.status).toBe(201);
    expect((await listComments(app, 'budget', '?locale=fr')).body.data).toEqual([]);
    expect((await listComments(app, 'budget')).body.data.map((comment: any) => comment.content)).toEqual(['English thread.']);

    // A second article cannot publish the same slug in the same locale (uid fields are unique per
    // locale; drafts may share one until then, as everywhere in Strapi).
    const clash = ok(await admin.post(`${CM}?locale=fr`).send({ title: 'Autre', slug: 'budget' }), 201);
    const refused = await admin.post(`${CM}/${clash.documentId}/actions/publish?locale=fr`).send({});
    expect(refused.status).toBe(400);
    expect((await api('/articles/budget?locale=fr')).body.data.title).toBe('Budget (fr)');
  });
});

describe('the admin in every locale', () => {
  const OPTION = 'plugin::cited-articles.blockPublishOnCitationErrors';
  afterEach(() => app.strapi.config.set(OPTION, false));

  it('guards publishing per locale: the French draft is judged on its own body', async () => {
    app.strapi.config.set(OPTION, true);
    const created = ok(await admin.post(`${CM}?locale=en`).send({ title: 'Guarded', body: 'Fine [@wire-report].' }), 201);
    ok(await admin.put(`${CM}/${created.documentId}?locale=fr`).send({ title: 'Gardé', body: 'Erreur [@nope].' }));
    const refused = await admin.post(`${CM}/${created.documentId}/actions/publish?locale=fr`).send({});
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.errors.map((error: any) => error.code)).toEqual(['unknown-source']);
    ok(await admin.post(`${CM}/${created.documentId}/actions/publish?locale=en`).send({}));
    expect((await api('/articles/guarded')).status).toBe(200);
    expect((await api('/articles/garde?locale=fr')).status).toBe(404);
  });

  it('previews references in the language of the locale being edited', async () => {
    const preview = (locale?: string) =>
      admin
        .post('/cited-articles/preview')
        .send({ body: 'Voir [@wire-report].', citations: [sourceIds[0]], style: 'mla', ...(locale ? { locale } : {}) });
    const fr = await preview('fr');
    expect(fr.status).toBe(200);
    expect(fr.body.meta).toMatchObject({ locale: 'fr', referenceLocale: 'fr-FR' });
    expect(fr.body.data.references[0].formatted).toContain('22 février 2023');
    const plain = await preview();
    expect(plain.body.meta.referenceLocale).toBe('en-US');
  });
});

describe('GraphQL per locale', () => {
  it('takes locale as the content locale and referenceLocale for the references', async () => {
    const res = await graphql(
      app,
      `
        query ($slug: String!) {
          citedArticle(slug: $slug, locale: "de", style: "vancouver", referenceLocale: "fr-FR") {
            title
            locale
            referenceLocale
            commentCount
            references {
              formatted
            }
          }
          citedArticles(locale: "fr") {
            data {
              slug
              locale
              commentCount
            }
          }
          articleComments(slug: "effondrement-mine", locale: "fr") {
            commentCount
          }
        }
      `,
      { slug: 'einsturz-der-mine' }
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.citedArticle).toMatchObject({ title: 'Einsturz der Mine', locale: 'de', referenceLocale: 'fr-FR' });
    expect(res.body.data.citedArticle.references[0].formatted).toContain('févr');
    expect(res.body.data.citedArticles.data).toEqual(expect.arrayContaining([{ slug: 'effondrement-mine', locale: 'fr', commentCount: 2 }]));
    expect(res.body.data.articleComments.commentCount).toBe(2);
  });
});
