import type { Core } from '@strapi/strapi';
import { articlesRepository } from '../../repositories/articles';

/** Whether a relation payload asks for nothing: absent, or connect/set lists with no entry. */
const isEmptyRelationPayload = (value: unknown) => {
  if (value === undefined || value === null) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value !== 'object') return false;
  const { connect, set } = value as { connect?: unknown[]; set?: unknown[] };
  if (set !== undefined) return Array.isArray(set) && set.length === 0;
  return !Array.isArray(connect) || connect.length === 0;
};

/**
 * A new locale of an article starts with the citations list of an existing one. The Content
 * Manager creates a localization by saving the document in a locale it does not have yet (PUT
 * …/:documentId?locale=fr); the translator then writes the body in the new language and the
 * markers keep pointing at the same sources. The list is copied from the default locale's draft
 * when it has one, else from the oldest other locale. A save that sends citations of its own keeps
 * them.
 */
export const createLocalizationCitations = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Whether saving this document in this locale creates the locale (no row of it yet). */
  async isNewLocale(documentId: string, locale: string): Promise<boolean> {
    const { inLocale, all } = await articlesRepository(strapi).rowCounts(documentId, locale);
    return inLocale === 0 && all > 0;
  },

  /**
   * The citations (source documentIds, in order) a new locale should start with, or null when the
   * save brings its own or there is none to copy.
   */
  async citationsToCopy(documentId: string, data: Record<string, unknown>): Promise<string[] | null> {
    if (!isEmptyRelationPayload(data.citations)) return null;
    const defaultLocale = await strapi.plugin('i18n').service('locales').getDefaultLocale();
    const drafts = await articlesRepository(strapi).draftsWithCitations(documentId);
    const from = drafts.find((draft) => draft.locale === defaultLocale) ?? drafts[0];
    const citations = from?.citations ?? [];
    if (citations.length === 0) return null;
    return citations.map((source) => source.documentId);
  },
});
