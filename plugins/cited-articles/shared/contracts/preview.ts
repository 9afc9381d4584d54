import type { CitationIssue, Reference } from '../engine';
import type { PublicCitation, PublicSource } from './public';

export type { CitationIssue };

/** POST /cited-articles/preview: an unsaved article body with the editor's citations list. */
export interface PreviewRequest {
  body: string;
  /** Source documentIds, in the article's order. */
  citations: string[];
  numberingStart: 0 | 1;
  style?: string;
  /** The article's locale in the Content Manager. */
  locale?: string;
  referenceLocale?: string;
}

/** A numbered reference, its source in its public fields and formatted in the style. */
export interface PreviewReference extends Omit<Reference, 'source'> {
  source: PublicSource;
  formatted: string;
}

export interface PreviewResponse {
  data: {
    locale: string | null;
    body: string;
    numberingStart: 0 | 1;
    citations: PublicCitation[];
    references: PreviewReference[];
    bodyHtml?: string;
  };
  meta: {
    style: string;
    locale: string | null;
    referenceLocale: string;
    issues: CitationIssue[];
    /** The Publish button asks for confirmation, or refuses, as the server will. */
    publishGuard: 'block' | 'confirm';
  };
}

/** POST /cited-articles/preview, as a namespace per route (see contracts/moderation.ts). */
export declare namespace PreviewReferences {
  export interface Request {
    body: PreviewRequest;
  }
  export type Response = PreviewResponse;
}
