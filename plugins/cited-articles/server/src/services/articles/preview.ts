import type { Core } from '@strapi/strapi';
import { sourcesRepository } from '../../repositories/sources';
import type { ArticleResolving, PresentedArticle } from './resolving';

/** An unsaved article as the References panel sends it. */
export interface DraftPreviewInput {
  body: string;
  /** Source documentIds, in the editor's order. */
  citations: string[];
  numberingStart: 0 | 1;
  style: string;
  locale?: string;
  referenceLocale?: string;
}

/** The resolved form of an unsaved article, for the editor's References panel. */
export const createDraftPreview = ({ strapi, resolving }: { strapi: Core.Strapi; resolving: ArticleResolving }) => ({
  async resolveDraft(input: DraftPreviewInput): Promise<PresentedArticle> {
    // The listed sources in one query, then put back in the editor's order. A documentId that no
    // longer exists is skipped: the editor sees the list as it will be saved.
    const rows = input.citations.length === 0 ? [] : await sourcesRepository(strapi).citableByDocumentIds(input.citations);
    const byId = new Map(rows.map((row) => [row.documentId, row]));
    const citations = input.citations.map((id) => byId.get(id)).filter((row) => row !== undefined);
    return resolving.presentUnmemoized(
      // `locale`: the article's locale in the Content Manager; its references follow it unless
      // `referenceLocale` says otherwise, as on the content API.
      { documentId: '', locale: input.locale ?? null, body: input.body, numberingStart: input.numberingStart, citations },
      { style: input.style, referenceLocale: input.referenceLocale, html: true }
    );
  },
});
