#!/usr/bin/env node
/**
 * Runs the real-client suite: installs the pinned clients (network: npm only), then runs vitest in a
 * fresh network namespace whose only interface is loopback, so no client can reach anything but
 * 127.0.0.1 whatever it tries. Needs root (CI and the dev machines are) and util-linux's unshare.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { installClients } from './install.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = installClients();
const vitest = ['node_modules/.bin/vitest', 'run', '--config', 'test/clients/vitest.config.ts', ...process.argv.slice(2)];
const script = 'ip link set lo up && exec "$@"';
const result = spawnSync('unshare', ['--net', '--', 'sh', '-c', script, 'sh', ...vitest], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, CBA_CLIENTS_DIR: dir },
});
if (result.error) {
  console.error(`Could not start the client suite in a network namespace: ${result.error.message}. It needs root and unshare (util-linux).`);
  process.exit(1);
}
process.exit(result.status ?? 1);
