/**
 * The Cited Articles reader kit: <cited-article>, <cited-comments> and the typed client they use.
 * Importing this module defines both elements (once; a second import is harmless).
 */
import { CitedArticleElement } from './cited-article';
import { CitedCommentsElement } from './cited-comments';

export { CitedArticleElement, CitedCommentsElement };
export { createCitedClient, CitedApiError } from './client';
export type * from './client';
export { stringsFor, registerStrings, type ReaderStrings } from './i18n';

/** Defines the two elements under their names unless the page already has them. */
export function defineCitedElements(): void {
  if (!customElements.get('cited-article')) customElements.define('cited-article', CitedArticleElement);
  if (!customElements.get('cited-comments')) customElements.define('cited-comments', CitedCommentsElement);
}

if (typeof customElements !== 'undefined') defineCitedElements();

declare global {
  interface HTMLElementTagNameMap {
    'cited-article': CitedArticleElement;
    'cited-comments': CitedCommentsElement;
  }
}
