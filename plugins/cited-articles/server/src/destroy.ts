import type { Core } from '@strapi/strapi';
import { getService } from './utils/get-service';
import { closePersistedQueries } from './graphql/persisted-queries';

const destroy = async ({ strapi }: { strapi: Core.Strapi }) => {
  // Closes the Redis connection of the rate limiter, if any, so that Strapi can stop cleanly.
  getService('references', { strapi }).stopWarmUp();
  await getService('moderation', { strapi }).destroy();
  // Pending digests and email retries stop with Strapi.
  await getService('notifications', { strapi }).destroy();
  await getService('caching', { strapi }).destroy();
  // GraphQL's persisted queries in Redis, when the GraphQL plugin is there and Redis configured.
  await closePersistedQueries(strapi);
  // The worker threads end with Strapi (a job still running is stopped), or the process would stay up.
  await getService('platform', { strapi }).destroy();
  // Purges of the last saves go out before the process ends (a cache that does not answer is not
  // waited for past two seconds; its entries expire with s-maxage).
  await Promise.race([getService('caching', { strapi }).settled(), new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
};

export default destroy;
