import type { Core } from '@strapi/strapi';
import { formatNews, type CitableSource } from '../citations';

export interface ReferenceStyle {
  id: string;
  label: string;
  /** Formats an article's references, in number order, as plain text. */
  format(sources: CitableSource[], options: { locale: string }): string[];
}

const news: ReferenceStyle = {
  id: 'news',
  label: 'News (“Title” Outlet, D Mon. YYYY, URL)',
  format: (sources) => sources.map(formatNews),
};

/** The reference styles the content API offers (`?style=`), `news` being the default. */
const referenceStyles = (_: { strapi: Core.Strapi }) => {
  const styles = new Map<string, ReferenceStyle>([[news.id, news]]);
  return {
    defaultStyle: news.id,
    register(style: ReferenceStyle) {
      styles.set(style.id, style);
    },
    get(id: string) {
      return styles.get(id) ?? null;
    },
    list() {
      return [...styles.values()].map(({ id, label }) => ({ id, label }));
    },
  };
};

export default referenceStyles;
