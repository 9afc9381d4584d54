// Interfaces of the services not yet grouped in a domain folder (articles, resolving, editing,
// comments), which their implementations still declare as return types. Types only, never a
// service implementation. The registered services' types come from their factories
// (services/index.ts); these go as their services move into domains.
export type * from './articles';
export type * from './comments';
export type * from './editing';
export type * from './resolving';
