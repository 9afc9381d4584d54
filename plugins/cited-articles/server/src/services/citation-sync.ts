import type { Core } from '@strapi/strapi';
import { extractCitedKeys } from '../citations';
import { ARTICLE_UID, SOURCE_UID } from '../utils/uids';

/**
 * Keeps an article's `citations` list in step with its body, so editors never maintain two lists:
 * sources cited as `[@key]` but missing from the list are appended (at the end, so positional `[n]`
 * markers keep pointing where they did). Nothing is ever removed: an unused source is reported,
 * not dropped, because the editor may cite it positionally later.
 */
const citationSync = ({ strapi }: { strapi: Core.Strapi }) => ({
  async appendCitedSources({ documentId, body, locale }: { documentId: string; body: string; locale?: string }) {
    const keys = extractCitedKeys(body);
    if (keys.length === 0) return [];

    const draft: any = await strapi.documents(ARTICLE_UID).findOne({
      documentId,
      locale,
      status: 'draft',
      fields: ['id'] as any,
      populate: { citations: { fields: ['key'] } } as any,
    });
    if (!draft) return [];
    const listed = new Set((draft.citations ?? []).map((source: any) => source.key));
    const missing = keys.filter((key) => !listed.has(key));
    if (missing.length === 0) return [];

    const found: any[] = await strapi.documents(SOURCE_UID).findMany({
      filters: { key: { $in: missing } },
      fields: ['key'] as any,
    });
    const byKey = new Map(found.map((source) => [source.key, source.documentId]));
    // Append in order of first use in the body.
    const toAppend = missing.filter((key) => byKey.has(key));
    if (toAppend.length === 0) return [];

    await strapi.documents(ARTICLE_UID).update({
      documentId,
      locale,
      status: 'draft',
      data: {
        citations: {
          connect: toAppend.map((key) => ({ documentId: byKey.get(key), position: { end: true } })),
        },
      } as any,
    });
    return toAppend;
  },
});

export default citationSync;
