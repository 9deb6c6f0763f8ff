/**
 * Refuses to run the client suite anywhere a client could reach the network: the process must sit
 * in a namespace whose only interface is loopback (test/clients/run.mjs makes one), and the pinned
 * clients must be installed (run.mjs passes their folder).
 */
import { existsSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';

export default function setup(): void {
  const interfaces = Object.keys(networkInterfaces());
  if (interfaces.some((name) => name !== 'lo')) {
    throw new Error(`The client suite runs only without a network (interfaces here: ${interfaces.join(', ')}). Run it with: pnpm run test:clients`);
  }
  const dir = process.env.CBA_CLIENTS_DIR;
  if (!dir || !existsSync(join(dir, 'installed.json'))) {
    throw new Error('The pinned clients are not installed (CBA_CLIENTS_DIR). Run the suite with: pnpm run test:clients');
  }
}
