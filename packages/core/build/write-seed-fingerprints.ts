/** Regenerates seed-fingerprints.json from ../shared/seeds (`pnpm seeds:fingerprint`). */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SEED_SOURCES } from '../src/library/schema.js';
import { fingerprint, runs } from './seed-fingerprint.js';

const seeds = new URL('../../../../shared/seeds/', import.meta.url);
const out: Record<string, string[]> = {};
for (const seed of SEED_SOURCES) {
  out[seed] = [...new Set(runs(readFileSync(new URL(seed, seeds), 'utf8')).map(fingerprint))].sort();
}
const target = fileURLToPath(new URL('./seed-fingerprints.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(out, null, 0).replace(/\],/g, '],\n')}\n`);
console.log(`wrote ${target}`);
