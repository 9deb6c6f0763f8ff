/** Prisma schemas: the datasource provider names the database (`provider = "postgresql"`). */
import { lookup } from './match.js';
import { type Detector, type Signal } from './scope.js';

const DATASOURCE = /datasource\s+\w+\s*\{[^}]*?\bprovider\s*=\s*"([\w-]+)"/g;

export const detectPrisma: Detector = (scope, lib) => {
  const out: Signal[] = [];
  for (const file of scope.files.filter((f) => f.endsWith('.prisma'))) {
    const text = scope.read(file);
    if (text === undefined) continue;
    for (const [, provider] of text.matchAll(DATASOURCE)) out.push(...lookup(lib, [provider!.toLowerCase()], ['datastore'], { file, detail: `datasource provider "${provider}"` }));
  }
  return out;
};
