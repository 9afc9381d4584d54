import type { Core } from '@strapi/strapi';
import { createReferenceExport } from './export';
import { createReferenceStyles } from './styles';
import { createStyleWarmUp } from './warm-up';

export { DEFAULT_LOCALE } from './styles';
export type { ExportFile } from './export';
export type { LocaleChoice, ReferenceStyle } from './styles';

/**
 * Reference styles (styles.ts: the registry and the locale a list is formatted in), the files
 * reference managers import (export.ts) and the styles' warm-up in the worker threads (warm-up.ts).
 */
export const createReferencesService = ({ strapi }: { strapi: Core.Strapi }) => {
  const styles = createReferenceStyles();
  const exports = createReferenceExport({ strapi });
  const warmUp = createStyleWarmUp({ strapi });

  return {
    defaultStyle: styles.defaultStyle,
    /** Adds a style (or replaces the one with its id). */
    registerStyle: styles.register,
    /** The style with this id (any case), or null. */
    getStyle: styles.get,
    /** A style the plugin ships, which its worker threads can format (workers/jobs.ts); not one registered at runtime. */
    isBundled: styles.isBundled,
    listStyles: styles.list,
    resolveLocale: styles.resolveLocale,
    localeForContent: styles.localeForContent,
    referenceLocale: styles.referenceLocale,
    clearCache: styles.clearCache,

    /** The sources an article cites, in reference (first-use) order, as a file. */
    articleReferences: exports.articleReferences,
    /** One source of the library as a file. */
    sourceFile: exports.source,
    /** "Cite this article": the article itself as a newspaper article of the publication. */
    citeArticle: exports.citeArticle,

    /** Schedules the styles' warm-up (bootstrap) for when the HTTP server listens. */
    scheduleWarmUp: warmUp.schedule,
    /** The ids of the styles warmed, once done (null when it has not started). */
    warmUpFinished: warmUp.finished,
    stopWarmUp: warmUp.stop,
  };
};

export type ReferencesService = ReturnType<typeof createReferencesService>;
