/**
 * Benchmark content: sources, articles of growing citation count and body size, and one article
 * with 100,000 approved comments. Sources and articles go through the Document Service (as an editor
 * would make them); the comments are copied from one real comment with batched inserts on Strapi's
 * knex connection, join-table rows included, because 100,000 document creations would take minutes.
 * Returns the benchmark cases.
 */
const { randomBytes } = require('node:crypto');

const SOURCE_UID = 'plugin::cited-articles.source';
const ARTICLE_UID = 'plugin::cited-articles.article';
const COMMENT_UID = 'plugin::cited-articles.comment';

const COMMENTS = Number(process.env.BENCH_COMMENTS || 100_000);
const SOURCES = 1000;
const documentId = () => randomBytes(12).toString('hex').slice(0, 24);

const FILLER =
  'The inspectors reported that the shaft had been checked twice in the month before the collapse, ' +
  'and that the ventilation logs were complete. ';

/** A Markdown body of about `bytes` that cites each key once, markers spread over the paragraphs. */
function bodyOf(keys, bytes) {
  const paragraphs = [];
  let size = 0;
  let next = 0;
  while (size < bytes || next < keys.length) {
    let paragraph = FILLER;
    if (next < keys.length) paragraph += `As the report says [@${keys[next++]}], the findings stand. `;
    paragraphs.push(paragraph);
    size += paragraph.length + 2;
  }
  return paragraphs.join('\n\n');
}

async function seed(strapi, { log }) {
  const sources = [];
  for (let start = 0; start < SOURCES; start += 20) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(20, SOURCES - start) }, (_, offset) => {
        const i = start + offset;
        return strapi.documents(SOURCE_UID).create({
          data: {
            key: `bench-source-${i}`,
            title: `Report number ${i} on the mine collapse`,
            publisher: `Publisher ${i % 17}`,
            url: `https://example.org/reports/${i}`,
            publishedDate: '2024-03-01',
            type: 'news',
          },
        });
      })
    );
    sources.push(...batch);
  }
  log(`${sources.length} sources`);

  const article = async (slug, citationCount, bodyBytes) => {
    const cited = sources.slice(0, citationCount);
    const draft = await strapi.documents(ARTICLE_UID).create({
      data: {
        title: `Benchmark ${slug}`,
        slug,
        summary: 'An article for the benchmark.',
        body: bodyOf(
          cited.map((source) => source.key),
          bodyBytes
        ),
        citations: cited.map((source) => source.documentId),
      },
    });
    await strapi.documents(ARTICLE_UID).publish({ documentId: draft.documentId });
    return draft;
  };

  const cases = [{ group: 'thread', name: 'thread of 50 comments', url: '/api/cited-articles/articles/thread-50/comments' }];
  await article('typical', 20, 5_000);
  cases.push({
    group: 'baseline',
    name: 'typical article (20 citations, 5 kB)',
    resolved: '/api/cited-articles/articles/typical',
    baseline: '/api/bench/baseline/typical',
  });
  for (const citations of [10, 100, 1000]) {
    await article(`cites-${citations}`, citations, 2_000);
    cases.push({ group: 'citations', name: `${citations} citations`, size: citations, url: `/api/cited-articles/articles/cites-${citations}` });
  }
  for (const [label, bytes] of [
    ['1 kB', 1_000],
    ['10 kB', 10_000],
    ['100 kB', 100_000],
    ['1 MB', 1_000_000],
  ]) {
    await article(`body-${bytes}`, 10, bytes);
    cases.push({ group: 'body', name: `body ${label}`, size: bytes, url: `/api/cited-articles/articles/body-${bytes}` });
  }
  log('articles');

  // A typical discussion: 50 approved comments from 50 readers, 10 of them replies (the caching
  // rows compare its comment page with the constant route).
  const talked = await article('thread-50', 5, 2_000);
  const roots = [];
  for (let i = 0; i < 50; i++) {
    const reply = i >= 40;
    const created = await strapi.documents(COMMENT_UID).create({
      data: {
        article: talked.documentId,
        content: `Reader ${i} writes: ${reply ? 'I agree with the comment above.' : 'the sources on this story are well chosen.'}`,
        authorName: `Thread reader ${i}`,
        authorEmail: `thread-reader${i}@example.org`,
        status: 'approved',
        ...(reply ? { parent: roots[i - 40].documentId } : {}),
        ipHash: randomBytes(32).toString('hex'),
      },
    });
    if (!reply) roots.push(created);
  }
  log('thread of 50 comments');

  const discussed = await article('discussed', 5, 2_000);
  await insertComments(strapi, discussed.documentId, COMMENTS);
  // Planner statistics and the visibility map after the bulk insert, as autovacuum would leave them
  // on a live database (index-only scans depend on the visibility map).
  if (strapi.db.dialect.client === 'postgres') await strapi.db.connection.raw('VACUUM ANALYZE');
  if (strapi.db.dialect.client === 'sqlite') await strapi.db.connection.raw('ANALYZE');
  log(`${COMMENTS} comments`);
  const lastPage = Math.ceil(COMMENTS / 25);
  cases.push({ group: 'comments', name: 'comments, first page', size: 1, url: '/api/cited-articles/articles/discussed/comments' });
  cases.push({
    group: 'comments',
    name: `comments, page ${Math.floor(lastPage / 2)}`,
    size: Math.floor(lastPage / 2),
    url: `/api/cited-articles/articles/discussed/comments?page=${Math.floor(lastPage / 2)}`,
  });
  cases.push({
    group: 'comments',
    name: `comments, page ${lastPage} (last)`,
    size: lastPage,
    url: `/api/cited-articles/articles/discussed/comments?page=${lastPage}`,
  });
  return cases;
}

/** `count` approved root comments on the article, copied from one made through the Document Service. */
async function insertComments(strapi, articleDocumentId, count) {
  const first = await strapi.documents(COMMENT_UID).create({
    data: {
      article: articleDocumentId,
      content: 'Comment 0',
      authorName: 'Reader 0',
      authorEmail: 'reader0@example.org',
      status: 'approved',
      depth: 0,
      ipHash: 'a'.repeat(64),
    },
  });
  const meta = strapi.db.metadata.get(COMMENT_UID);
  const link = meta.attributes.article.joinTable;
  const knex = strapi.db.connection;
  const template = await knex(meta.tableName).where({ document_id: first.documentId }).first();
  // A comment is linked to each version of its article (draft and published): copy every link.
  const linkTemplates = await knex(link.name).where({ [link.joinColumn.name]: template.id });
  const base = Date.parse('2025-01-01T00:00:00Z');

  const BATCH = 500;
  for (let start = 1; start < count; start += BATCH) {
    const rows = [];
    for (let i = start; i < Math.min(start + BATCH, count); i++) {
      const { id, ...copy } = template;
      const at = new Date(base + i * 1000);
      rows.push({
        ...copy,
        document_id: documentId(),
        content: `Comment ${i}: thanks for citing your sources.`,
        author_name: `Reader ${i}`,
        created_at: at,
        updated_at: at,
        published_at: at,
      });
    }
    await knex.batchInsert(meta.tableName, rows, 250);
    const ids = await knex(meta.tableName)
      .whereIn(
        'document_id',
        rows.map((row) => row.document_id)
      )
      .select('id');
    const links = ids.flatMap(({ id }, index) =>
      linkTemplates.map((linkTemplate) => {
        const row = { ...linkTemplate, [link.joinColumn.name]: id };
        delete row.id;
        if (link.inverseOrderColumnName) row[link.inverseOrderColumnName] = start + index;
        return row;
      })
    );
    await knex.batchInsert(link.name, links, 250);
  }
}

module.exports = { seed };
