/**
 * The demo's reader pages (src/reader-page, the host app's): the list, an article's page loading
 * the plugin's one script, and the draft page the admin's Preview opens.
 */
import request from 'supertest';
import { setupStrapi } from '../helpers/strapi';

const SECRET = 'reader-pages-test-secret';
const app = setupStrapi({ seed: true, env: { PREVIEW_SECRET: SECRET } });
const get = (url: string) => request(app.server).get(url);

describe('reader pages', () => {
  it('lists the published demo articles of every locale, linking to their pages', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toContain('href="/articles/inner-mongolia-coal-mine-collapse?locale=en"');
    expect(res.text).toContain('href="/articles/effondrement-mine-charbon-mongolie-interieure?locale=fr"');
  });

  it("serves an article's page: the one script and both elements, in the article's language", async () => {
    const res = await get('/articles/effondrement-mine-charbon-mongolie-interieure?locale=fr');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<html lang="fr">');
    expect(res.text).toContain('<script src="/api/cited-articles/reader.js" defer></script>');
    expect(res.text).toMatch(/<cited-article api="" slug="effondrement-mine-charbon-mongolie-interieure" locale="fr"><\/cited-article>/);
    expect(res.text).toMatch(/<cited-comments api="" slug="effondrement-mine-charbon-mongolie-interieure" locale="fr"><\/cited-comments>/);
    expect(res.text).not.toContain('preview-token');
    expect(res.text).not.toMatch(/<script>/);
  });

  it('answers 404 for an article that does not exist, and for a slug that cannot be one', async () => {
    expect((await get('/articles/no-such-article')).status).toBe(404);
    expect((await get('/articles/%3Cscript%3E')).status).toBe(404);
  });

  it('shows a draft only with the preview secret, never cached, with a preview-only token', async () => {
    const url = '/articles/inner-mongolia-coal-mine-collapse?locale=en&status=draft';
    expect((await get(url)).status).toBe(403);
    expect((await get(`${url}&secret=wrong`)).status).toBe(403);
    const res = await get(`${url}&secret=${SECRET}`);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const token = /preview-token="([^"]+)"/.exec(res.text)?.[1];
    expect(token).toBeTruthy();
    // The token reads drafts and nothing else.
    const auth = { Authorization: `Bearer ${token}` };
    const draft = await get('/api/cited-articles/preview/articles/inner-mongolia-coal-mine-collapse?locale=en').set(auth);
    expect(draft.status).toBe(200);
    expect((await get('/api/cited-articles/articles').set(auth)).status).toBe(403);
  });
});
