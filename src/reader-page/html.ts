/** Text made safe for HTML content and double-quoted attribute values. */
export const escapeHtml = (value: unknown) =>
  String(value ?? '').replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] as string);

/** The plugin's one-tag reader kit, from this same server. */
export const READER_SCRIPT = '/api/cited-articles/reader.js';

const STYLES = `
  :root { color-scheme: light dark; font-family: Georgia, 'Times New Roman', serif; line-height: 1.6; }
  body { margin: 0 auto; padding: 1.5rem; max-width: 46rem; }
  header.site { font-family: system-ui, sans-serif; font-size: .9rem; display: flex; gap: 1rem; align-items: baseline; border-bottom: 1px solid color-mix(in srgb, currentColor 20%, transparent); padding-bottom: .5rem; margin-bottom: 1.5rem; }
  header.site a { font-weight: 600; }
  .draft-banner { font-family: system-ui, sans-serif; background: #fff3cd; color: #5c4400; padding: .5rem .75rem; border-radius: 6px; }
  .articles { list-style: none; padding: 0; }
  .articles li { margin: 0 0 1.25rem; }
  .articles .meta { font-family: system-ui, sans-serif; font-size: .85rem; opacity: .75; }
  cited-comments { margin-top: 3rem; font-family: system-ui, sans-serif; }
`;

/** A whole page: the reader script is loaded once, deferred, from the plugin's route. */
export const page = ({ title, lang, body, noindex = false }: { title: string; lang: string; body: string; noindex?: boolean }) => `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
${noindex ? '<meta name="robots" content="noindex">\n' : ''}<title>${escapeHtml(title)}</title>
<style>${STYLES}</style>
<script src="${READER_SCRIPT}" defer></script>
</head>
<body>
<header class="site"><a href="/">Cited Articles</a><span>a demo of the reader kit</span><a href="/admin">Admin</a></header>
<main>
${body}
</main>
</body>
</html>`;
