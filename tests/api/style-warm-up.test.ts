/**
 * The CSL engines of the reference styles are built in the background after startup: readiness is
 * not held up, and the first `?style=…` request after a start builds no engine.
 */
import request from 'supertest';
import type { AddressInfo } from 'net';
import { setupStrapi } from '../helpers/strapi';
import { createAdmin } from '../helpers/admin';
import { createArticle, createSource } from '../helpers/content';

// plugin-csl's locale registry: citeproc-js reads a locale from it when it builds an engine, and
// only then (a built engine is reused for its style and locale).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const cslLocales = () => require('@citation-js/core').plugins.config.get('@csl').locales;

const app = setupStrapi({ env: { CITED_ARTICLES_WARM_UP_STYLES: 'true' } });
const warmUp = () => app.strapi.plugin('cited-articles').service('style-warm-up');

it('starts once the server listens, without holding up readiness, and warms every CSL style', async () => {
  // Booted, and nothing built yet: the work starts when the server listens.
  expect(warmUp().finished()).toBeNull();
  const listening = Date.now();
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  const port = (app.server.address() as AddressInfo).port;
  const health = await request(`http://127.0.0.1:${port}`).get('/_health');
  expect(health.status).toBe(204);
  // Answered while the engines were still being built (one style at a time, between requests).
  expect(Date.now() - listening).toBeLessThan(5000);

  let finished = warmUp().finished();
  while (!finished) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    finished = warmUp().finished();
  }
  expect(await finished).toEqual(['apa', 'vancouver', 'harvard', 'chicago', 'mla']);
});

it('leaves the first styled request no engine to build', async () => {
  const admin = await createAdmin(app);
  const source = await createSource(admin, { key: 'warm-source', title: 'A source', url: 'https://example.org/w', authors: ['Ann Author'] });
  await createArticle(admin, { title: 'Warm', slug: 'warm', body: 'Claim [@warm-source].', citations: [source.documentId] });
  const engineBuilds = jest.spyOn(cslLocales(), 'get');
  try {
    for (const style of ['apa', 'vancouver', 'harvard', 'chicago', 'mla']) {
      const res = await request(app.server).get(`/api/cited-articles/articles/warm?style=${style}`);
      expect(res.status).toBe(200);
      expect(res.body.data.references[0].formatted.toLowerCase()).toContain('a source');
    }
    expect(engineBuilds).not.toHaveBeenCalled();
    // A locale that was not warmed does build one: the spy sees engine builds.
    const german = await request(app.server).get('/api/cited-articles/articles/warm?style=apa&referenceLocale=de-DE');
    expect(german.status).toBe(200);
    expect(engineBuilds).toHaveBeenCalled();
  } finally {
    engineBuilds.mockRestore();
  }
});
