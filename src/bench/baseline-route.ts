import type { Core } from '@strapi/strapi';

const ARTICLE_UID = 'plugin::cited-articles.article';

/**
 * The benchmark's point of comparison (`npm run bench`), registered only when
 * CITED_ARTICLES_BENCH=1: the same article read through Strapi's generic Document Service with its
 * citations populated and nothing resolved, answered as JSON. Never part of a normal run.
 */
export function registerBenchBaseline(strapi: Core.Strapi) {
  if (process.env.CITED_ARTICLES_BENCH !== '1') return;
  strapi.server.routes({
    type: 'content-api',
    routes: [
      {
        method: 'GET',
        path: '/bench/baseline/:slug',
        handler: async (ctx) => {
          const data = await strapi.documents(ARTICLE_UID as any).findFirst({
            filters: { slug: ctx.params.slug },
            status: 'published',
            populate: { citations: true },
          } as any);
          ctx.body = { data };
        },
        config: { auth: false },
      },
    ],
  } as any);
}
