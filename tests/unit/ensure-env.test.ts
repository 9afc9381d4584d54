import fs from 'fs';
import os from 'os';
import path from 'path';

const { ensureEnv, parseEnv } = require('../../scripts/ensure-env.js');

const SECRETS = ['APP_KEYS', 'API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY'];

describe('scripts/ensure-env.js', () => {
  let dir: string;
  const saved: Record<string, string | undefined> = {};
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ensure-env-'));
    for (const name of [...SECRETS, 'NODE_ENV']) {
      saved[name] = process.env[name];
      delete process.env[name];
    }
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it('writes every missing secret into a new .env', () => {
    expect(ensureEnv(dir)).toEqual(SECRETS);
    const values = parseEnv(fs.readFileSync(path.join(dir, '.env'), 'utf8'));
    for (const name of SECRETS) expect(values[name]).toMatch(/\S{16,}/);
    expect(values.APP_KEYS.split(',')).toHaveLength(4);
  });

  it('keeps values already in .env and adds only what is missing', () => {
    fs.writeFileSync(path.join(dir, '.env'), 'PORT=4000\nJWT_SECRET=keep-me');
    expect(ensureEnv(dir)).toEqual(SECRETS.filter((name) => name !== 'JWT_SECRET'));
    const text = fs.readFileSync(path.join(dir, '.env'), 'utf8');
    expect(text.startsWith('PORT=4000\nJWT_SECRET=keep-me\n')).toBe(true);
    expect(ensureEnv(dir)).toEqual([]);
  });

  it('does nothing in production', () => {
    process.env.NODE_ENV = 'production';
    expect(ensureEnv(dir)).toEqual([]);
    expect(fs.existsSync(path.join(dir, '.env'))).toBe(false);
  });
});
