import type { Core } from '@strapi/strapi';

const ROLE_UID = 'plugin::users-permissions.role';
const PERMISSION_UID = 'plugin::users-permissions.permission';

/** The Users & Permissions roles the plugin grants its reader actions to. */
export type ReaderRoleType = 'public' | 'authenticated';

/**
 * The Users & Permissions roles and their content-API permissions, as the grant of the reader
 * actions reads and writes them. The plugin does not depend on Users & Permissions: `available()`
 * says whether the host app has it, and nothing else is called when it does not.
 */
export const readerRolesRepository = (strapi: Core.Strapi) => ({
  available(): boolean {
    return Boolean(strapi.plugin('users-permissions')) && ROLE_UID in strapi.contentTypes;
  },

  /** The id of the role of this type, or null while Users & Permissions has not created it yet. */
  async roleId(type: ReaderRoleType): Promise<number | null> {
    const role = (await strapi.db.query(ROLE_UID).findOne({ where: { type }, select: ['id'] })) as { id: number } | null;
    return role?.id ?? null;
  },

  /** Which of these actions the role holds already. */
  async actionsHeld(roleId: number, actions: string[]): Promise<Set<string>> {
    const rows = (await strapi.db.query(PERMISSION_UID).findMany({
      where: { role: roleId, action: { $in: actions } },
      select: ['action'],
    })) as Array<{ action: string }>;
    return new Set(rows.map((row) => row.action));
  },

  async grant(roleId: number, actions: string[]): Promise<void> {
    for (const action of actions) {
      await strapi.db.query(PERMISSION_UID).create({ data: { action, role: roleId } });
    }
  },
});
