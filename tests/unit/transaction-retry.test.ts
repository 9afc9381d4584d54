import fs from 'fs';
import os from 'os';
import path from 'path';
import Database from 'better-sqlite3';
import { inTransaction, isDeadlock } from '@cited-articles/server/src/utils/transaction';

/**
 * Which errors make inTransaction run a transaction again. The SQLite case uses two real
 * connections to one file, as two Strapi instances on one SQLite database have: the driver's own
 * error is what is classified. The retry loop runs on a stand-in for Strapi's transaction.
 */
const fakeStrapi = () =>
  ({
    db: { transaction: (work: () => Promise<unknown>) => work(), inTransaction: () => false },
  }) as unknown as Parameters<typeof inTransaction>[0];

describe('SQLite refusing to wait', () => {
  let dir: string;
  let writer: Database.Database;
  let other: Database.Database;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cited-busy-'));
    const file = path.join(dir, 'data.db');
    writer = new Database(file, { timeout: 5000 });
    writer.exec('create table comments (id integer primary key, content text)');
    other = new Database(file, { timeout: 5000 });
  });
  afterAll(() => {
    writer?.close();
    other?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers SQLITE_BUSY at once to a transaction that read and then writes while another holds the write lock', () => {
    writer.exec('begin immediate');
    writer.exec("insert into comments (content) values ('from the other instance')");
    other.exec('begin');
    other.prepare('select count(*) from comments').get();
    const started = Date.now();
    let caught: unknown;
    try {
      other.prepare("insert into comments (content) values ('from this instance')").run();
    } catch (error) {
      caught = error;
    }
    other.exec('rollback');
    writer.exec('commit');
    // At once, not after the 5 s busy timeout: waiting could deadlock, so SQLite does not wait.
    expect(Date.now() - started).toBeLessThan(1000);
    expect((caught as { code?: string }).code).toBe('SQLITE_BUSY');
    expect(isDeadlock(caught)).toBe(true);
    expect(isDeadlock(new Error('wrapped', { cause: caught }))).toBe(true);
  });
});

it('runs the transaction again after a deadlock or SQLite BUSY, and returns its result', async () => {
  for (const failure of [{ code: 'SQLITE_BUSY' }, { code: 'SQLITE_BUSY_SNAPSHOT' }, { code: '40P01' }, { errno: 1213 }]) {
    let calls = 0;
    const result = await inTransaction(fakeStrapi(), async () => {
      calls += 1;
      if (calls === 1) throw Object.assign(new Error('lost the race'), failure);
      return 'written';
    });
    expect(result).toBe('written');
    expect(calls).toBe(2);
  }
});

it('rethrows any other error at once, and a deadlock after the last attempt', async () => {
  let calls = 0;
  const refused = Object.assign(new Error('not null'), { code: 'SQLITE_CONSTRAINT_NOTNULL' });
  await expect(
    inTransaction(fakeStrapi(), async () => {
      calls += 1;
      throw refused;
    })
  ).rejects.toBe(refused);
  expect(calls).toBe(1);

  calls = 0;
  await expect(
    inTransaction(fakeStrapi(), async () => {
      calls += 1;
      throw Object.assign(new Error('busy'), { code: 'SQLITE_BUSY' });
    })
  ).rejects.toThrow('busy');
  expect(calls).toBe(3);
});
