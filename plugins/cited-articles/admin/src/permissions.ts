// RBAC actions the admin pages check (the server checks them again on every route). The action
// names and content-type uids are the server's own, from shared/.
import { ACTIONS } from '../../shared/actions';
import { SOURCE_UID } from '../../shared/uids';

const can = (action: string) => [{ action, subject: null }];

export const PERMISSIONS = {
  previewReferences: can(ACTIONS.previewReferences),
  readSources: can(ACTIONS.readSources),
  // Defined by the source import feature; the button only shows for admins holding it.
  importSources: can(ACTIONS.importSources),
  checkSourceLinks: can(ACTIONS.checkSourceLinks),
  // Looking a source up fills the Content Manager's create form: its create permission on sources.
  createSources: [{ action: 'plugin::content-manager.explorer.create', subject: SOURCE_UID }],
  readComments: can(ACTIONS.readComments),
  moderateComments: can(ACTIONS.moderateComments),
};
