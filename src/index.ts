import type { Core } from '@strapi/strapi';
import { seedDemoContent } from './bootstrap/demo-content';
import { registerBenchBaseline } from './bench/baseline-route';
import { registerReaderPages } from './reader-page/routes';

export default {
  /** The demo's reader pages: / lists the articles, /articles/:slug shows one as readers see it. */
  register({ strapi }: { strapi: Core.Strapi }) {
    registerReaderPages(strapi);
  },

  /**
   * An empty database gets demo content (CITED_ARTICLES_SEED=false turns that off). The reader
   * permissions are the plugin's own doing (option permissions.grantReaderActions), as in any app.
   */
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await seedDemoContent(strapi, { enabled: process.env.CITED_ARTICLES_SEED !== 'false' });
    registerBenchBaseline(strapi);
  },
};
