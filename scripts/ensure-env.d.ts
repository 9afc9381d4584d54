// Types of ensure-env.js (plain CommonJS, run by Node without a build step) for the TypeScript that imports it.

/** Writes every missing Strapi secret into `<appRoot>/.env`, outside production; returns the names written. */
export function ensureEnv(appRoot?: string): string[];

/** A fresh random value for every secret Strapi needs, by variable name. */
export function freshSecrets(): Record<string, string>;

/** The `NAME=value` lines of a .env file's text, by name (values as written, quotes included). */
export function parseEnv(text: string): Record<string, string>;
