/**
 * A throwaway npm registry (verdaccio) on 127.0.0.1 and package-manager processes that use only it:
 * every npm and pnpm config, cache and store lives in the given temp folder, so nothing reaches
 * the user's own config or caches, and nothing but 127.0.0.1 is contacted (no uplinks).
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { execFileSync } from 'node:child_process';
import { join, basename, delimiter } from 'node:path';
import fs from 'fs-extra';
import { execa } from 'execa';
import { runServer } from 'verdaccio';
import { setup as setupVerdaccioLogger } from 'verdaccio/build/lib/logger/index.js';

export interface Registry {
  url: string;
  /** Environment for npm and pnpm: this registry, its token, and config/caches inside the temp folder. */
  env: Record<string, string>;
  stop: () => Promise<void>;
}

export async function startRegistry(dir: string): Promise<Registry> {
  const storage = join(dir, 'storage');
  await fs.ensureDir(storage);
  // Quiet: the server logs every request otherwise (the logger is process-wide and set once).
  const log = { type: 'stdout', format: 'json', level: 'fatal' };
  setupVerdaccioLogger(log);
  // No uplinks: a package the registry does not hold is a 404, never a request to the internet.
  const server = (await runServer({
    self_path: dir,
    storage,
    auth: { htpasswd: { file: join(dir, 'htpasswd'), max_users: 1 } },
    uplinks: {},
    packages: { '**': { access: '$all', publish: '$authenticated' } },
    web: { enable: false },
    log,
  } as never)) as Server;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const stop = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });

  try {
    // A throwaway user, registered the way `npm adduser` does; its token authorises the publish.
    const response = await fetch(`${url}-/user/org.couchdb.user:ci`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'ci', password: 'throwaway-password', email: 'ci@example.invalid' }),
    });
    const { token } = (await response.json()) as { token?: string };
    if (!response.ok || !token) throw new Error(`registry refused the test user (HTTP ${response.status})`);

    const home = join(dir, 'home');
    const userconfig = join(dir, 'npmrc');
    const globalconfig = join(dir, 'npmrc-global');
    await fs.ensureDir(home);
    const host = url.replace(/^http:/, '');
    await fs.writeFile(userconfig, `registry=${url}\n${host}:_authToken=${token}\n`);
    await fs.writeFile(globalconfig, '');
    return { url, env: isolatedEnv(dir, { home, userconfig, globalconfig, url }), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The parent environment minus anything npm/pnpm-related (pnpm run sets dozens), plus ours. */
function isolatedEnv(dir: string, p: { home: string; userconfig: string; globalconfig: string; url: string }): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined || /^(npm_|pnpm_|yarn_|INIT_CWD$|NODE_OPTIONS$|COREPACK_)/i.test(key)) continue;
    env[key] = value;
  }
  // Keep node and npm reachable; drop workspace bins so nothing resolves into this repository.
  env.PATH = (process.env.PATH ?? '').split(delimiter).filter((entry) => !entry.includes('node_modules')).join(delimiter);
  return {
    ...env,
    HOME: p.home,
    USERPROFILE: p.home,
    XDG_CONFIG_HOME: join(dir, 'xdg/config'),
    XDG_CACHE_HOME: join(dir, 'xdg/cache'),
    XDG_DATA_HOME: join(dir, 'xdg/data'),
    XDG_STATE_HOME: join(dir, 'xdg/state'),
    npm_config_registry: p.url,
    npm_config_userconfig: p.userconfig,
    npm_config_globalconfig: p.globalconfig,
    npm_config_cache: join(dir, 'npm-cache'),
    npm_config_store_dir: join(dir, 'pnpm-store'),
    npm_config_yes: 'true',
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    npm_config_loglevel: 'error',
    NO_COLOR: '1',
  };
}

/**
 * How to run pnpm: the pnpm running this test (`pnpm run check` sets npm_execpath), else the one on
 * PATH (.ci/run installs it). Resolved from the real environment, before it is isolated.
 */
export function pnpmCommand(): [string, ...string[]] {
  const execpath = process.env.npm_execpath;
  if (execpath && /pnpm/i.test(basename(execpath)) && fs.existsSync(execpath)) {
    return /\.[cm]?js$/.test(execpath) ? [process.execPath, execpath] : [execpath];
  }
  try {
    const found = execFileSync(process.platform === 'win32' ? 'where' : 'which', ['pnpm'], { encoding: 'utf8' }).split(/\r?\n/)[0]?.trim();
    if (found) return [found];
  } catch {
    // not on PATH
  }
  throw new Error('pnpm not found: run the tests through `pnpm run check` (npm test does) or put pnpm on PATH.');
}

export async function run(command: readonly string[], cwd: string, env: Record<string, string>) {
  const [file, ...args] = command;
  return execa(file!, args, { cwd, env, extendEnv: false, reject: false, stdin: 'ignore', timeout: 60_000 });
}
