import type { Core } from '@strapi/strapi';
import { isUniqueViolation } from '../utils/errors';
import { NOTIFICATION_OPTOUT_UID } from '../../../shared/uids';

/**
 * The addresses that asked for no more reply emails, each kept only as its keyed hash
 * (notifications/unsubscribe-token.ts), one row per hash under a unique index.
 */
export const notificationOptOutsRepository = (strapi: Core.Strapi) => ({
  async has(addressHash: string): Promise<boolean> {
    return (await strapi.db.query(NOTIFICATION_OPTOUT_UID).count({ where: { addressHash } })) > 0;
  },

  /** Records the hash; one recorded already (the same link opened twice) stays as it is. */
  async add(addressHash: string): Promise<void> {
    try {
      await strapi.db.query(NOTIFICATION_OPTOUT_UID).create({ data: { addressHash } });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  },
});
