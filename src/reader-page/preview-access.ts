import crypto from 'crypto';
import type { Core } from '@strapi/strapi';

/**
 * The reader page's draft mode, for Strapi's Preview panel (config/admin.ts): the admin builds the
 * page's URL with PREVIEW_SECRET; a request bearing it gets a page whose <cited-article> reads the
 * draft through the plugin's draft-preview route (GET /api/cited-articles/preview/articles/:slug),
 * with an API token that holds only the `article.preview` action. The token is this app's own,
 * created on the first draft request and given a new key at each start (its key is shown once).
 */
const TOKEN_NAME = 'Reader page preview (demo)';
const PREVIEW_ACTION = 'plugin::cited-articles.article.preview';

let accessKey: Promise<string> | null = null;

export const previewSecret = () => process.env.PREVIEW_SECRET || null;

/** Whether `given` is the preview secret (constant time); false when the app has none. */
export function isPreviewSecret(given: unknown): boolean {
  const secret = previewSecret();
  if (!secret || typeof given !== 'string') return false;
  const a = crypto.createHash('sha256').update(given).digest();
  const b = crypto.createHash('sha256').update(secret).digest();
  return crypto.timingSafeEqual(a, b);
}

interface ApiTokenService {
  getByName(name: string): Promise<{ id: number | string } | null>;
  create(attributes: Record<string, unknown>): Promise<{ accessKey: string }>;
  regenerate(id: number | string): Promise<{ accessKey: string }>;
}

/** The key of the app's preview-only API token (created or given a new key once per process). */
export function previewAccessKey(strapi: Core.Strapi): Promise<string> {
  accessKey ??= (async () => {
    const tokens = strapi.service('admin::api-token') as unknown as ApiTokenService;
    const existing = await tokens.getByName(TOKEN_NAME);
    if (existing) return (await tokens.regenerate(existing.id)).accessKey;
    const created = await tokens.create({
      name: TOKEN_NAME,
      description: 'Lets the reader page show drafts in the admin Preview panel. Only reads drafts.',
      type: 'custom',
      lifespan: null,
      permissions: [PREVIEW_ACTION],
    });
    return created.accessKey;
  })().catch((error) => {
    accessKey = null;
    throw error;
  });
  return accessKey;
}
