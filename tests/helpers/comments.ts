import request from 'supertest';
import type { Core } from '@strapi/strapi';
import type { TestApp } from './strapi';

const OPTIONS = 'plugin::cited-articles.comments';

/** Changes comment options of a booted app; the plugin reads them on every request. */
export function setCommentOptions(strapi: Core.Strapi, options: Record<string, unknown>) {
  for (const [key, value] of Object.entries(options)) strapi.config.set(`${OPTIONS}.${key}`, value);
}

export const commentOptions = (strapi: Core.Strapi) => ({ ...(strapi.config.get(OPTIONS) as Record<string, unknown>) });

let sender = 0;
/** A distinct client address per call (the test app trusts X-Forwarded-For: IS_PROXIED=true). */
export const nextIp = () => {
  sender += 1;
  return `10.${(sender >> 16) & 255}.${(sender >> 8) & 255}.${sender & 255}`;
};

export function postComment(app: TestApp, slug: string, body: Record<string, unknown>, ip = nextIp()) {
  return request(app.server).post(`/api/cited-articles/articles/${slug}/comments`).set('X-Forwarded-For', ip).send(body);
}

export function listComments(app: TestApp, slug: string, query = '') {
  return request(app.server).get(`/api/cited-articles/articles/${slug}/comments${query}`);
}

export function reportComment(app: TestApp, documentId: string, body: Record<string, unknown>, ip = nextIp()) {
  return request(app.server).post(`/api/cited-articles/comments/${documentId}/report`).set('X-Forwarded-For', ip).send(body);
}

let counter = 0;
/** A valid comment body, unique text each time. */
export const aComment = (extra: Record<string, unknown> = {}) => {
  counter += 1;
  return {
    authorName: `Reader ${counter}`,
    authorEmail: `reader${counter}@example.org`,
    content: `Comment number ${counter}: thanks for citing your sources.`,
    ...extra,
  };
};

/** A comment event as the event hub delivers it to a listener (services/comments/events.ts). */
export interface CommentEventPayload {
  comment: Record<string, unknown>;
  article: { documentId: string; slug: string } | null;
}
