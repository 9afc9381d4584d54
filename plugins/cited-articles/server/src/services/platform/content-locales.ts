import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { articlesRepository } from '../../repositories/articles';

type LocaleRow = { code: string; name?: string };

const unknownLocale = (locale: string, codes: string[]) =>
  new errors.ValidationError(`locale "${locale}" is not a locale of this site; use one of: ${codes.join(', ')}.`, {
    errors: [{ path: ['locale'], message: `locale must be one of: ${codes.join(', ')}`, name: 'ValidationError' }],
  });

/**
 * The content locale of a content-API request, as Strapi's own routes choose it: `?locale=` when
 * given, else the default locale of Settings → Internationalization. Articles are localized; each
 * locale is its own row with its own slug, body, citations and comment thread.
 */
export const createContentLocales = ({ strapi }: { strapi: Core.Strapi }) => {
  const i18n = () => strapi.plugin('i18n').service('locales');

  /** Codes of the locales the site has. */
  const codes = async (): Promise<string[]> => {
    const rows = (await i18n().find()) as LocaleRow[];
    return rows.map((row) => row.code).sort();
  };

  return {
    /** The requested locale, or the default one (one read of Strapi's store). */
    async resolveLocale(requested?: string | null): Promise<string> {
      if (requested) return requested;
      return ((await i18n().getDefaultLocale()) as string | null) ?? 'en';
    },

    localeCodes: codes,

    /** Throws the 400 for a locale the site does not have. */
    async assertLocaleKnown(locale: string) {
      const known = await codes();
      if (!known.includes(locale)) throw unknownLocale(locale, known);
    },

    /**
     * The error for an article that has no row with this slug in this locale and status. Read only
     * on that path, so a found article costs nothing more: a locale the site lacks is a 400 naming
     * the ones it has; a slug that exists in other locales is a 404 naming them.
     */
    async articleNotFound({ slug, locale, status }: { slug: string; locale: string; status: 'published' | 'draft' }): Promise<Error> {
      const known = await codes();
      if (!known.includes(locale)) return unknownLocale(locale, known);
      const what = status === 'draft' ? 'article' : 'published article';
      const locales = await articlesRepository(strapi).localesWithSlug(slug, status);
      const elsewhere = [...new Set(locales)].filter((code) => code !== locale).sort();
      if (elsewhere.length === 0) return new errors.NotFoundError(`No ${what} has the slug "${slug}".`);
      return new errors.NotFoundError(
        `No ${what} has the slug "${slug}" in locale "${locale}"; it exists in ${elsewhere.map((code) => `"${code}"`).join(', ')} (ask with ?locale=${elsewhere[0]}).`,
        { locales: elsewhere }
      );
    },
  };
};
