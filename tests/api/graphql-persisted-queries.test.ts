/**
 * With Redis configured, GraphQL's automatic persisted queries are shared by every Strapi
 * instance (graphql/persisted-queries.ts): a query registered through one instance is answered by
 * hash alone through another, as a load balancer would send a client's next GET. Two instances
 * share the database and Redis: this test's app and a second one in a child process.
 */
import crypto from 'crypto';
import request from 'supertest';
import Redis from 'ioredis';
import { setupStrapi } from '../helpers/strapi';
import { persistedGet, queryHash } from '../helpers/graphql';
import { startChildApp, type ChildApp } from '../helpers/child-app';

const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const app = setupStrapi({
  env: { CITED_ARTICLES_CACHE_REDIS_URL: REDIS_URL, CITED_ARTICLES_CACHE_REDIS_CHANNEL: `persisted-queries-${process.pid}-${Date.now()}` },
});
let second: ChildApp;

/** A query no instance has seen: its hash is new to Redis too. */
const freshQuery = () => `query Shared { list_${crypto.randomBytes(6).toString('hex')}: citedArticles(pageSize: 2) { pagination { pageSize } } }`;

const pageSizeOf = (res: request.Response) => (Object.values(res.body.data ?? {})[0] as any)?.pagination?.pageSize;

beforeAll(async () => {
  second = await startChildApp();
}, 120_000);

afterAll(async () => {
  await second?.stop();
});

describe('persisted queries across instances', () => {
  it('answers by hash on the second instance a query registered through the first', async () => {
    const query = freshQuery();
    expect((await persistedGet(second.url, query)).body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');

    const registered = await persistedGet(app.server, query, {}, { register: true });
    expect(pageSizeOf(registered)).toBe(2);

    const elsewhere = await persistedGet(second.url, query);
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.body.errors).toBeUndefined();
    expect(pageSizeOf(elsewhere)).toBe(2);
    expect(elsewhere.headers['cache-control']).toMatch(/^public, /);
  });

  it('keeps a registered query in Redis for a day, under the plugin key prefix', async () => {
    const query = freshQuery();
    await persistedGet(second.url, query, {}, { register: true });
    const redis = new Redis(REDIS_URL);
    try {
      const keys = await redis.keys(`cited-articles:graphql-query:*${queryHash(query)}`);
      expect(keys).toHaveLength(1);
      expect(await redis.get(keys[0])).toBe(query);
      const ttl = await redis.ttl(keys[0]);
      expect(ttl).toBeGreaterThan(86_000);
      expect(ttl).toBeLessThanOrEqual(86_400);
    } finally {
      redis.disconnect();
    }
  });
});
