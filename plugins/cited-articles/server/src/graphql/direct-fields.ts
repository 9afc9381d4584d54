import type { Core } from '@strapi/strapi';
import type { GraphQLFieldResolver, GraphQLObjectType, GraphQLSchema } from 'graphql';

/**
 * Object types below the root fields. Their fields only read properties of data the root resolver
 * already checked and shaped; nothing is authorised per field.
 */
export const NESTED_TYPES = [
  'CitedArticle',
  'CitedCitation',
  'CitedReference',
  'CitedReferenceSource',
  'CitedName',
  'CitedIssue',
  'CitedArticleSummary',
  'CitedArticleList',
  'CitedPagination',
  'CitedSource',
  'CitedCitingArticle',
  'CitedComment',
  'CitedCommentPage',
  'CitedReportResult',
  'CitedCommentDeletion',
];

/** createResolvers' map: type name, then field name, then its resolver (or a scalar's config). */
type Resolvers = Record<string, Record<string, unknown>>;

/** Paths ("Type", "Type.field") some extension configures (auth, policies, middlewares), or null if unknown. */
const configuredPaths = (strapi: Core.Strapi): Set<string> | null => {
  try {
    const graphql = strapi.plugin('graphql');
    const { resolversConfig = {} } = graphql.service('extension').generate({ typeRegistry: graphql.service('type-registry').new() });
    const paths = new Set<string>();
    for (const [key, value] of Object.entries(resolversConfig as Record<string, unknown>)) {
      paths.add(key);
      if (!key.includes('.') && value && typeof value === 'object') {
        for (const field of Object.keys(value)) paths.add(`${key}.${field}`);
      }
    }
    return paths;
  } catch {
    return null;
  }
};

/**
 * Strapi's GraphQL plugin wraps every field of every type in an async resolver that authorises and
 * runs policies (none are configured for these types), so a full article costs a few hundred
 * promises and policy contexts (about 2.5x the REST route's time in a profile). This Apollo plugin
 * gives the fields of the plugin's nested types their plain resolvers back once the schema is
 * built, unless some extension configures auth, policies or middlewares for them; the root fields
 * keep Strapi's authorisation.
 */
export const directFieldsPlugin = (strapi: Core.Strapi, resolvers: Resolvers) => ({
  async serverWillStart({ schema }: { schema: GraphQLSchema }) {
    const configured = configuredPaths(strapi);
    if (!configured) return;
    for (const typeName of NESTED_TYPES) {
      // NESTED_TYPES are object types (type-defs.ts); the check below guards against a change there.
      const type = schema.getType(typeName) as GraphQLObjectType | null | undefined;
      if (!type?.getFields || configured.has(typeName)) continue;
      for (const [name, field] of Object.entries(type.getFields())) {
        if (configured.has(`${typeName}.${name}`)) continue;
        // undefined: graphql-js's default resolver, a synchronous property read.
        field.resolve = (resolvers[typeName]?.[name] as GraphQLFieldResolver<unknown, unknown> | undefined) ?? undefined;
      }
    }
  },
});
