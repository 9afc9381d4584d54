/**
 * The reader kit's client (plugins/cited-articles/reader/src/client.ts) against the booted app:
 * its types are the plugin's contracts, and these answers are what it reads at runtime.
 */
import type { AddressInfo } from 'net';
import { setupStrapi } from '../helpers/strapi';
import { createAdmin } from '../helpers/admin';
import { createArticle, createSource } from '../helpers/content';
import { authenticatedReaderJwt } from '../helpers/readers';
import { CitedApiError, createCitedClient, type CitedClient } from '@cited-articles/reader/src/client';

const app = setupStrapi();
let baseUrl: string;
/** Status codes of the requests the client sent, in order. */
let statuses: number[];
let client: CitedClient;

const recordingFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  statuses.push(response.status);
  return response;
};

beforeAll(async () => {
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const admin = await createAdmin(app);
  const first = await createSource(admin, { title: 'First source', key: 'first-source', type: 'web', url: 'https://example.org/1' });
  const second = await createSource(admin, { title: 'Second source', key: 'second-source', type: 'web', url: 'https://example.org/2' });
  await createArticle(admin, {
    title: 'Client article',
    slug: 'client-article',
    body: 'One [@first-source]. Both [@first-source; @second-source].',
    citations: [first.documentId, second.documentId],
  });
});

beforeEach(() => {
  statuses = [];
  client = createCitedClient({ baseUrl: `${baseUrl}/`, fetch: recordingFetch });
});

describe('createCitedClient', () => {
  it('reads an article as HTML with its references, and revalidates it with If-None-Match', async () => {
    const first = await client.getArticle('client-article', { format: 'html' });
    expect(first.data.title).toBe('Client article');
    expect(first.data.references.map((reference) => reference.source.key)).toEqual(['first-source', 'second-source']);
    expect(first.data.bodyHtml).toContain('id="cite-1-a"');
    // The two sources of one marker share its offsets: what the previews group by.
    const shared = first.data.citations.filter((citation) => citation.start === first.data.citations[1].start);
    expect(shared.map((citation) => citation.number)).toEqual([1, 2]);
    const again = await client.getArticle('client-article', { format: 'html' });
    expect(statuses).toEqual([200, 304]);
    expect(again).toEqual(first);
  });

  it('lists articles with their counts', async () => {
    const { data, meta } = await client.listArticles();
    expect(data.find((article) => article.slug === 'client-article')).toMatchObject({ referenceCount: 2, commentCount: 0 });
    expect(meta.pagination.total).toBeGreaterThanOrEqual(1);
  });

  it("throws the server's refusal with its status and message", async () => {
    const refusal = await client.postComment('client-article', { authorName: 'Ann', authorEmail: 'not-an-email', content: 'Hello' }).catch((e) => e);
    expect(refusal).toBeInstanceOf(CitedApiError);
    expect(refusal.status).toBe(400);
    expect(refusal.message).toMatch(/authorEmail must be a valid email address/);
    const missing = await client.getArticle('no-such-article').catch((e) => e);
    expect(missing).toBeInstanceOf(CitedApiError);
    expect(missing.status).toBe(404);
  });

  it('posts a comment held for moderation, and reads the retry time of a 429', async () => {
    const posted = await client.postComment('client-article', { authorName: 'Ann', authorEmail: 'ann@example.org', content: 'A first comment.' });
    expect(posted.data.status).toBe('pending');
    let refusal: unknown;
    for (let i = 0; i < 10 && !refusal; i += 1) {
      refusal = await client
        .postComment('client-article', { authorName: 'Ann', authorEmail: 'ann@example.org', content: `Comment ${i}` })
        .then(() => undefined)
        .catch((e) => e);
    }
    expect(refusal).toBeInstanceOf(CitedApiError);
    expect((refusal as CitedApiError).status).toBe(429);
    expect((refusal as CitedApiError).retryAfterSeconds).toBeGreaterThan(0);
  });

  it("sends a reader's JWT, given as a function, and knows who they are", async () => {
    const jwt = await authenticatedReaderJwt(app, 'clientreader');
    const signedIn = createCitedClient({ baseUrl, token: () => jwt });
    expect(await signedIn.me()).toMatchObject({ username: 'clientreader' });
    expect(await client.me()).toBeNull();
  });
});
