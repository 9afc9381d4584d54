// The plugin's admin RBAC actions (Settings > Roles > Plugins > Cited-articles).
export const ACTIONS = {
  previewReferences: 'plugin::cited-articles.references.preview',
} as const;

export const ACTION_DEFINITIONS = [
  {
    section: 'plugins',
    displayName: 'Preview references of an article being edited',
    uid: 'references.preview',
    pluginName: 'cited-articles',
  },
];

/** Strapi's default admin roles that get these actions once, so editors can use them at once. */
export const DEFAULT_ROLE_GRANTS: Record<string, string[]> = {
  'strapi-editor': [ACTIONS.previewReferences],
  'strapi-author': [ACTIONS.previewReferences],
};
