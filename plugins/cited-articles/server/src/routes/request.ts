import type { z } from '@strapi/utils';

/** A route's `request.body`: the JSON body's schema, keyed by its media type as Strapi's Route type has it. */
export const jsonBody = (schema: z.ZodType) => ({ 'application/json': schema });
