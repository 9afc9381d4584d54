import type { Core } from '@strapi/strapi';

const ARTICLE_UID = 'plugin::cited-articles.article';

/**
 * The benchmark's point of comparison (`npm run bench`), registered only when
 * CITED_ARTICLES_BENCH=1: the same article read through Strapi's generic Document Service with its
 * citations populated and nothing resolved, answered as JSON. Like a route of Strapi's generic REST
 * API (and like the plugin's own route) it goes through Users & Permissions: it needs the Public
 * role to hold the action the resolved route needs, so both pay for the same permission check.
 * Never part of a normal run.
 */
export function registerBenchBaseline(strapi: Core.Strapi) {
  if (process.env.CITED_ARTICLES_BENCH !== '1') return;
  strapi.server.routes({
    type: 'content-api',
    routes: [
      {
        method: 'GET',
        path: '/bench/baseline/:slug',
        handler: async (ctx: Parameters<Core.MiddlewareHandler>[0]) => {
          const data = await strapi.documents(ARTICLE_UID).findFirst({
            filters: { slug: ctx.params.slug },
            status: 'published',
            populate: { citations: true },
          });
          ctx.body = { data };
        },
        // Strapi fills in the route's info (its type: content-api) as it registers the router.
        info: {},
        config: { auth: { scope: ['plugin::cited-articles.article.findOne'] } },
      },
    ],
  });
}
