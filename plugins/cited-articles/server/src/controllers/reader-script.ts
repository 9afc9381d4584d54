import fs from 'fs';
import path from 'path';
import { errors } from '@strapi/utils';
import { ifNoneMatchHits, strongEtag } from '../http-cache/etag';
import type { RequestContext } from '../utils/request-context';

/**
 * The reader kit's one-file build (reader/src/script.ts, built by scripts/build-reader-script.mjs
 * next to the server bundle: dist/server → dist/reader). Read once, on first request.
 */
const SCRIPT_PATH = path.resolve(__dirname, '../reader/cited-reader.js');

/** A day in every cache, a week more while revalidating: an upgrade reaches pages within a day. */
const CACHE_CONTROL = 'public, max-age=86400, stale-while-revalidate=604800';
/** With ?v= (the page pins a version), the URL changes when the file does: a year, immutable. */
const PINNED_CACHE_CONTROL = 'public, max-age=31536000, immutable';

let loaded: { body: Buffer; etag: string } | null = null;

const load = () => {
  if (!loaded) {
    if (!fs.existsSync(SCRIPT_PATH)) throw new errors.NotFoundError('The reader script is not built: run the plugin build (npm run build).');
    const body = fs.readFileSync(SCRIPT_PATH);
    loaded = { body, etag: strongEtag(body.toString('utf8')) };
  }
  return loaded;
};

const readerScript = () => ({
  /** GET /reader.js: <cited-article> and <cited-comments> for a page with one <script> tag. */
  async serve(ctx: RequestContext) {
    const { body, etag } = load();
    ctx.set('ETag', etag);
    ctx.set('Cache-Control', typeof ctx.query.v === 'string' && ctx.query.v ? PINNED_CACHE_CONTROL : CACHE_CONTROL);
    ctx.vary('Accept-Encoding');
    if (ifNoneMatchHits(ctx.get('If-None-Match') || undefined, etag)) {
      ctx.status = 304;
      return;
    }
    ctx.type = 'text/javascript; charset=utf-8';
    ctx.body = body;
  },
});

export default readerScript;
