import type { Core } from '@strapi/strapi';
import { escapeHtml, page } from './html';
import { isPreviewSecret, previewAccessKey } from './preview-access';

const LOCALE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
const SLUG = /^[\w.~-]{1,200}$/;

interface ListedArticle {
  slug: string;
  title: string;
  summary: string | null;
  locale: string | null;
  publishedAt: string | null;
  referenceCount: number;
  commentCount: number;
}

type Ctx = Parameters<Core.ControllerHandler>[0];

const localeOf = (ctx: Ctx) => (typeof ctx.query.locale === 'string' && LOCALE.test(ctx.query.locale) ? ctx.query.locale : undefined);

/** GET /: the published articles of every locale, linking to their reader pages. */
async function listPage(strapi: Core.Strapi, ctx: Ctx) {
  const locales = (await strapi.plugin('i18n').service('locales').find()) as Array<{ code: string; name: string }>;
  const pages = strapi.plugin('cited-articles').service('articles');
  const sections: string[] = [];
  for (const locale of locales) {
    const { data } = (await pages.listPublished({ page: 1, pageSize: 100, locale: locale.code })) as { data: ListedArticle[] };
    if (data.length === 0) continue;
    const items = data
      .map((article) => {
        const href = `/articles/${encodeURIComponent(article.slug)}?locale=${encodeURIComponent(locale.code)}`;
        return `<li><a href="${escapeHtml(href)}" hreflang="${escapeHtml(locale.code)}">${escapeHtml(article.title)}</a>
<div class="meta">${article.referenceCount} references · ${article.commentCount} comments</div>
${article.summary ? `<p>${escapeHtml(article.summary)}</p>` : ''}</li>`;
      })
      .join('\n');
    sections.push(`<section lang="${escapeHtml(locale.code)}"><h2>${escapeHtml(locale.name)}</h2><ul class="articles">${items}</ul></section>`);
  }
  ctx.type = 'text/html; charset=utf-8';
  ctx.set('Cache-Control', 'no-cache');
  ctx.body = page({
    title: 'Cited Articles: demo articles',
    lang: 'en',
    body: `<h1>Demo articles</h1>${sections.join('\n') || '<p>No published article yet. Write one in the admin.</p>'}`,
  });
}

/**
 * GET /articles/:slug?locale=: the article as readers see it, <cited-article> and <cited-comments>
 * from the plugin's one script. With ?status=draft&secret=PREVIEW_SECRET (the admin's Preview
 * panel), the draft, read with the app's preview-only token.
 */
async function articlePage(strapi: Core.Strapi, ctx: Ctx) {
  const slug = String(ctx.params.slug ?? '');
  if (!SLUG.test(slug)) return ctx.notFound();
  const locale = localeOf(ctx);
  const draft = ctx.query.status === 'draft';
  if (draft && !isPreviewSecret(ctx.query.secret)) {
    ctx.status = 403;
    ctx.type = 'text/plain; charset=utf-8';
    ctx.body = 'Draft preview needs the preview secret (PREVIEW_SECRET), as the admin Preview panel sends it.';
    return;
  }
  // The title for the tab and search engines; a missing article is a 404 page, not an empty shell.
  let title: string;
  try {
    const row = (await strapi
      .plugin('cited-articles')
      .service('articles')
      .findBySlugOrThrow(slug, draft ? 'draft' : 'published', locale)) as {
      title?: string;
    };
    title = String(row.title ?? slug);
  } catch {
    ctx.status = 404;
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = page({ title: 'Not found', lang: 'en', body: '<h1>No such article</h1><p><a href="/">All articles</a></p>' });
    return;
  }
  const attributes = [`api=""`, `slug="${escapeHtml(slug)}"`, locale ? `locale="${escapeHtml(locale)}"` : ''];
  const style = typeof ctx.query.style === 'string' && /^[\w.-]{1,100}$/.test(ctx.query.style) ? ctx.query.style : undefined;
  const article = [...attributes, style ? `citation-style="${escapeHtml(style)}"` : ''];
  if (draft) article.push('status="draft"', `preview-token="${escapeHtml(await previewAccessKey(strapi))}"`);
  ctx.type = 'text/html; charset=utf-8';
  // A draft page holds a token: no cache keeps it. Published pages are cheap shells (the data is fetched).
  ctx.set('Cache-Control', draft ? 'no-store' : 'no-cache');
  ctx.body = page({
    title,
    lang: locale ?? 'en',
    noindex: draft,
    body: `${draft ? '<p class="draft-banner" role="note">Draft preview: not published.</p>' : ''}
<cited-article ${article.filter(Boolean).join(' ')}></cited-article>
${draft ? '' : `<cited-comments ${attributes.filter(Boolean).join(' ')}></cited-comments>`}`,
  });
}

/**
 * The demo's reader pages, served by this host app (not by the plugin): what a new user sees of
 * the product as readers will. Off with CITED_ARTICLES_READER_PAGES=false.
 */
export function registerReaderPages(strapi: Core.Strapi) {
  if (process.env.CITED_ARTICLES_READER_PAGES === 'false') return;
  strapi.server.routes([
    { method: 'GET', path: '/', handler: (ctx: Ctx) => listPage(strapi, ctx), config: { auth: false } },
    { method: 'GET', path: '/articles/:slug', handler: (ctx: Ctx) => articlePage(strapi, ctx), config: { auth: false } },
  ] as unknown as Parameters<Core.Strapi['server']['routes']>[0]);
}
