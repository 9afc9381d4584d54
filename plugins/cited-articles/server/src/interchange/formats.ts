/** The bibliography file formats the plugin reads (import) and writes (export). */
export const INTERCHANGE_FORMATS = ['bibtex', 'ris', 'csl-json'] as const;

export type InterchangeFormat = (typeof INTERCHANGE_FORMATS)[number];

/** `format must be "bibtex", "ris" or "csl-json"`: the message every route gives for another value. */
export const INTERCHANGE_FORMAT_ERROR = `format must be ${INTERCHANGE_FORMATS.slice(0, -1)
  .map((name) => `"${name}"`)
  .join(', ')} or "${INTERCHANGE_FORMATS[INTERCHANGE_FORMATS.length - 1]}"`;
