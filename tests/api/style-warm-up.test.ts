/**
 * The CSL engines of the reference styles are built in the worker threads after startup, before
 * they take a job: readiness is not held up, and the first `?style=…` request after a start builds
 * no engine.
 */
import request from 'supertest';
import type { AddressInfo } from 'net';
import { setupStrapi } from '../helpers/strapi';
import { createAdmin } from '../helpers/admin';
import { createArticle, createSource } from '../helpers/content';

const app = setupStrapi({ env: { CITED_ARTICLES_WARM_UP_STYLES: 'true', CITED_ARTICLES_WORKER_THREADS: '1' } });
// Read at boot: the next test files of this jest worker keep their defaults.
beforeAll(() => {
  delete process.env.CITED_ARTICLES_WORKER_THREADS;
});
const warmUp = () => app.strapi.plugin('cited-articles').service('references');
// How many citeproc engines the worker thread has built (it counts the reads of plugin-csl's locale
// registry, which citeproc makes when it builds an engine, and only then). One thread (above), so
// the thread that formats is the one that answers.
const engineBuilds = (): Promise<number> => app.strapi.plugin('cited-articles').service('platform').runJob('engineBuilds', undefined, 'test');

it('starts once the server listens, without holding up readiness, and warms every CSL style', async () => {
  // Booted, and nothing built yet: the work starts when the server listens.
  expect(warmUp().warmUpFinished()).toBeNull();
  const listening = Date.now();
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  const port = (app.server.address() as AddressInfo).port;
  const health = await request(`http://127.0.0.1:${port}`).get('/_health');
  expect(health.status).toBe(204);
  // Answered while the engines were still being built (one style at a time, between requests).
  expect(Date.now() - listening).toBeLessThan(5000);

  let finished = warmUp().warmUpFinished();
  while (!finished) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    finished = warmUp().warmUpFinished();
  }
  expect(await finished).toEqual(['apa', 'vancouver', 'harvard', 'chicago', 'mla']);
});

it('leaves the first styled request no engine to build', async () => {
  const admin = await createAdmin(app);
  const source = await createSource(admin, {
    key: 'warm-source',
    title: 'A source',
    url: 'https://example.org/w',
    authors: [{ family: 'Author', given: 'Ann' }],
  });
  await createArticle(admin, { title: 'Warm', slug: 'warm', body: 'Claim [@warm-source].', citations: [source.documentId] });
  const builtByWarmUp = await engineBuilds();
  expect(builtByWarmUp).toBeGreaterThan(0);
  for (const style of ['apa', 'vancouver', 'harvard', 'chicago', 'mla']) {
    const res = await request(app.server).get(`/api/cited-articles/articles/warm?style=${style}`);
    expect(res.status).toBe(200);
    expect(res.body.data.references[0].formatted.toLowerCase()).toContain('a source');
  }
  expect(await engineBuilds()).toBe(builtByWarmUp);
  // A locale that was not warmed does build one: the count sees engine builds.
  const german = await request(app.server).get('/api/cited-articles/articles/warm?style=apa&referenceLocale=de-DE');
  expect(german.status).toBe(200);
  expect(await engineBuilds()).toBeGreaterThan(builtByWarmUp);
});
