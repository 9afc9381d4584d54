import { spawn, spawnSync, type ChildProcess } from 'child_process';
import crypto from 'crypto';
import fs from 'fs';
import net from 'net';
import os from 'os';
import path from 'path';
import { APP_DIR } from './strapi';

export const SHIPPED_VCL = path.join(APP_DIR, 'varnish', 'default.vcl');

export interface Varnish {
  url: string;
  port: number;
  /** The purge secret in this instance's purge-secret.vcl (set it as cache.purgeToken). */
  purgeToken: string;
  /** The lines std.log wrote so far (varnishlog's VCL_Log records). */
  vclLog(): string[];
  stop(): Promise<void>;
}

/** The purge secret the tests' Varnish checks: random per run, in the form cache.purgeToken takes. */
export const testPurgeToken = () => crypto.randomBytes(32).toString('hex');

/** A TCP port nobody listens on right now. */
export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

/** Where varnishd is; an error (not a skip) when it is not installed: CI installs it. */
export function varnishdPath() {
  for (const candidate of ['/usr/sbin/varnishd', '/usr/local/sbin/varnishd']) if (fs.existsSync(candidate)) return candidate;
  const found = spawnSync('sh', ['-c', 'command -v varnishd'], { encoding: 'utf8' }).stdout.trim();
  if (found) return found;
  throw new Error('varnishd is not installed: apt-get install -y varnish (.ci/run installs it)');
}

/**
 * Runs Debian's varnishd in the foreground with the shipped VCL, its backend pointed at
 * `backendPort` and its purge-secret.vcl holding `purgeToken`, on a free port, and resolves once
 * it answers.
 */
export async function startVarnish(backendPort: number, purgeToken = testPurgeToken()): Promise<Varnish> {
  const binary = varnishdPath();
  const port = await freePort();
  const workdir = fs.mkdtempSync(path.join(os.tmpdir(), 'varnish-test-'));
  const vcl = fs.readFileSync(SHIPPED_VCL, 'utf8').replace('.port = "1337";', `.port = "${backendPort}";`);
  if (!vcl.includes(`"${backendPort}"`)) throw new Error('the shipped VCL no longer has .port = "1337" to point at the test app');
  const vclPath = path.join(workdir, 'test.vcl');
  fs.writeFileSync(vclPath, vcl);
  // What an operator writes beside default.vcl (varnish/purge-secret.vcl.example).
  fs.writeFileSync(path.join(workdir, 'purge-secret.vcl'), `sub cited_purge_secret {\n  set req.http.X-Cited-Purge-Secret = "${purgeToken}";\n}\n`);
  // -j none: no privilege separation, so the work directory needs no varnish user.
  const child: ChildProcess = spawn(binary, ['-F', '-j', 'none', '-a', `127.0.0.1:${port}`, '-f', vclPath, '-n', workdir, '-s', 'malloc,64m'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`varnishd exited: ${output}`);
    const up = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (up) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`varnishd did not listen within 20 s: ${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    purgeToken,
    vclLog() {
      // -d: what the shared memory log holds now, then exit.
      const log = spawnSync('varnishlog', ['-n', workdir, '-d', '-g', 'raw', '-i', 'VCL_Log'], { encoding: 'utf8', timeout: 10_000 });
      return log.stdout.split('\n').filter((line) => line.includes('VCL_Log'));
    },
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      fs.rmSync(workdir, { recursive: true, force: true });
    },
  };
}
