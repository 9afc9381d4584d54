import type { Core } from '@strapi/strapi';
import fs from 'fs';
import path from 'path';

const ARTICLE_UID = 'plugin::cited-articles.article';
const SOURCE_UID = 'plugin::cited-articles.source';
const COMMENT_UID = 'plugin::cited-articles.comment';
const STORE_KEY = 'demo-content-seeded';

interface DemoContent {
  sources: Array<Record<string, unknown> & { key: string }>;
  articles: Array<Record<string, unknown> & { slug: string; citations: string[] }>;
  /** Other language versions of the articles above (article: its slug in the default locale). */
  localizations?: Array<Record<string, unknown> & { article: string; locale: string }>;
  /** replyTo: index, in this list, of the comment answered; locale: the article version (default: the default locale). */
  comments: Array<Record<string, unknown> & { article: string; locale?: string; replyTo?: number }>;
}

/** Adds a locale to Settings → Internationalization unless the site has it. */
async function ensureLocale(strapi: Core.Strapi, code: string) {
  const locales = strapi.plugin('i18n').service('locales');
  if (await locales.findByCode(code)) return;
  const name = (strapi.plugin('i18n').service('iso-locales').getIsoLocales() as Array<{ code: string; name: string }>).find(
    (locale) => locale.code === code
  )?.name;
  await locales.create({ code, name: name ?? code });
}

/** database/demo/demo-content.json, found from src/ or from the compiled dist/src/. */
function readDemoContent(): DemoContent {
  const candidates = [
    path.resolve(__dirname, '..', '..', 'database', 'demo', 'demo-content.json'),
    path.resolve(__dirname, '..', '..', '..', 'database', 'demo', 'demo-content.json'),
  ];
  const file = candidates.find((candidate) => fs.existsSync(candidate));
  if (!file) throw new Error('database/demo/demo-content.json is missing');
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

async function isEmpty(strapi: Core.Strapi) {
  const counts = await Promise.all(([ARTICLE_UID, SOURCE_UID, COMMENT_UID] as const).map((uid) => strapi.db.query(uid).count()));
  return counts.every((count) => count === 0);
}

/**
 * Creates the demo sources, articles and comments on an empty database, once. It is skipped when
 * CITED_ARTICLES_SEED=false, when it ran before on this database, or when any content exists.
 */
export async function seedDemoContent(strapi: Core.Strapi, { enabled = true } = {}) {
  if (!enabled) return false;
  const store = strapi.store({ type: 'plugin', name: 'cited-articles' });
  if (await store.get({ key: STORE_KEY })) return false;
  if (!(await isEmpty(strapi))) {
    await store.set({ key: STORE_KEY, value: { skipped: 'database not empty', at: new Date().toISOString() } });
    return false;
  }

  const demo = readDemoContent();
  const sourceIds = new Map<string, string>();
  for (const source of demo.sources) {
    const created = await strapi.documents(SOURCE_UID).create({ data: source });
    sourceIds.set(source.key, created.documentId);
  }

  const articleIds = new Map<string, string>();
  for (const { citations, ...article } of demo.articles) {
    const created = await strapi.documents(ARTICLE_UID).create({
      data: { ...article, citations: citations.map((key) => sourceIds.get(key)) },
      status: 'published',
    });
    articleIds.set(article.slug, created.documentId);
  }

  // The same article in another language: written by us, with its own comments (a thread per locale).
  for (const { article, locale, ...fields } of demo.localizations ?? []) {
    await ensureLocale(strapi, locale);
    const documentId = articleIds.get(article);
    if (documentId === undefined) throw new Error(`database/demo/demo-content.json: the translation of "${article}" names no article of the file`);
    await strapi.documents(ARTICLE_UID).update({ documentId, locale, data: fields });
    await strapi.documents(ARTICLE_UID).publish({ documentId, locale });
  }

  const defaultLocale = await strapi.plugin('i18n').service('locales').getDefaultLocale();
  const commentIds: string[] = [];
  for (const { article, locale, replyTo, ...comment } of demo.comments) {
    const parent = replyTo === undefined ? undefined : commentIds[replyTo];
    const created = await strapi.documents(COMMENT_UID).create({
      data: { ...comment, article: { documentId: articleIds.get(article), locale: locale ?? defaultLocale }, parent },
    });
    commentIds.push(created.documentId);
  }

  await store.set({ key: STORE_KEY, value: { seeded: true, at: new Date().toISOString() } });
  strapi.log.info(
    `[cited-articles] demo content created: ${demo.sources.length} sources, ${demo.articles.length} articles (${demo.localizations?.length ?? 0} translations), ${demo.comments.length} comments`
  );
  return true;
}
