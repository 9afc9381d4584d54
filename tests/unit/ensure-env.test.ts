import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';

import { ensureEnv, parseEnv } from '../../scripts/ensure-env.js';

const SECRETS = ['APP_KEYS', 'API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY', 'PREVIEW_SECRET'];
const APP_ROOT = path.resolve(__dirname, '..', '..');
const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

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

  it('creates .env readable and writable by its owner only (mode 600), whatever the umask', () => {
    const previous = process.umask(0o022);
    try {
      ensureEnv(dir);
    } finally {
      process.umask(previous);
    }
    expect(modeOf(path.join(dir, '.env'))).toBe(0o600);
  });

  it('tightens an existing .env with a looser mode to 600 when it adds secrets to it', () => {
    const file = path.join(dir, '.env');
    fs.writeFileSync(file, 'PORT=4000\n');
    fs.chmodSync(file, 0o644);
    expect(ensureEnv(dir)).toEqual(SECRETS);
    expect(modeOf(file)).toBe(0o600);
    expect(fs.readFileSync(file, 'utf8').startsWith('PORT=4000\n')).toBe(true);
  });

  it('leaves the mode of an existing .env alone when it has nothing to add', () => {
    const file = path.join(dir, '.env');
    fs.writeFileSync(file, SECRETS.map((name) => `${name}=set`).join('\n'));
    fs.chmodSync(file, 0o640);
    expect(ensureEnv(dir)).toEqual([]);
    expect(modeOf(file)).toBe(0o640);
  });

  it('does nothing in production', () => {
    process.env.NODE_ENV = 'production';
    expect(ensureEnv(dir)).toEqual([]);
    expect(fs.existsSync(path.join(dir, '.env'))).toBe(false);
  });

  it('does nothing when .env itself sets NODE_ENV=production (Strapi reads it from there too)', () => {
    const file = path.join(dir, '.env');
    fs.writeFileSync(file, 'NODE_ENV=production\nPORT=1337\n');
    fs.chmodSync(file, 0o644);
    expect(ensureEnv(dir)).toEqual([]);
    expect(fs.readFileSync(file, 'utf8')).toBe('NODE_ENV=production\nPORT=1337\n');
  });
});

describe('npm run develop / npm start', () => {
  // A copy of the app's scripts in a scratch directory, with a stand-in `strapi` on the PATH that
  // npm puts first (node_modules/.bin), so the real package.json scripts run without booting Strapi.
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ensure-env-npm-'));
    const { scripts } = JSON.parse(fs.readFileSync(path.join(APP_ROOT, 'package.json'), 'utf8'));
    fs.writeFileSync(
      path.join(dir, 'package.json'),
      JSON.stringify({ name: 'ensure-env-check', private: true, scripts: { develop: scripts.develop, start: scripts.start } })
    );
    fs.mkdirSync(path.join(dir, 'scripts'));
    fs.copyFileSync(path.join(APP_ROOT, 'scripts', 'ensure-env.js'), path.join(dir, 'scripts', 'ensure-env.js'));
    fs.mkdirSync(path.join(dir, 'node_modules', '.bin'), { recursive: true });
    const fake = path.join(dir, 'node_modules', '.bin', 'strapi');
    fs.writeFileSync(fake, '#!/bin/sh\necho "$1" >> strapi-ran\n');
    fs.chmodSync(fake, 0o755);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const run = (script: string, env: Record<string, string | undefined>) => {
    const clean: Record<string, string | undefined> = { ...process.env, ...env };
    for (const name of SECRETS) delete clean[name];
    execFileSync('npm', ['run', script, '--silent'], { cwd: dir, env: clean as NodeJS.ProcessEnv, stdio: 'pipe' });
  };

  it.each(['develop', 'start'])('npm run %s with NODE_ENV=production writes no .env', (script) => {
    run(script, { NODE_ENV: 'production' });
    expect(fs.readFileSync(path.join(dir, 'strapi-ran'), 'utf8').trim()).toBe(script);
    expect(fs.existsSync(path.join(dir, '.env'))).toBe(false);
  });

  it('npm run develop in development writes .env with mode 600', () => {
    run('develop', { NODE_ENV: undefined });
    expect(fs.readFileSync(path.join(dir, 'strapi-ran'), 'utf8').trim()).toBe('develop');
    expect(modeOf(path.join(dir, '.env'))).toBe(0o600);
  });
});
