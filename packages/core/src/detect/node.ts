/** Node.js packages: package.json dependencies, TypeScript config, the package's own name. */
import { ALL_KINDS, isTypePackage, lookupPackage } from './match.js';
import { base, dirOf, facet, isObject, readJson, str, type Detector, type Signal } from './scope.js';

/** Dev dependencies build and test the package; they are weak evidence of what it runs on. */
const SECTIONS = [
  ['dependencies', 'dependency', false],
  ['optionalDependencies', 'dependency', false],
  ['peerDependencies', 'peerDependency', false],
  ['devDependencies', 'devDependency', true],
] as const;

export const detectNode: Detector = (scope, lib) => {
  const out: Signal[] = [];
  for (const file of scope.files.filter((f) => base(f) === 'package.json')) {
    const pkg = readJson(scope, file);
    if (!isObject(pkg)) continue;
    const dir = dirOf(file);
    const names = new Set<string>();
    for (const [section, label, dev] of SECTIONS) {
      const deps = pkg[section];
      if (!isObject(deps)) continue;
      for (const name of Object.keys(deps)) {
        if (names.has(name)) continue;
        names.add(name);
        const evidence = { file, detail: `${label} ${name}` };
        out.push(...lookupPackage(lib, 'npm', name, ALL_KINDS, evidence, dev || isTypePackage('npm', name)));
        out.push({ type: 'uses', name, evidence });
      }
    }
    // A package.json that only carries tooling (commit hooks in a Go repository) is not a Node.js project.
    const tsconfig = scope.files.find((f) => dirOf(f) === dir && /^tsconfig(\..+)?\.json$/.test(base(f)));
    const runtime = isObject(pkg.dependencies) && Object.keys(pkg.dependencies).length > 0;
    if (tsconfig) out.push(facet('language', 'typescript', tsconfig, 'TypeScript compiler configuration'));
    else if (runtime) out.push(facet('language', 'typescript', file, 'Node.js package with runtime dependencies'));
    const name = str(pkg.name);
    if (name && dir === scope.dir) out.push({ type: 'name', name, short: name.replace(/^@[^/]+\//, ''), evidence: { file, detail: `name ${name}` } });
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
