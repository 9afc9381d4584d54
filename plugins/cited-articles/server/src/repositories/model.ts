import type { Core } from '@strapi/strapi';

/** The knex instance Strapi's database runs on (typed through Strapi, so the plugin needs no knex dependency). */
export type Knex = Core.Strapi['db']['connection'];

/** A relation's link table as Strapi laid it out: the owner's column, the target's, the order column. */
export interface LinkTable {
  name: string;
  /** The column holding the id of the row that owns the relation. */
  ownerColumn: string;
  /** The column holding the id of the related row. */
  targetColumn: string;
  orderColumn: string | null;
}

/** Where a content type's rows live, read from Strapi's metadata rather than spelled by hand. */
export interface ModelTables {
  table: string;
  /** The column of a scalar attribute ("articleDocumentId" → "article_document_id"). */
  column(attribute: string): string;
  /** The columns of these attributes, by attribute name: what a repository's SQL refers to. */
  columns<K extends string>(attributes: readonly K[]): Record<K, string>;
  /** The link table of a relation stored in one. */
  link(relation: string): LinkTable;
  /** The uid of a relation's target. */
  target(relation: string): string;
}

interface RelationShape {
  target?: string;
  joinTable?: { name: string; joinColumn: { name: string }; inverseJoinColumn?: { name: string }; orderColumnName?: string };
}

/**
 * The tables and columns of `uid`. Strapi names them when it loads the models (snake case, shortened
 * past the database's identifier limit), so repositories ask it instead of guessing.
 */
export const modelTables = (strapi: Core.Strapi, uid: string): ModelTables => {
  const meta = strapi.db.metadata.get(uid);
  const attribute = (name: string) => {
    const found = meta.attributes[name];
    if (!found) throw new Error(`cited-articles: ${uid} has no attribute "${name}"`);
    return found;
  };
  const column = (name: string) => {
    const found = attribute(name);
    return ('columnName' in found && found.columnName) || name;
  };
  return {
    table: meta.tableName,
    column,
    columns: <K extends string>(names: readonly K[]) => Object.fromEntries(names.map((name) => [name, column(name)])) as Record<K, string>,
    link: (relation) => {
      const joinTable = (attribute(relation) as RelationShape).joinTable;
      if (!joinTable?.inverseJoinColumn) throw new Error(`cited-articles: ${uid}.${relation} is not stored in a link table`);
      return {
        name: joinTable.name,
        ownerColumn: joinTable.joinColumn.name,
        targetColumn: joinTable.inverseJoinColumn.name,
        orderColumn: joinTable.orderColumnName ?? null,
      };
    },
    target: (relation) => {
      const target = (attribute(relation) as RelationShape).target;
      if (!target) throw new Error(`cited-articles: ${uid}.${relation} is not a relation`);
      return target;
    },
  };
};
