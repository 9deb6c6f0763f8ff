#!/usr/bin/env node
/**
 * Installs the pinned coding tools (clients.json) from npm into a cache outside the repository and
 * prints the folder. A folder already holding these exact versions is reused, so CI and re-runs
 * install once. The only network step of the client suite; the tests themselves run offline.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const { clients } = JSON.parse(readFileSync(fileURLToPath(new URL('./clients.json', import.meta.url)), 'utf8'));
const specs = Object.entries(clients).map(([name, version]) => `${name}@${version}`);

export function clientsDir() {
  const key = createHash('sha256').update(['with-scripts', ...specs].join('\n')).digest('hex').slice(0, 12);
  const base = process.env.CBA_CLIENTS_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'create-backend-agent', 'clients');
  return join(base, key);
}

export function installClients() {
  const dir = clientsDir();
  if (existsSync(join(dir, 'installed.json'))) return dir;
  const staging = `${dir}.staging-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  writeFileSync(join(staging, 'package.json'), '{"private":true}\n');
  // With install scripts: OpenCode's postinstall links its platform binary and refuses to run without it.
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...specs], { cwd: staging, stdio: ['ignore', 'ignore', 'inherit'] });
  writeFileSync(join(staging, 'installed.json'), JSON.stringify(clients, null, 2) + '\n');
  rmSync(dir, { recursive: true, force: true });
  renameSync(staging, dir);
  return dir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.stdout.write(`${installClients()}\n`);
