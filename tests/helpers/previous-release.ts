/**
 * The plugin's previous release, 0.2.0 (commit ac6698e of this repository), as a runnable app: its
 * whole tree (host app and plugin) out of git history, its plugin built with `strapi-plugin build`
 * and its app compiled, on this checkout's node_modules (the dependencies did not change since).
 * Built once into .tmp/ and reused by later runs (CI builds it once per run).
 *
 *   const dir = await previousRelease();            // ~1.5 min the first time, instant afterwards
 *   const old = await startPreviousRelease(dir, env); // the 0.2.0 app in a child process
 */
import { execFileSync, execSync, type ExecSyncOptions } from 'child_process';
import fs from 'fs';
import path from 'path';
import { startChildApp, type ChildApp } from './child-app';
import { APP_DIR } from './strapi';

export const PREVIOUS_RELEASE = { version: '0.2.0', commit: 'ac6698e' };

const RELEASE_DIR = path.join(APP_DIR, '.tmp', `release-${PREVIOUS_RELEASE.version}-${PREVIOUS_RELEASE.commit}`);
const READY = path.join(RELEASE_DIR, '.built');

/**
 * A node_modules for the old tree: a link to each of this checkout's packages, but the plugin's
 * own name pointing at the old tree's plugin (npm workspaces link it the same way).
 */
function linkNodeModules(dir: string) {
  const target = path.join(dir, 'node_modules');
  fs.mkdirSync(target);
  for (const name of fs.readdirSync(path.join(APP_DIR, 'node_modules'))) {
    if (name === 'strapi-plugin-cited-articles') continue;
    fs.symlinkSync(path.join(APP_DIR, 'node_modules', name), path.join(target, name));
  }
  fs.symlinkSync(path.join('..', 'plugins', 'cited-articles'), path.join(target, 'strapi-plugin-cited-articles'));
  const pluginModules = path.join(APP_DIR, 'plugins', 'cited-articles', 'node_modules');
  if (fs.existsSync(pluginModules)) fs.symlinkSync(pluginModules, path.join(dir, 'plugins', 'cited-articles', 'node_modules'));
}

/**
 * Makes the old tree's app load its own plugin. Its config enables the plugin by name, which
 * Strapi resolves from @strapi/core's real location, i.e. this checkout's node_modules, i.e. this
 * release's plugin: an explicit `resolve` to the old tree's plugin folder takes precedence.
 */
function useOwnPlugin(dir: string) {
  const config = path.join(dir, 'config', 'plugins.ts');
  const text = fs.readFileSync(config, 'utf8');
  const declared = "'cited-articles': {\n    enabled: true,";
  if (!text.includes(declared)) throw new Error(`${config}: the cited-articles declaration was not found`);
  fs.writeFileSync(config, text.replace(declared, `${declared}\n    resolve: './plugins/cited-articles',`));
}

/** The built previous release's directory, building it first if this checkout has not yet. */
export async function previousRelease(): Promise<string> {
  if (fs.existsSync(READY)) return RELEASE_DIR;
  const building = `${RELEASE_DIR}.building-${process.pid}`;
  fs.rmSync(building, { recursive: true, force: true });
  fs.mkdirSync(building, { recursive: true });
  const run: ExecSyncOptions = { cwd: APP_DIR, stdio: ['ignore', 'ignore', 'inherit'] };
  execSync(`git archive --format=tar ${PREVIOUS_RELEASE.commit} | tar -x -C "${building}"`, run);
  linkNodeModules(building);
  useOwnPlugin(building);
  const bin = (name: string) => fs.realpathSync(path.join(APP_DIR, 'node_modules', '.bin', name));
  execFileSync(process.execPath, [bin('strapi-plugin'), 'build'], { ...run, cwd: path.join(building, 'plugins', 'cited-articles') });
  execFileSync(process.execPath, ['-e', `require('@strapi/strapi').compileStrapi({ appDir: process.cwd() })`], { ...run, cwd: building });
  fs.writeFileSync(path.join(building, '.built'), `${PREVIOUS_RELEASE.commit}\n`);
  // Whole or not at all: a run stopped half-way leaves only a .building directory behind.
  fs.rmSync(RELEASE_DIR, { recursive: true, force: true });
  fs.renameSync(building, RELEASE_DIR);
  return RELEASE_DIR;
}

/**
 * Starts the previous release's app in a child process with this environment (database, secrets),
 * through the old tree's own tests/helpers/child-app-main.js; resolves once it listens.
 */
export function startPreviousRelease(dir: string, env: NodeJS.ProcessEnv): Promise<ChildApp> {
  return startChildApp(env, { appDir: dir, name: `the ${PREVIOUS_RELEASE.version} app` });
}
