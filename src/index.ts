import type { Core } from '@strapi/strapi';
import { seedDemoContent } from './bootstrap/demo-content';
import { grantPublicPermissions } from './bootstrap/public-permissions';
import { registerBenchBaseline } from './bench/baseline-route';

export default {
  register(/* { strapi }: { strapi: Core.Strapi } */) {},

  /**
   * The host app makes the plugin usable at once: the Public role may read articles and sources,
   * and an empty database gets demo content (CITED_ARTICLES_SEED=false turns that off).
   */
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await grantPublicPermissions(strapi);
    await seedDemoContent(strapi, { enabled: process.env.CITED_ARTICLES_SEED !== 'false' });
    registerBenchBaseline(strapi);
  },
};
