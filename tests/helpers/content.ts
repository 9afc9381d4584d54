/**
 * Creates content through the Content Manager's admin routes, the same requests the admin panel
 * sends when an editor saves and publishes.
 */
import type { AdminSession } from './admin';

const CM = '/content-manager/collection-types';
export const ARTICLE_UID = 'plugin::cited-articles.article';
export const SOURCE_UID = 'plugin::cited-articles.source';
export const COMMENT_UID = 'plugin::cited-articles.comment';

const expectStatus = (res: any, status: number, what: string) => {
  if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data;
};

export async function createSource(admin: AdminSession, data: Record<string, unknown>) {
  return expectStatus(await admin.post(`${CM}/${SOURCE_UID}`).send(data), 201, 'create source');
}

export async function createArticle(
  admin: AdminSession,
  { citations = [], publish = true, ...data }: Record<string, unknown> & { citations?: string[]; publish?: boolean }
) {
  const draft = expectStatus(await admin.post(`${CM}/${ARTICLE_UID}`).send({ ...data, citations: { connect: citations } }), 201, 'create article');
  if (!publish) return draft;
  return publishArticle(admin, draft.documentId);
}

export async function updateArticle(admin: AdminSession, documentId: string, data: Record<string, unknown>) {
  return expectStatus(await admin.put(`${CM}/${ARTICLE_UID}/${documentId}`).send(data), 200, 'update article');
}

export async function publishArticle(admin: AdminSession, documentId: string) {
  return expectStatus(await admin.post(`${CM}/${ARTICLE_UID}/${documentId}/actions/publish`).send({}), 200, 'publish article');
}

export async function unpublishArticle(admin: AdminSession, documentId: string) {
  return expectStatus(await admin.post(`${CM}/${ARTICLE_UID}/${documentId}/actions/unpublish`).send({}), 200, 'unpublish article');
}

/**
 * Comments are not in the Content Manager (see docs/decisions.md), so tests create them with the
 * Document Service, as the plugin's own comment routes do.
 */
export async function createComment(strapi: any, { article, parent, ...data }: Record<string, any>) {
  return strapi.documents(COMMENT_UID).create({ data: { ...data, article, parent } });
}

/**
 * A published article citing `n` sources, half by key and half by position, plus one key cited but
 * not listed (so the library lookup runs): slug `${prefix}with-${n}`. For tests that count the
 * statements a read costs whatever the number of citations. Returns the unlisted source.
 */
export async function articleWithCitations(strapi: any, n: number, prefix = '') {
  const ids: string[] = [];
  const markers: string[] = [];
  for (let i = 0; i < n; i += 1) {
    const key = `${prefix}s-${n}-${i}`;
    const source = await strapi.documents(SOURCE_UID).create({ data: { title: `Source ${n}-${i}`, key, url: `https://example.org/${n}/${i}` } });
    ids.push(source.documentId);
    markers.push(i % 2 === 0 ? `[@${key}]` : `[${i + 1}]`);
  }
  const extraKey = `${prefix}extra-${n}`;
  const extra = await strapi.documents(SOURCE_UID).create({ data: { title: `Extra ${n}`, key: extraKey } });
  await strapi.documents(ARTICLE_UID).create({
    data: { title: `With ${n}`, slug: `${prefix}with-${n}`, body: `${markers.join(' ')} [@${extraKey}]`, citations: ids },
    status: 'published',
  });
  return extra;
}
