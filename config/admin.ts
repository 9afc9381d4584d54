import type { Core } from '@strapi/strapi';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  auth: {
    secret: env('ADMIN_JWT_SECRET'),
  },
  apiToken: {
    salt: env('API_TOKEN_SALT'),
  },
  transfer: {
    token: {
      salt: env('TRANSFER_TOKEN_SALT'),
    },
  },
  secrets: {
    encryptionKey: env('ENCRYPTION_KEY'),
  },
  // Strapi's Preview panel opens the draft being edited in the demo's reader page (src/reader-page):
  // the page checks PREVIEW_SECRET and reads the draft through the plugin's draft-preview route.
  preview: {
    enabled: env.bool('PREVIEW_ENABLED', true),
    config: {
      // The page is served by this app ('self'); a frontend elsewhere adds its origin as CLIENT_URL.
      allowedOrigins: ["'self'", ...(env('CLIENT_URL') ? [env('CLIENT_URL')] : [])],
      async handler(uid: string, { documentId, locale, status }: { documentId: string; locale?: string; status?: string }) {
        if (uid !== 'plugin::cited-articles.article') return null;
        const document = await strapi
          .documents(uid)
          .findOne({ documentId, locale, status: status === 'published' ? 'published' : 'draft', fields: ['slug'] });
        if (!document?.slug) return null;
        const query = new URLSearchParams({ ...(locale ? { locale } : {}) });
        if (status !== 'published') {
          query.set('status', 'draft');
          query.set('secret', env('PREVIEW_SECRET', ''));
        }
        return `${env('CLIENT_URL', '')}/articles/${encodeURIComponent(document.slug)}?${query}`;
      },
    },
  },
  flags: {
    nps: env.bool('FLAG_NPS', false),
    promoteEE: env.bool('FLAG_PROMOTE_EE', false),
  },
});
