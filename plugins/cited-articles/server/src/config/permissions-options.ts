import { z } from '@strapi/utils';

/** What the plugin sets up in Users & Permissions (README "Permissions granted to readers"). */
export const permissionsOptionsSchema = z
  .object({
    /**
     * On its first start on a database, grant the reader actions (articles, sources, styles,
     * reference exports, comments) to the Public and Authenticated roles, once; false grants nothing
     * and leaves Settings > Roles to the administrator.
     */
    grantReaderActions: z.boolean({ error: 'permissions.grantReaderActions must be true or false' }).default(true),
  })
  .strict();

export type PermissionsOptions = z.output<typeof permissionsOptionsSchema>;
