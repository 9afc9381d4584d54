/**
 * C0 and C1 control characters (Unicode's Cc: U+0000–U+001F, U+007F–U+009F): browsers strip some
 * of them inside schemes (`java\tscript:`).
 */
const CONTROL = /\p{Cc}/u;

/**
 * Whether a source URL may be printed and linked: absolute http(s) only.
 * Rejects javascript:, data:, vbscript: and every other scheme, protocol-
 * relative `//host` (its scheme depends on the page), control characters and
 * inner whitespace (a URL with a space in it is not one a reader can follow).
 */
export function isSafeUrl(url: unknown): boolean {
  if (typeof url !== 'string') return false;
  const text = url.trim();
  if (CONTROL.test(text) || /\s/.test(text)) return false;
  if (!/^https?:\/\//i.test(text)) return false;
  try {
    const parsed = new URL(text);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname !== '';
  } catch {
    return false;
  }
}
