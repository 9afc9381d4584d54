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
  /** replyTo: index, in this list, of the comment answered. */
  comments: Array<Record<string, unknown> & { article: string; replyTo?: number }>;
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
  const counts = await Promise.all([ARTICLE_UID, SOURCE_UID, COMMENT_UID].map((uid) => strapi.db.query(uid as any).count()));
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
    const created = await strapi.documents(SOURCE_UID).create({ data: source as any });
    sourceIds.set(source.key, created.documentId);
  }

  const articleIds = new Map<string, string>();
  for (const { citations, ...article } of demo.articles) {
    const created = await strapi.documents(ARTICLE_UID).create({
      data: { ...article, citations: citations.map((key) => sourceIds.get(key)) } as any,
      status: 'published',
    });
    articleIds.set(article.slug, created.documentId);
  }

  const commentIds: string[] = [];
  for (const { article, replyTo, ...comment } of demo.comments) {
    const parent = replyTo === undefined ? undefined : commentIds[replyTo];
    const created = await strapi.documents(COMMENT_UID).create({
      data: { ...comment, article: articleIds.get(article), parent } as any,
    });
    commentIds.push(created.documentId);
  }

  await store.set({ key: STORE_KEY, value: { seeded: true, at: new Date().toISOString() } });
  strapi.log.info(
    `[cited-articles] demo content created: ${demo.sources.length} sources, ${demo.articles.length} articles, ${demo.comments.length} comments`
  );
  return true;
}
