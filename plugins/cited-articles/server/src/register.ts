import type { Core } from '@strapi/strapi';
import bodyLimit from './middlewares/body-limit';
import { registerDocumentMiddlewares } from './middlewares/documents';
import { registerGraphQL } from './graphql';
import { registerMigrations } from './migrations';

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  // A source's authors, editors and translators: JSON lists of CSL names (citations/names.ts),
  // edited in the admin as names (person or organisation), not as JSON.
  strapi.customFields.register({ name: 'names', plugin: 'cited-articles', type: 'json' });

  // Schema changes between releases move their data before Strapi's schema sync (migrations/).
  registerMigrations(strapi);

  // Added now, before Strapi adds config/middlewares.ts (at bootstrap), so that it runs before the
  // body parser: an oversized body is refused before anything reads it (see body-limit.ts).
  strapi.server.use(bodyLimit({ strapi }));

  // Cited* queries and mutations, when the app runs @strapi/plugin-graphql (README "GraphQL").
  if (strapi.plugin('graphql')) registerGraphQL(strapi);

  // Document Service middlewares, one job each (middlewares/documents/).
  registerDocumentMiddlewares(strapi);
};

export default register;
