// citation-js ships no type declarations; the few calls this folder makes are typed where used.
declare module '@citation-js/core';
declare module '@citation-js/plugin-csl';
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
