import { setupStrapi } from '../helpers/strapi';
import { createAdmin, type AdminSession } from '../helpers/admin';
import { ARTICLE_UID, COMMENT_UID, SOURCE_UID, createArticle, createSource, updateArticle } from '../helpers/content';

const app = setupStrapi();
let admin: AdminSession;

beforeAll(async () => {
  admin = await createAdmin(app);
});

describe('content types', () => {
  it('registers source, article and comment with the contract fields and table names', () => {
    const source = app.strapi.contentType(SOURCE_UID as any) as any;
    const article = app.strapi.contentType(ARTICLE_UID as any) as any;
    const comment = app.strapi.contentType(COMMENT_UID as any) as any;

    expect(source.collectionName).toBe('cited_articles_sources');
    expect(article.collectionName).toBe('cited_articles_articles');
    expect(comment.collectionName).toBe('cited_articles_comments');

    expect(Object.keys(source.attributes)).toEqual(
      expect.arrayContaining([
        'key',
        'title',
        'publisher',
        'authors',
        'url',
        'publishedDate',
        'accessedDate',
        'archiveUrl',
        'doi',
        'type',
        'language',
        'citedBy',
      ])
    );
    expect(source.attributes.key).toMatchObject({ type: 'uid', targetField: 'title' });
    expect(source.attributes.title.required).toBe(true);
    expect(source.attributes.type.enum).toEqual(['news', 'web', 'journal', 'book', 'report', 'other']);
    expect(source.options.draftAndPublish).toBe(false);

    expect(article.options.draftAndPublish).toBe(true);
    expect(article.attributes.slug).toMatchObject({ type: 'uid', targetField: 'title' });
    expect(article.attributes.body.type).toBe('richtext');
    expect(article.attributes.citations).toMatchObject({
      type: 'relation',
      relation: 'manyToMany',
      target: SOURCE_UID,
      inversedBy: 'citedBy',
    });
    expect(source.attributes.citedBy).toMatchObject({ relation: 'manyToMany', target: ARTICLE_UID, mappedBy: 'citations' });
    expect(article.attributes.numberingStart).toMatchObject({ type: 'integer', default: 1, min: 0, max: 1 });
    expect(article.attributes.commentsEnabled).toMatchObject({ type: 'boolean', default: true });
    expect(article.attributes.comments).toMatchObject({ relation: 'oneToMany', target: COMMENT_UID, mappedBy: 'article' });

    expect(comment.options.draftAndPublish).toBe(false);
    expect(comment.attributes.status).toMatchObject({ enum: ['pending', 'approved', 'rejected', 'spam'], default: 'pending' });
    expect(comment.attributes.parent).toMatchObject({ relation: 'manyToOne', target: COMMENT_UID });
    for (const field of ['authorEmail', 'ipHash', 'moderatedBy', 'moderatedAt']) {
      expect(comment.attributes[field].private).toBe(true);
    }
  });

  it('shows sources and articles in the Content Manager, and keeps comments for moderation', async () => {
    const res = await admin.get('/content-manager/content-types');
    expect(res.status).toBe(200);
    const visible = res.body.data.filter((type: any) => type.isDisplayed).map((type: any) => type.uid);
    expect(visible).toEqual(expect.arrayContaining([SOURCE_UID, ARTICLE_UID]));
    expect(visible).not.toContain(COMMENT_UID);
  });
});

describe('generated uids', () => {
  it('gives a source created without a key a unique key from its title', async () => {
    const first = await createSource(admin, { title: 'Mine Safety Report 2023' });
    const second = await createSource(admin, { title: 'Mine Safety Report 2023' });
    expect(first.key).toBe('mine-safety-report-2023');
    expect(second.key).toBe('mine-safety-report-2023-1');
  });

  it('gives an article created through the Document Service without a slug one from its title', async () => {
    const doc = await app.strapi.documents(ARTICLE_UID as any).create({ data: { title: 'Héllo, World!' } as any });
    expect((doc as any).slug).toBe('hello-world');
  });

  it('keeps a slug the editor chose', async () => {
    const doc = await createArticle(admin, { title: 'Any title', slug: 'chosen-slug', publish: false });
    expect(doc.slug).toBe('chosen-slug');
  });
});

describe('citations relation', () => {
  it('keeps the order the editor arranges, on the published article', async () => {
    const a = await createSource(admin, { title: 'Source A' });
    const b = await createSource(admin, { title: 'Source B' });
    const c = await createSource(admin, { title: 'Source C' });
    const article = await createArticle(admin, { title: 'Ordered', citations: [a.documentId, b.documentId, c.documentId] });

    const read = async () => {
      const doc: any = await app.strapi.documents(ARTICLE_UID as any).findOne({
        documentId: article.documentId,
        status: 'published',
        populate: { citations: { fields: ['key'] } } as any,
      });
      return doc.citations.map((s: any) => s.key);
    };
    expect(await read()).toEqual(['source-a', 'source-b', 'source-c']);

    // Move C to the front, as the Content Manager's drag and drop does, then publish.
    await updateArticle(admin, article.documentId, {
      citations: { connect: [{ documentId: c.documentId, position: { start: true } }] },
    });
    await admin.post(`/content-manager/collection-types/${ARTICLE_UID}/${article.documentId}/actions/publish`).send({});
    expect(await read()).toEqual(['source-c', 'source-a', 'source-b']);
  });
});
