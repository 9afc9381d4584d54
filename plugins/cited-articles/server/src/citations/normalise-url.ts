/**
 * Query parameters that only track where a click came from; two links that
 * differ only by them point to the same article.
 */
const TRACKING_PARAM = /^(?:utm_.*|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|igshid|_ga|_gl)$/i;

/** `www.example.com/path` as pasted from a browser bar: read as http. */
const BARE_HOST = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+(?::\d+)?(?:[/?#]|$)/i;

/** `text` without the run of `char` that ends it (a loop: `/\/+$/` rescans a run of slashes from each one). */
function withoutTrailing(text: string, char: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === char) end -= 1;
  return text.slice(0, end);
}

/**
 * Canonical form of a source URL, for duplicate detection only (never shown):
 * scheme folded to `https` (http and https copies are the same article),
 * host lowercased without `www.` or a trailing dot, default port, credentials,
 * fragment, trailing slashes and tracking parameters dropped, remaining query
 * parameters sorted. Returns null for empty, unparsable or non-http(s) input.
 */
export function normaliseUrl(url: string | null | undefined): string | null {
  if (typeof url !== 'string') return null;
  let text = url.trim();
  if (text === '') return null;
  if (text.startsWith('//')) text = `http:${text}`;
  else if (BARE_HOST.test(text)) text = `http://${text}`;

  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;

  const host = parsed.hostname.replace(/\.$/, '').replace(/^www\./, '');
  if (host === '') return null;
  // URL already drops the port that is the default for the URL's own scheme.
  const port = parsed.port === '' || parsed.port === '80' || parsed.port === '443' ? '' : `:${parsed.port}`;
  const path = withoutTrailing(parsed.pathname, '/');

  const params = [...parsed.searchParams.entries()]
    .filter(([name]) => !TRACKING_PARAM.test(name))
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  const query = params.length === 0 ? '' : `?${new URLSearchParams(params).toString()}`;

  return `https://${host}${port}${path}${query}`;
}
