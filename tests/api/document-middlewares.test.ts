import { setupStrapi } from '../helpers/strapi';
import { ARTICLE_UID, COMMENT_UID, SOURCE_UID } from '../helpers/content';

// Each Document Service middleware of the plugin (server/src/middlewares/documents/), one job each,
// through the Document Service itself: the path of seeds, imports and scripts, where no Content
// Manager fills anything in the browser.
const app = setupStrapi();
const articles = () => app.strapi.documents(ARTICLE_UID as any);
const sources = () => app.strapi.documents(SOURCE_UID as any);
const comments = () => app.strapi.documents(COMMENT_UID as any);
const BLOCK_OPTION = 'plugin::cited-articles.blockPublishOnCitationErrors';

let first: any;
let second: any;
beforeAll(async () => {
  await app.strapi.plugin('i18n').service('locales').create({ code: 'fr', name: 'French (fr)' });
  first = await sources().create({ data: { title: 'First source', type: 'web', url: 'https://first.example/' } as any });
  second = await sources().create({ data: { title: 'Second source', type: 'web', url: 'https://second.example/' } as any });
});
afterEach(() => app.strapi.config.set(BLOCK_OPTION, false));

const citationKeys = async (documentId: string, locale?: string) => {
  const doc: any = await articles().findOne({ documentId, locale, status: 'draft', populate: { citations: { fields: ['key'] } } as any });
  return doc.citations.map((source: any) => source.key);
};

describe('commentThreadPosition', () => {
  it('gives a reply created with only its parent the depth and thread root of its place in the thread', async () => {
    const article: any = await articles().create({ data: { title: 'Thread home' } as any, status: 'published' });
    const base = { authorName: 'R', authorEmail: 'r@example.org', status: 'approved', article: article.documentId };
    const root: any = await comments().create({ data: { ...base, content: 'Root' } as any });
    const reply: any = await comments().create({ data: { ...base, content: 'Reply', parent: root.documentId } as any });
    const deeper: any = await comments().create({ data: { ...base, content: 'Deeper', parent: { connect: [reply.documentId] } } as any });
    expect(reply).toMatchObject({ depth: 1, threadRoot: root.documentId });
    expect(deeper).toMatchObject({ depth: 2, threadRoot: root.documentId });
  });
});

describe('refusePublishWithCitationErrors', () => {
  it('refuses to publish an article citing an unknown key when the option is on, and publishes it when it is off', async () => {
    const draft: any = await articles().create({ data: { title: 'Unknown citation', body: 'Said so [@nobody-knows].' } as any });
    app.strapi.config.set(BLOCK_OPTION, true);
    await expect(articles().publish({ documentId: draft.documentId })).rejects.toThrow(/nobody-knows/);
    expect(await articles().findOne({ documentId: draft.documentId, status: 'published' })).toBeNull();
    app.strapi.config.set(BLOCK_OPTION, false);
    await articles().publish({ documentId: draft.documentId });
    expect(await articles().findOne({ documentId: draft.documentId, status: 'published' })).not.toBeNull();
  });
});

describe('generatedUids', () => {
  it('fills a blank key or slug from the title, on create and on an explicit blank, and keeps it otherwise', async () => {
    const source: any = await sources().create({ data: { title: 'Harbour Report', type: 'report' } as any });
    expect(source.key).toBe('harbour-report');
    const untouched: any = await sources().update({ documentId: source.documentId, data: { title: 'Harbour Report, revised' } as any });
    expect(untouched.key).toBe('harbour-report');
    const blanked: any = await sources().update({ documentId: source.documentId, data: { key: '', title: 'Harbour Report, revised' } as any });
    expect(blanked.key).toBe('harbour-report-revised');
    const article: any = await articles().create({ data: { title: 'Quay Works Begin' } as any });
    expect(article.slug).toBe('quay-works-begin');
  });
});

describe('copyCitationsToNewLocale', () => {
  it('starts a new locale with the citations list of the existing one, and a slug of its own title', async () => {
    const article: any = await articles().create({
      data: { title: 'Bridge closed', body: 'Closed [@first-source] [@second-source].', citations: [second.documentId, first.documentId] } as any,
    });
    expect(await citationKeys(article.documentId)).toEqual(['second-source', 'first-source']);
    const french: any = await articles().update({ documentId: article.documentId, locale: 'fr', data: { title: 'Pont fermé' } as any });
    expect(french.slug).toBe('pont-ferme');
    expect(await citationKeys(article.documentId, 'fr')).toEqual(['second-source', 'first-source']);
  });
});

describe('citationOrder', () => {
  it('moves a citation to the top of the list as the Content Manager asks', async () => {
    const third: any = await sources().create({ data: { title: 'Third source', type: 'web' } as any });
    const article: any = await articles().create({
      data: { title: 'Ordered list', citations: [first.documentId, second.documentId, third.documentId] } as any,
    });
    await articles().update({
      documentId: article.documentId,
      data: { citations: { connect: [{ documentId: third.documentId, position: { start: true } }] } } as any,
    });
    expect(await citationKeys(article.documentId)).toEqual(['third-source', 'first-source', 'second-source']);
  });
});

describe('appendCitedSources', () => {
  it('adds the sources a body cites by key to the list, on the published version too when created published', async () => {
    const article: any = await articles().create({
      data: { title: 'Cited by key', body: 'As reported [@second-source].' } as any,
      status: 'published',
    });
    expect(await citationKeys(article.documentId)).toEqual(['second-source']);
    const published: any = await articles().findOne({
      documentId: article.documentId,
      status: 'published',
      populate: { citations: { fields: ['key'] } } as any,
    });
    expect(published.citations.map((source: any) => source.key)).toEqual(['second-source']);
    await articles().update({ documentId: article.documentId, data: { body: 'As reported [@second-source], and [@first-source].' } as any });
    expect(await citationKeys(article.documentId)).toEqual(['second-source', 'first-source']);
  });
});
