/** Go modules: go.mod (module path, direct requirements). go.work is read by the monorepo pass. */
import { ALL_KINDS, lookupPackage } from './match.js';
import { base, facet, type Detector, type Signal } from './scope.js';

export interface GoMod {
  module?: string;
  /** Direct requirements (indirect ones are someone else's choice). */
  requires: string[];
}

/** go.mod is line-oriented: `module x`, `require x v1` and `require ( … )` blocks, `// indirect` comments. */
export function parseGoMod(text: string): GoMod {
  const result: GoMod = { requires: [] };
  let inRequire = false;
  for (const raw of text.split('\n')) {
    const indirect = /\/\/\s*indirect\b/.test(raw);
    const line = raw.replace(/\/\/.*$/, '').trim();
    if (!line) continue;
    if (inRequire) {
      if (line === ')') inRequire = false;
      else if (!indirect) result.requires.push(line.split(/\s+/)[0]!);
      continue;
    }
    const module = /^module\s+"?([^\s"]+)"?/.exec(line);
    if (module) result.module = module[1];
    if (/^require\s*\($/.test(line)) inRequire = true;
    const single = /^require\s+([^\s(]+)\s+\S+/.exec(line);
    if (single && !indirect) result.requires.push(single[1]!);
  }
  return result;
}

/** go.work: `use ./a` and `use ( ./a ./b )`. */
export function parseGoWork(text: string): string[] {
  const dirs: string[] = [];
  let inUse = false;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\/\/.*$/, '').trim();
    if (!line) continue;
    if (inUse) {
      if (line === ')') inUse = false;
      else dirs.push(line);
      continue;
    }
    if (/^use\s*\($/.test(line)) inUse = true;
    else {
      const single = /^use\s+(\S+)/.exec(line);
      if (single) dirs.push(single[1]!);
    }
  }
  return dirs.map((d) => d.replace(/^"|"$/g, '').replace(/^\.\/?/, '').replace(/\/+$/, ''));
}

export const detectGo: Detector = (scope, lib) => {
  const out: Signal[] = [];
  for (const file of scope.files.filter((f) => base(f) === 'go.mod')) {
    const text = scope.read(file);
    if (text === undefined) continue;
    const mod = parseGoMod(text);
    out.push(facet('language', 'go', file, mod.module ? `module ${mod.module}` : 'Go module'));
    for (const path of mod.requires) {
      const evidence = { file, detail: `requires ${path}` };
      out.push(...lookupPackage(lib, 'go', path, ALL_KINDS, evidence));
      out.push({ type: 'uses', name: path, evidence });
    }
    if (mod.module && file === (scope.dir ? `${scope.dir}/go.mod` : 'go.mod')) {
      out.push({ type: 'name', name: mod.module, short: mod.module.replace(/\/v\d+$/, '').split('/').pop()!, evidence: { file, detail: `module ${mod.module}` } });
    }
  }
  return out;
};
