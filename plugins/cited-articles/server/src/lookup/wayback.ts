import { asObject, at } from './remote-json';

/**
 * The closest archived copy in the Wayback Machine availability API's answer
 * (`/wayback/available?url=…`: `{ archived_snapshots: { closest: { available, url, status } } }`),
 * or null. Only a snapshot that was available and answered 200 is a copy worth linking; its URL is
 * upgraded to https, as the Wayback Machine serves it.
 */
export function closestSnapshot(answer: unknown): string | null {
  const closest = asObject(at(at(answer, 'archived_snapshots'), 'closest'));
  if (!closest || closest.available !== true || typeof closest.url !== 'string') return null;
  if (closest.status !== undefined && String(closest.status) !== '200') return null;
  try {
    const url = new URL(closest.url);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (url.protocol === 'http:' && url.hostname === 'web.archive.org') url.protocol = 'https:';
    const text = url.toString();
    return text.length <= 2048 ? text : null;
  } catch {
    return null;
  }
}
