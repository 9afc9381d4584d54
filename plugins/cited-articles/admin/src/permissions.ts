// RBAC actions the admin pages check (the server checks them again on every route).
const action = (name: string) => [{ action: `plugin::cited-articles.${name}`, subject: null }];

export const PERMISSIONS = {
  previewReferences: action('references.preview'),
  readSources: action('sources.read'),
  // Defined by the source import feature; the button only shows for admins holding it.
  importSources: action('sources.import'),
  checkSourceLinks: action('sources.check-links'),
  // Looking a source up fills the Content Manager's create form: its create permission on sources.
  createSources: [{ action: 'plugin::content-manager.explorer.create', subject: 'plugin::cited-articles.source' }],
  readComments: action('comments.read'),
  moderateComments: action('comments.moderate'),
};

export const ARTICLE_UID = 'plugin::cited-articles.article';
export const SOURCE_UID = 'plugin::cited-articles.source';
