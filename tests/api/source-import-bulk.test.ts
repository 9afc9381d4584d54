/**
 * A large import (5,000 entries with DOIs and URLs) through POST /cited-articles/sources/import:
 * every entry is created, and importing the same file again skips every one as existing, on each
 * database. The duplicate look-ups go in batches, not as one query with thousands of conditions
 * (SQLite refuses an expression tree deeper than 1,000). While such an import writes, the server
 * keeps answering other requests, those that read the database included.
 */
import request from 'supertest';
import { setupStrapi } from '../helpers/strapi';
import { createAdmin, type AdminSession } from '../helpers/admin';
import { SOURCE_UID } from '../helpers/content';

const app = setupStrapi();
let admin: AdminSession;
const ENTRIES = 5000;

beforeAll(async () => {
  admin = await createAdmin(app);
});

const bibtex = (count: number) =>
  Array.from(
    { length: count },
    (_, i) => `@article{bulk-${i},\n  title = {Bulk source ${i}},\n  doi = {10.5555/Bulk.${i}},\n  url = {https://bulk.example/${i}},\n}\n`
  ).join('\n');

it(`imports ${ENTRIES} entries with DOIs in one request, and skips all of them the second time`, async () => {
  const content = bibtex(ENTRIES);
  const first = await admin.post('/cited-articles/sources/import').send({ content, format: 'bibtex' });
  expect(first.status).toBe(200);
  expect(first.body.data.created).toHaveLength(ENTRIES);
  expect(first.body.data.skipped).toEqual([]);
  expect(await app.strapi.db.query(SOURCE_UID as any).count({ where: { key: { $startsWith: 'bulk-' } } })).toBe(ENTRIES);

  // The same DOIs in another case and the same URLs: found as existing sources, nothing created.
  const second = await admin
    .post('/cited-articles/sources/import')
    .send({ content: content.replace(/10\.5555\/Bulk/g, '10.5555/BULK'), format: 'bibtex' });
  expect(second.status).toBe(200);
  expect(second.body.data.created).toEqual([]);
  expect(second.body.data.skipped).toHaveLength(ENTRIES);
  expect(second.body.data.skipped[ENTRIES - 1]).toEqual({
    line: expect.any(Number),
    title: `Bulk source ${ENTRIES - 1}`,
    reason: expect.stringMatching(/^a source with this (URL|DOI) exists \("bulk-4999"\)$/),
  });
  expect(await app.strapi.db.query(SOURCE_UID as any).count({})).toBe(ENTRIES);

  // DOIs alone (no URL) are matched case-insensitively too.
  const doisOnly = content.replace(/ {2}url = \{[^}]*\},\n/g, '').replace(/10\.5555\/Bulk/g, '10.5555/bulk');
  const third = await admin.post('/cited-articles/sources/import').send({ content: doisOnly, format: 'bibtex' });
  expect(third.status).toBe(200);
  expect(third.body.data.created).toEqual([]);
  expect(third.body.data.skipped.every((entry: any) => /a source with this DOI exists/.test(entry.reason))).toBe(true);
}, 600_000);

it('answers readers, whose requests read the database, while a large import writes its sources', async () => {
  // better-sqlite3 answers each query synchronously, and SQLite has one connection: without a turn
  // of the event loop between the import's writes, and without short transactions that release the
  // connection, a reader's request sent once the writes have begun would wait for the whole import.
  // The styles route goes through Users & Permissions, which reads the Public role's permissions
  // from the database on every anonymous request.
  const pool = (app.strapi as any).plugin('cited-articles').service('platform');
  const parsedBefore = pool.workPoolStats().completed;
  const content = bibtex(2000).replace(/bulk/gi, 'turns');
  const finished: string[] = [];
  const importing = admin
    .post('/cited-articles/sources/import')
    .send({ content, format: 'bibtex' })
    .then((res) => {
      finished.push('import');
      return res;
    });
  // The file is parsed in a worker; the writes start on the main thread once that job is done and
  // the duplicate look-ups have run. Wait for the first committed batch, so that the requests below
  // are sent while the import is writing. The count is itself a read on another connection: with
  // one transaction for the whole import it would see nothing until everything was committed.
  while (pool.workPoolStats().completed === parsedBefore) await new Promise((resolve) => setTimeout(resolve, 2));
  const written = () => app.strapi.db.query(SOURCE_UID).count({ where: { title: { $startsWith: 'turns source' } } });
  while (finished.length === 0 && (await written()) === 0) await new Promise((resolve) => setTimeout(resolve, 2));
  const health = await request(app.server).get('/_health');
  finished.push('health');
  const styles = await request(app.server).get('/api/cited-articles/styles');
  finished.push('reader');
  // Served while the import was writing, not once it had committed everything.
  const writtenWhenServed = await written();
  const imported = await importing;
  expect(writtenWhenServed).toBeGreaterThan(0);
  expect(writtenWhenServed).toBeLessThan(2000);
  expect(health.status).toBeLessThan(300);
  expect(styles.status).toBe(200);
  expect(imported.status).toBe(200);
  expect(imported.body.data.created).toHaveLength(2000);
  expect(finished).toEqual(['health', 'reader', 'import']);
}, 600_000);
