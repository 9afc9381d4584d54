// citation-js ships no type declarations. Of @citation-js/core this folder reads `plugins` only,
// typed where it is used (CitationJs in citation-js.ts); the plugins are imported for their side effects.
declare module '@citation-js/core' {
  export const plugins: unknown;
}
declare module '@citation-js/plugin-csl';
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
