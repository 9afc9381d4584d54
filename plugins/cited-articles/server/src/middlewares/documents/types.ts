import type { Core, Modules } from '@strapi/strapi';

/** A Document Service middleware, built with the Strapi instance it needs. */
export type DocumentMiddleware = Modules.Documents.Middleware.Middleware;
export type DocumentMiddlewareFactory = (strapi: Core.Strapi) => DocumentMiddleware;

/** The params the plugin's middlewares read (the Document Service passes more). */
export type DocumentParams = { data?: Record<string, unknown>; documentId?: string; locale?: string; status?: string };

export const paramsOf = (context: { params: unknown }) => context.params as DocumentParams;
