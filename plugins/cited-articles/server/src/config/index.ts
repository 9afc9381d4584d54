// The plugin's options, set in the host app's config/plugins.ts under 'cited-articles'.config.
export interface CitedArticlesConfig {}

export default {
  default: (): CitedArticlesConfig => ({}),
  validator(_config: unknown) {},
};
