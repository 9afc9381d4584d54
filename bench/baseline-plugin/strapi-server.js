/**
 * One plain content type, `plugin::bench-baseline.note` (a title and a rich-text body), saved
 * through Strapi's Content Manager by `npm run bench:stall -- --strapi-only`: the same request
 * sizes as the plugin's editors and importers, with none of the plugin's work (no document
 * middlewares, no citation resolution, no worker threads), to measure what Strapi alone costs the
 * readers on this machine. Loaded only when CITED_ARTICLES_BENCH_STRAPI_ONLY=1 (config/plugins.ts).
 */
module.exports = () => ({
  contentTypes: {
    note: {
      schema: {
        kind: 'collectionType',
        collectionName: 'bench_baseline_notes',
        info: { singularName: 'note', pluralName: 'notes', displayName: 'Bench note' },
        options: { draftAndPublish: true },
        attributes: {
          title: { type: 'string' },
          body: { type: 'richtext' },
        },
      },
    },
  },
});
