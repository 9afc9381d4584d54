// How the plugin's admin RBAC actions (shared/actions.ts) show in Settings > Administration panel >
// Roles > Plugins > Cited Articles, and which default roles get them.
import { ACTIONS } from '../../../shared/actions';
import { PLUGIN_ID } from '../../../shared/uids';

export const ACTION_DEFINITIONS = [
  { section: 'plugins', displayName: 'Preview references of an article being edited', uid: 'references.preview', pluginName: PLUGIN_ID },
  { section: 'plugins', displayName: 'Browse the source library (Sources page)', uid: 'sources.read', pluginName: PLUGIN_ID },
  { section: 'plugins', displayName: 'Read comments', uid: 'comments.read', pluginName: PLUGIN_ID },
  { section: 'plugins', displayName: 'Moderate comments', uid: 'comments.moderate', pluginName: PLUGIN_ID },
  { section: 'plugins', displayName: 'Import sources (BibTeX, RIS, CSL-JSON)', uid: 'sources.import', pluginName: PLUGIN_ID },
  { section: 'plugins', displayName: 'Check source links and retractions now', uid: 'sources.check-links', pluginName: PLUGIN_ID },
];

/** Strapi's default admin roles that get these actions once, so editors can use them at once. */
export const DEFAULT_ROLE_GRANTS: Record<string, string[]> = {
  'strapi-editor': [ACTIONS.previewReferences, ACTIONS.readSources, ACTIONS.importSources, ACTIONS.checkSourceLinks],
  'strapi-author': [ACTIONS.previewReferences, ACTIONS.readSources, ACTIONS.importSources],
};
