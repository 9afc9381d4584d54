/**
 * Who may read an article's draft through the content API (`?status=draft`): an API token that is
 * full-access, or custom with the `plugin::cited-articles.article.preview` action. Users and the
 * Public role never may; editors in the admin use the admin preview route instead.
 */
export const PREVIEW_ACTION = 'plugin::cited-articles.article.preview';

/** What Strapi's content API puts in ctx.state.auth; only the parts read here. */
export interface RequestAuth {
  strategy?: { name?: string } | null;
  credentials?: { type?: string } | null;
  ability?: { can?: (action: string) => boolean } | null;
}

export const canPreviewDrafts = (auth: RequestAuth | null | undefined): boolean => {
  const token = auth?.credentials;
  if (!token || !String(auth?.strategy?.name ?? '').includes('api-token')) return false;
  if (token.type === 'full-access') return true;
  return token.type === 'custom' && Boolean(auth.ability?.can?.(PREVIEW_ACTION));
};
