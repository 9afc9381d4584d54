import type { Core } from '@strapi/strapi';

const bootstrap = (_: { strapi: Core.Strapi }) => {};

export default bootstrap;
