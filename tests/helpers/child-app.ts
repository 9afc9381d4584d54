import { fork, type ChildProcess } from 'child_process';
import path from 'path';

export interface ChildApp {
  process: ChildProcess;
  url: string;
  /** Stops it cleanly (Strapi's destroy), or kills it after 20 s. */
  stop(): Promise<void>;
}

/**
 * Starts the app in a child process with this environment (by default the current one, which after
 * bootStrapi holds the test database and secrets) and resolves once it listens.
 */
export function startChildApp(
  env: NodeJS.ProcessEnv = process.env,
  /** Another checkout's app (a previous release): its own child-app-main.js, run from its folder. */
  { appDir, name = 'child app' }: { appDir?: string; name?: string } = {}
): Promise<ChildApp> {
  const main = appDir ? path.join(appDir, 'tests', 'helpers', 'child-app-main.js') : path.join(__dirname, 'child-app-main.js');
  const child = fork(main, [], { cwd: appDir, env: { ...env }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('exit', (code, signal) => reject(new Error(`${name} exited (${code ?? signal}) before it was ready`)));
    child.on('message', (message: any) => {
      if (message.type !== 'ready') return;
      child.removeAllListeners('exit');
      resolve({
        process: child,
        url: `http://127.0.0.1:${message.port}`,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
            child.once('exit', () => {
              clearTimeout(timer);
              done();
            });
            child.send({ type: 'stop' });
          }),
      });
    });
  });
}
