// Interfaces of the services not yet grouped in a domain folder (comments), which their
// implementations still declare as return types. Types only, never a service implementation. The
// registered services' types come from their factories (services/index.ts); these go as their
// services move into domains.
export type * from './comments';
