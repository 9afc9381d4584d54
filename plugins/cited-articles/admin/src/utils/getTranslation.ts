import { PLUGIN_ID } from '../pluginId';

/** The translation id of a plugin message, as the admin's i18n expects it. */
export const getTranslation = (id: string) => `${PLUGIN_ID}.${id}`;
