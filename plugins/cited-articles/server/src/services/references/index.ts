import type { Core } from '@strapi/strapi';
import { joinParts } from '../../utils/join-parts';
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
  // The registry keeps its short names (register, get, list); the service says which part they are.
  const { register: registerStyle, get: getStyle, list: listStyles, ...styles } = createReferenceStyles();
  const exports = createReferenceExport({ strapi });
  const warmUp = createStyleWarmUp({ strapi });

  return joinParts(styles, { registerStyle, getStyle, listStyles }, exports, warmUp);
};

export type ReferencesService = ReturnType<typeof createReferencesService>;
