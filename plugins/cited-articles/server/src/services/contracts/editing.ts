// What the Document Service middlewares ask while an article is saved or published.

export interface CitationSyncService {
  /** The keys appended to the draft's citations, in order of first use. */
  appendCitedSources(article: { documentId: string; body: string; locale?: string }): Promise<string[]>;
}

export interface LocalizationCitationsService {
  isNewLocale(documentId: string, locale: string): Promise<boolean>;
  /** Source documentIds, in order, or null when the save brings its own or there is none to copy. */
  citationsToCopy(documentId: string, data: Record<string, unknown>): Promise<string[] | null>;
}

export interface PublishGuardService {
  /** Throws a ValidationError listing the citation errors of the draft about to be published. */
  assertPublishable(article: { documentId: string; locale?: string }): Promise<void>;
}
