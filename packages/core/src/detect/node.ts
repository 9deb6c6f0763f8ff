/** Node.js packages: package.json dependencies, TypeScript config, the package's own name. */
import { ALL_KINDS, lookup, npmKeys } from './match.js';
import { base, dirOf, facet, isObject, readJson, str, type Detector, type Signal } from './scope.js';

const SECTIONS = [
  ['dependencies', 'dependency'],
  ['optionalDependencies', 'dependency'],
  ['devDependencies', 'devDependency'],
] as const;

export const detectNode: Detector = (scope, lib) => {
  const out: Signal[] = [];
  for (const file of scope.files.filter((f) => base(f) === 'package.json')) {
    const pkg = readJson(scope, file);
    if (!isObject(pkg)) continue;
    const dir = dirOf(file);
    const names = new Set<string>();
    for (const [section, label] of SECTIONS) {
      const deps = pkg[section];
      if (!isObject(deps)) continue;
      for (const name of Object.keys(deps)) {
        if (names.has(name) || name.startsWith('@types/')) continue;
        names.add(name);
        out.push(...lookup(lib, npmKeys(name.toLowerCase()), ALL_KINDS, { file, detail: `${label} ${name}` }));
      }
    }
    // A package.json that only carries tooling (commit hooks in a Go repository) is not a Node.js project.
    const tsconfig = scope.files.find((f) => dirOf(f) === dir && /^tsconfig(\..+)?\.json$/.test(base(f)));
    const runtime = isObject(pkg.dependencies) && Object.keys(pkg.dependencies).length > 0;
    if (tsconfig) out.push(facet('language', 'typescript', tsconfig, 'TypeScript compiler configuration'));
    else if (runtime) out.push(facet('language', 'typescript', file, 'Node.js package with runtime dependencies'));
    const name = str(pkg.name);
    if (name && dir === scope.dir) out.push({ type: 'name', name: name.replace(/^@[^/]+\//, ''), evidence: { file, detail: `name ${name}` } });
  }
  return out;
};

/** Exported for monorepo discovery: the workspace globs a package.json declares. */
export function packageJsonWorkspaces(pkg: unknown): string[] {
  if (!isObject(pkg)) return [];
  const ws = pkg.workspaces;
  const list = Array.isArray(ws) ? ws : isObject(ws) && Array.isArray(ws.packages) ? ws.packages : [];
  return list.filter((p): p is string => typeof p === 'string');
}

