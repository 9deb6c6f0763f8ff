/** Writes docs/blocks.md from the built library (`pnpm catalog`). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { catalogMarkdown, library } from '../src/index.js';

const target = fileURLToPath(new URL('../../../docs/blocks.md', import.meta.url));
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, catalogMarkdown(library));
console.log(`wrote ${target}`);
