/** Reading a pack folder from disk for the core's tests (the CLI reads it in edge/packs.ts). */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PackSource } from '../packs/read.js';

export const FIXTURE_PACKS = fileURLToPath(new URL('../../../../test/fixtures/packs/', import.meta.url));

export function packFromDisk(dir: string, root = relative(process.cwd(), dir).split(sep).join('/')): PackSource {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
    .map((path) => ({ path: relative(dir, path).split(sep).join('/'), text: readFileSync(path, 'utf8') }));
  return { root, files };
}

/** A pack from files given inline. */
export function packOf(files: Record<string, string>, root = '.backend-agent/pack'): PackSource {
  return { root, files: Object.entries(files).map(([path, text]) => ({ path, text })) };
}
