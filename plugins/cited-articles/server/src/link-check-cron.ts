import type { Core } from '@strapi/strapi';
import { getService } from './utils/get-service';
import { linkCheckSettings } from './utils/source-settings';

export const LINK_CHECK_TASK = 'cited-articles-link-check';

/**
 * Schedules the link and retraction check (option `linkCheck.cron`, daily by default; null: none).
 * Strapi runs cron tasks only when the host app enables them (`server.cron.enabled`); every
 * instance schedules it, and the task lock lets one of them run it.
 */
export function scheduleLinkCheck(strapi: Core.Strapi) {
  const { cron } = linkCheckSettings(strapi);
  if (!cron) return;
  strapi.cron.add({
    [LINK_CHECK_TASK]: {
      task: () => getService('sources', { strapi }).runScheduledLinkCheck(),
      options: { rule: cron },
    },
  });
}
