/**
 * Debian's varnishd with the shipped varnish/default.vcl, its backend pointed at the bench server:
 * for the "through Varnish" rows of `npm run bench`.
 */
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const VCL = path.join(__dirname, '..', 'varnish', 'default.vcl');

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

function varnishdPath() {
  for (const candidate of ['/usr/sbin/varnishd', '/usr/local/sbin/varnishd']) if (fs.existsSync(candidate)) return candidate;
  return spawnSync('sh', ['-c', 'command -v varnishd'], { encoding: 'utf8' }).stdout.trim() || null;
}

async function startVarnish(port, backendPort, purgeToken) {
  const binary = varnishdPath();
  if (!binary) return null;
  const workdir = fs.mkdtempSync(path.join(os.tmpdir(), 'varnish-bench-'));
  const vclPath = path.join(workdir, 'bench.vcl');
  fs.writeFileSync(vclPath, fs.readFileSync(VCL, 'utf8').replace('.port = "1337";', `.port = "${backendPort}";`));
  // The purge secret, as an operator writes it beside default.vcl (varnish/purge-secret.vcl.example).
  fs.writeFileSync(path.join(workdir, 'purge-secret.vcl'), `sub cited_purge_secret {\n  set req.http.X-Cited-Purge-Secret = "${purgeToken}";\n}\n`);
  const child = spawn(binary, ['-F', '-j', 'none', '-a', `127.0.0.1:${port}`, '-f', vclPath, '-n', workdir, '-s', 'malloc,256m'], {
    stdio: 'ignore',
  });
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error('varnishd exited at startup');
    const up = await new Promise((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (up) break;
    if (Date.now() > deadline) throw new Error('varnishd did not listen within 20 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => {
          fs.rmSync(workdir, { recursive: true, force: true });
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

module.exports = { freePort, startVarnish };
