import type { Core } from '@strapi/strapi';
import { articlesRepository } from '../../repositories/articles';
import { sourcesRepository } from '../../repositories/sources';
import { getService } from '../../utils/get-service';

/**
 * Keeps an article's `citations` list in step with its body, so editors never maintain two lists:
 * sources cited as `[@key]` but missing from the list are appended (at the end, so positional `[n]`
 * markers keep pointing where they did). Nothing is ever removed: an unused source is reported,
 * not dropped, because the editor may cite it positionally later.
 */
export const createCitationSync = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The keys appended to the draft's citations, in order of first use. */
  async appendCitedSources({ documentId, body, locale }: { documentId: string; body: string; locale?: string }): Promise<string[]> {
    // Parsed before the save (the document middleware), so answered from memory here.
    const { keys } = await getService('platform', { strapi }).bodyIndex(body, 'This article');
    if (keys.length === 0) return [];

    const articles = articlesRepository(strapi);
    const draft = await articles.draftCitationKeys(documentId, locale);
    if (!draft) return [];
    const listed = new Set((draft.citations ?? []).map((source) => source.key));
    const missing = keys.filter((key) => !listed.has(key));
    if (missing.length === 0) return [];

    const found = await sourcesRepository(strapi).idsOfKeys(missing);
    const byKey = new Map(found.map((source) => [source.key, source.documentId]));
    // Append in order of first use in the body.
    const toAppend = missing.filter((key) => byKey.has(key));
    if (toAppend.length === 0) return [];

    // Appended after the list the editor ordered, so positional markers keep their sources.
    await articles.appendCitations(
      documentId,
      locale,
      toAppend.flatMap((key) => byKey.get(key) ?? [])
    );
    return toAppend;
  },
});
