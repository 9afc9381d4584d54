/**
 * The plugin's HTTP contracts: what its admin routes take and answer, as plain TypeScript types.
 * The server's controllers and public shapes declare their answers with these types, and the admin
 * panel reads the answers with them (`import type` only), so the two cannot drift apart unseen.
 * Nothing here may import a runtime module: only types, from modules without Strapi imports.
 */
export type * from './pagination';
export type * from './public';
export type * from './moderation';
export type * from './source-library';
export type * from './source-tools';
export type * from './preview';
