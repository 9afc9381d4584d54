import request from 'supertest';
import { setupStrapi } from '../helpers/strapi';

// GET /api/cited-articles/reader.js: the reader kit as one script a plain HTML page loads.
const app = setupStrapi();
const get = () => request(app.server).get('/api/cited-articles/reader.js');

describe('the reader script route', () => {
  it('serves the built script to anyone, as JavaScript, with a strong ETag and a day of caching', async () => {
    const res = await get();
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
    expect(res.headers.etag).toMatch(/^"[\w-]+"$/);
    expect(res.headers['cache-control']).toBe('public, max-age=86400, stale-while-revalidate=604800');
    const body = res.text;
    expect(body).toContain('cited-article');
    expect(body).toContain('cited-comments');
  });

  it('answers 304 to a client holding the same version', async () => {
    const { headers } = await get();
    const res = await get().set('If-None-Match', headers.etag);
    expect(res.status).toBe(304);
    expect(res.text ?? '').toBe('');
    expect((await get().set('If-None-Match', '"another-version"')).status).toBe(200);
  });

  it('lets a page that pins a version (?v=) cache it for a year', async () => {
    const res = await request(app.server).get('/api/cited-articles/reader.js?v=0.2.0');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('may be loaded by a page of another origin', async () => {
    const res = await get().set('Origin', 'https://news.example.com');
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBeTruthy();
  });
});
