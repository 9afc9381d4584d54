/**
 * The one-tag build (GET /api/cited-articles/reader.js): defines <cited-article> and <cited-comments>
 * and exposes the client as window.CitedArticles for pages without a bundler.
 */
import * as kit from './index';

declare global {
  interface Window {
    CitedArticles: typeof kit;
  }
}

window.CitedArticles = kit;
