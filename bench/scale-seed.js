/**
 * News-site volume for `npm run bench:scale`, on PostgreSQL, in plain SQL: INSERT … SELECT over
 * generate_series, each new row a copy of a row the demo content made through the Document Service
 * (so every column Strapi and the plugin expect is set as they would set it), with what must differ
 * (documentId, slug, key, title, text, dates, status, the comment's article) computed per row. Join
 * rows (an article's citations, a comment's article) are written the same way. Minutes through the
 * API become seconds.
 *
 *   articles: ARTICLES documents, each a draft and a published row, 5 citations each; every 4th
 *             article also cites one "hot" source (the source edit's fan-out case)
 *   sources:  SOURCES
 *   comments: COMMENTS roots; BUSIEST of them on one article (the busiest thread), the rest spread
 *             over the other articles; 90 % approved, 5 % pending (held), 3 % rejected, 2 % spam
 */
const ARTICLE_UID = 'plugin::cited-articles.article';
const SOURCE_UID = 'plugin::cited-articles.source';
const COMMENT_UID = 'plugin::cited-articles.comment';

const WORDS = ['mine', 'budget', 'election', 'river', 'hospital', 'school', 'court', 'harbour', 'council', 'railway', 'storm', 'market'];

/** Columns of a table, from PostgreSQL's catalogue. */
async function columnsOf(knex, table) {
  const { rows } = await knex.raw('SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position', [table]);
  return rows.map((row) => row.column_name);
}

/**
 * INSERT INTO table (every column but id) SELECT, from the template row aliased t and the series g,
 * each column copied from t unless `overrides` gives its SQL expression.
 */
async function copyRows(knex, table, { templateId, count, overrides, from = '' }) {
  const columns = (await columnsOf(knex, table)).filter((column) => column !== 'id');
  const select = columns.map((column) => (overrides[column] ? `${overrides[column]}` : `t."${column}"`));
  const sql = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')})
    SELECT ${select.join(', ')} FROM generate_series(1, ${Number(count)}) AS g CROSS JOIN "${table}" AS t ${from}
    WHERE t.id = ${Number(templateId)}`;
  await knex.raw(sql);
}

const words = (expression) => `(ARRAY[${WORDS.map((word) => `'${word}'`).join(',')}])[1 + (${expression}) % ${WORDS.length}]`;

async function growToScale(strapi, { articles, sources, comments, busiest, log }) {
  if (strapi.db.dialect.client !== 'postgres') throw new Error('the scale seeder writes PostgreSQL SQL');
  const knex = strapi.db.connection;
  const meta = (uid) => strapi.db.metadata.get(uid);
  const sourceTable = meta(SOURCE_UID).tableName;
  const articleTable = meta(ARTICLE_UID).tableName;
  const commentTable = meta(COMMENT_UID).tableName;
  const citations = meta(ARTICLE_UID).attributes.citations.joinTable;
  const commentArticle = meta(COMMENT_UID).attributes.article.joinTable;
  const time = async (what, work) => {
    const started = Date.now();
    await work();
    log(`${what} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  };

  // Templates: rows the demo content wrote.
  const sourceTemplate = await knex(sourceTable).orderBy('id').first('id');
  const draftTemplate = await knex(articleTable).whereNull('published_at').orderBy('id').first('id', 'document_id', 'locale');
  const publishedTemplate = await knex(articleTable)
    .where({ document_id: draftTemplate.document_id, locale: draftTemplate.locale })
    .whereNotNull('published_at')
    .first('id');
  const commentTemplate = await knex(commentTable).where({ status: 'approved', depth: 0 }).orderBy('id').first('id');

  await time(`${sources} sources`, () =>
    copyRows(knex, sourceTable, {
      templateId: sourceTemplate.id,
      count: sources,
      overrides: {
        document_id: `'bsrc' || lpad(g::text, 20, '0')`,
        key: `'bulk-source-' || g`,
        title: `'Report ' || g || ' on the ' || ${words('g')} || ' inquiry'`,
        url: `'https://example.org/bulk/' || g`,
        doi: 'NULL',
        // Filled below by the plugin's own backfill, as after an upgrade.
        url_fingerprint: 'NULL',
        doi_fingerprint: 'NULL',
        shared_fingerprint: 'NULL',
        created_at: `now() - g * interval '1 second'`,
        updated_at: `now() - g * interval '1 second'`,
      },
    })
  );

  // A draft and a published row per article, the newest published first in the list.
  for (const [template, published] of [
    [draftTemplate.id, false],
    [publishedTemplate.id, true],
  ]) {
    await time(`${articles} ${published ? 'published' : 'draft'} article rows`, () =>
      copyRows(knex, articleTable, {
        templateId: template,
        count: articles,
        overrides: {
          document_id: `'bart' || lpad(g::text, 20, '0')`,
          slug: `'bulk-article-' || g`,
          title: `'Bulk article ' || g || ' on the ' || ${words('g')}`,
          created_at: `now() - interval '1 day' - g * interval '1 minute'`,
          updated_at: `now() - interval '1 day' - g * interval '1 minute'`,
          published_at: published ? `now() - interval '1 day' - g * interval '1 minute'` : 'NULL',
        },
      })
    );
  }

  await time('citations (5 per article version, and the hot source on every 4th article)', async () => {
    await knex.raw(
      `CREATE TEMP TABLE bulk_sources AS SELECT id, row_number() OVER (ORDER BY id) - 1 AS rn FROM "${sourceTable}" WHERE document_id LIKE 'bsrc%'`
    );
    await knex.raw('CREATE INDEX ON bulk_sources (rn)');
    await knex.raw(
      `CREATE TEMP TABLE bulk_articles AS SELECT id, substr(document_id, 5)::int AS n FROM "${articleTable}" WHERE document_id LIKE 'bart%'`
    );
    const join = citations.joinColumn.name;
    const inverse = citations.inverseJoinColumn.name;
    const orderColumn = citations.orderColumnName;
    const inverseOrder = citations.inverseOrderColumnName;
    const extra = (order) => [orderColumn ? [`"${orderColumn}"`, order] : null, inverseOrder ? [`"${inverseOrder}"`, '1'] : null].filter(Boolean);
    const columns = (order) => [`"${join}"`, `"${inverse}"`, ...extra(order).map(([column]) => column)].join(', ');
    const values = (order) => ['a.id', 's.id', ...extra(order).map(([, value]) => value)].join(', ');
    // rn 0 is the hot source; the others are spread over rn 1 … sources-1.
    await knex.raw(`INSERT INTO "${citations.name}" (${columns('j')})
      SELECT ${values('j')} FROM bulk_articles a CROSS JOIN generate_series(1, 5) AS j
      JOIN bulk_sources s ON s.rn = 1 + ((a.n * 7 + j * 131) % ${sources - 1})`);
    await knex.raw(`INSERT INTO "${citations.name}" (${columns('6')})
      SELECT ${values('6')} FROM bulk_articles a JOIN bulk_sources s ON s.rn = 0 WHERE a.n % 4 = 0`);
  });

  await time(`${comments} comments`, () =>
    copyRows(knex, commentTable, {
      templateId: commentTemplate.id,
      count: comments,
      overrides: {
        document_id: `'bcmt' || lpad(g::text, 20, '0')`,
        content: `'Comment ' || g || ': the ' || ${words('g / 7')} || ' story needed its sources.'`,
        author_name: `'Reader ' || (g % 50000)`,
        author_email: `'reader' || (g % 50000) || '@example.org'`,
        status: `CASE WHEN g % 100 < 90 THEN 'approved' WHEN g % 100 < 95 THEN 'pending' WHEN g % 100 < 98 THEN 'rejected' ELSE 'spam' END`,
        held_at: `CASE WHEN g % 100 BETWEEN 90 AND 94 THEN timestamp '2025-01-01' + g * interval '1 second' ELSE NULL END`,
        held_reason: `CASE WHEN g % 100 BETWEEN 90 AND 94 THEN 'moderation' ELSE NULL END`,
        report_count: '0',
        article_document_id: `'bart' || lpad((CASE WHEN g <= ${busiest} THEN 1 ELSE 2 + g % ${articles - 1} END)::text, 20, '0')`,
        article_version: `'bart' || lpad((CASE WHEN g <= ${busiest} THEN 1 ELSE 2 + g % ${articles - 1} END)::text, 20, '0') || ':' || t.article_locale`,
        content_fingerprint: 'md5(g::text)',
        ip_hash: 'md5((g % 50000)::text)',
        created_at: `timestamp '2025-01-01' + g * interval '1 second'`,
        updated_at: `timestamp '2025-01-01' + g * interval '1 second'`,
      },
    })
  );

  await time('comment → article links (every version of the article)', async () => {
    const join = commentArticle.joinColumn.name;
    const inverse = commentArticle.inverseJoinColumn.name;
    const inverseOrder = commentArticle.inverseOrderColumnName;
    await knex.raw(`INSERT INTO "${commentArticle.name}" ("${join}", "${inverse}"${inverseOrder ? `, "${inverseOrder}"` : ''})
      SELECT c.id, a.id${inverseOrder ? ', c.id' : ''} FROM "${commentTable}" c JOIN "${articleTable}" a ON a.document_id = c.article_document_id
      WHERE c.document_id LIKE 'bcmt%'`);
  });

  await time('source identity fingerprints (the startup backfill)', () => strapi.plugin('cited-articles').service('sources').backfillFingerprints());
  await time('VACUUM ANALYZE', () => knex.raw('VACUUM ANALYZE'));
  return {
    busiestSlug: 'bulk-article-1',
    hotSourceKey: 'bulk-source-1',
  };
}

module.exports = { growToScale };
