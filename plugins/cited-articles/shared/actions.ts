// The plugin's admin RBAC actions: the server registers them and checks them on every admin route
// (server/src/routes/admin.ts), and the admin pages check the same names before showing a page or
// a button. Their display names and default grants are the server's (server/src/utils/actions.ts).
export const ACTIONS = {
  previewReferences: 'plugin::cited-articles.references.preview',
  readSources: 'plugin::cited-articles.sources.read',
  readComments: 'plugin::cited-articles.comments.read',
  moderateComments: 'plugin::cited-articles.comments.moderate',
  importSources: 'plugin::cited-articles.sources.import',
  checkSourceLinks: 'plugin::cited-articles.sources.check-links',
} as const;
