import type { Core } from '@strapi/strapi';
import { getService } from './utils/get-service';

const destroy = async ({ strapi }: { strapi: Core.Strapi }) => {
  // Closes the Redis connection of the rate limiter, if any, so that Strapi can stop cleanly.
  await getService('rate-limit', { strapi }).destroy();
  // Pending digests and email retries stop with Strapi.
  getService('notifications', { strapi }).destroy();
  await getService('mailer', { strapi }).destroy();
};

export default destroy;
