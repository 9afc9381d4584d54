import type { ComponentType } from 'react';
import type { StrapiApp } from '@strapi/strapi/admin';
import type { ContentManagerPlugin } from '@strapi/content-manager/strapi-admin';
import { PLUGIN_ID } from './pluginId';
import { Book, User } from '@strapi/icons';
import { ReferencesPanel } from './components/ReferencesPanel';
import { guardPublishAction } from './components/GuardedPublishAction';
import { PendingCommentsIcon } from './components/PendingCommentsIcon';
import { PERMISSIONS } from './permissions';
import { getTranslation } from './utils/getTranslation';

type TranslationModule = { default: Record<string, string> };

const prefixKeys = (data: Record<string, string>) => Object.fromEntries(Object.entries(data).map(([key, value]) => [`${PLUGIN_ID}.${key}`, value]));

export default {
  register(app: StrapiApp) {
    // Menu entries are shown only to admins holding the page's action (Settings > Roles).
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}/sources`,
      icon: Book,
      intlLabel: { id: getTranslation('menu.sources'), defaultMessage: 'Sources' },
      permissions: PERMISSIONS.readSources,
      Component: () => import('./pages/SourcesPage'),
    });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}/comments`,
      icon: PendingCommentsIcon,
      intlLabel: { id: getTranslation('menu.comments'), defaultMessage: 'Comments' },
      permissions: PERMISSIONS.readComments,
      Component: () => import('./pages/CommentsPage'),
    });
    // A source's authors, editors and translators (registered on the server too, see
    // the server's register.ts): edited as names, person or organisation, instead of raw JSON.
    app.customFields.register({
      name: 'names',
      pluginId: PLUGIN_ID,
      type: 'json',
      intlLabel: { id: getTranslation('names.field.label'), defaultMessage: 'Names' },
      intlDescription: {
        id: getTranslation('names.field.description'),
        defaultMessage: 'People and organisations (authors, editors, translators), each name in its parts',
      },
      icon: User,
      components: {
        // Strapi types the input as taking no props; the Content Manager passes the field's
        // (name, label, hint, required, disabled), which NamesInput declares.
        Input: async () => ({ default: (await import('./components/NamesInput')).default as ComponentType }),
      },
    });
    app.registerPlugin({
      id: PLUGIN_ID,
      name: PLUGIN_ID,
    });
  },

  bootstrap(app: StrapiApp) {
    // getPlugin types a plugin's apis as unknown; these are the Content Manager's own.
    const contentManager = app.getPlugin('content-manager').apis as ContentManagerPlugin['config']['apis'];
    contentManager.addEditViewSidePanel([ReferencesPanel]);
    // The built-in Publish action, wrapped to confirm (or refuse) when citations are broken.
    contentManager.addDocumentAction((actions) => actions.map((action) => (action.type === 'publish' ? guardPublishAction(action) : action)));
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = (await import(`./translations/${locale}.json`)) as TranslationModule;
          return { data: prefixKeys(data), locale };
        } catch {
          return { data: {}, locale };
        }
      })
    );
  },
};
