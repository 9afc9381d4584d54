/**
 * A fresh, empty database for one test file, on the engine the environment names:
 * DATABASE_CLIENT=sqlite (default), postgres or mysql. For postgres and mysql the harness connects to
 * the server named by DATABASE_HOST/PORT/USERNAME/PASSWORD, creates a database with a random name
 * (DATABASE_NAME is only the database it connects to for that) and drops it afterwards.
 */
import crypto from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';

export interface TestDatabase {
  client: 'sqlite' | 'postgres' | 'mysql';
  /** Environment variables that point Strapi's config/database.ts at the fresh database. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

const SERVER_DEFAULTS = {
  postgres: { host: '127.0.0.1', port: '5432', user: 'postgres', password: '', database: 'test' },
  mysql: { host: '127.0.0.1', port: '3306', user: 'root', password: '', database: 'test' },
};

const serverSettings = (client: 'postgres' | 'mysql') => {
  const defaults = SERVER_DEFAULTS[client];
  return {
    host: process.env.DATABASE_HOST || defaults.host,
    port: process.env.DATABASE_PORT || defaults.port,
    user: process.env.DATABASE_USERNAME || defaults.user,
    password: process.env.DATABASE_PASSWORD ?? defaults.password,
    database: process.env.DATABASE_NAME || defaults.database,
  };
};

export async function createTestDatabase(): Promise<TestDatabase> {
  const client = (process.env.DATABASE_CLIENT || 'sqlite') as TestDatabase['client'];
  const name = `ca_test_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;

  if (client === 'sqlite') {
    const filename = path.join(os.tmpdir(), `${name}.db`);
    return {
      client,
      env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: filename },
      async drop() {
        for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(`${filename}${suffix}`, { force: true });
      },
    };
  }

  const server = serverSettings(client);
  const env = {
    DATABASE_CLIENT: client,
    DATABASE_HOST: server.host,
    DATABASE_PORT: server.port,
    DATABASE_USERNAME: server.user,
    DATABASE_PASSWORD: server.password,
    DATABASE_NAME: name,
    DATABASE_URL: '',
    DATABASE_POOL_MIN: '0',
  };

  if (client === 'postgres') {
    const { Client } = await import('pg');
    const run = async (sql: string) => {
      const admin = new Client({ ...server, port: Number(server.port) });
      await admin.connect();
      try {
        await admin.query(sql);
      } finally {
        await admin.end();
      }
    };
    await run(`CREATE DATABASE "${name}"`);
    return { client, env, drop: () => run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
  }

  if (client === 'mysql') {
    const mysql = await import('mysql2/promise');
    const run = async (sql: string) => {
      const admin = await mysql.createConnection({ ...server, port: Number(server.port) });
      try {
        await admin.query(sql);
      } finally {
        await admin.end();
      }
    };
    await run(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    return { client, env, drop: () => run(`DROP DATABASE IF EXISTS \`${name}\``) };
  }

  throw new Error(`DATABASE_CLIENT=${client} is not supported by the test harness (sqlite, postgres or mysql)`);
}

/**
 * A knex connection to the test database itself, for a test that must write what no route can
 * (rows as an older release could have left them). The caller destroys it.
 */
export async function connectKnex(database: TestDatabase) {
  const { default: knex } = await import('knex');
  const { env } = database;
  if (database.client === 'sqlite') {
    return knex({ client: 'better-sqlite3', connection: { filename: env.DATABASE_FILENAME! }, useNullAsDefault: true });
  }
  const connection = {
    host: env.DATABASE_HOST,
    port: Number(env.DATABASE_PORT),
    user: env.DATABASE_USERNAME,
    password: env.DATABASE_PASSWORD,
    database: env.DATABASE_NAME,
  };
  return knex({ client: database.client === 'postgres' ? 'pg' : 'mysql2', connection });
}
