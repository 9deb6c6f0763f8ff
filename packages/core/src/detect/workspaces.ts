/**
 * Monorepo layout: which tool declares the workspace (pnpm-workspace.yaml, package.json workspaces,
 * nx.json, turbo.json, go.work) and which folders are its packages, so each gets its own stack.
 */
import picomatch from 'picomatch';
import { base, dirOf, isObject, readJson, readYaml, type Scope } from './scope.js';
import { packageJsonWorkspaces } from './node.js';
import { parseGoWork } from './go.js';
import type { Evidence } from './types.js';

/** A folder holding one of these is a package. */
const isManifest = (path: string) =>
  /^(package\.json|project\.json|go\.mod|pyproject\.toml|Cargo\.toml|pom\.xml|build\.gradle(\.kts)?|Gemfile)$/.test(base(path)) || path.endsWith('.csproj');

export interface WorkspaceLayout {
  tools: Evidence[];
  /** Package folders, sorted, never the root. */
  packageDirs: string[];
}

export function findWorkspaces(repo: Scope): WorkspaceLayout | null {
  const tools: Evidence[] = [];
  const patterns: string[] = [];
  const exact = new Set<string>();
  const has = (path: string) => repo.files.includes(path);

  if (has('pnpm-workspace.yaml')) {
    const doc = readYaml(repo, 'pnpm-workspace.yaml');
    const list = isObject(doc) && Array.isArray(doc.packages) ? doc.packages.filter((p): p is string => typeof p === 'string') : [];
    tools.push({ file: 'pnpm-workspace.yaml', detail: list.length ? `pnpm workspace: ${list.join(', ')}` : 'pnpm workspace' });
    patterns.push(...list);
  }
  const rootPackage = has('package.json') ? readJson(repo, 'package.json') : undefined;
  const npmWorkspaces = packageJsonWorkspaces(rootPackage);
  if (npmWorkspaces.length > 0) {
    tools.push({ file: 'package.json', detail: `workspaces: ${npmWorkspaces.join(', ')}` });
    patterns.push(...npmWorkspaces);
  }
  if (has('nx.json')) {
    const projects = repo.files.filter((f) => base(f) === 'project.json' && dirOf(f) !== '').map(dirOf);
    tools.push({ file: 'nx.json', detail: `Nx workspace${projects.length ? ` with ${projects.length} project.json file${projects.length === 1 ? '' : 's'}` : ''}` });
    for (const dir of projects) exact.add(dir);
  }
  if (has('turbo.json')) tools.push({ file: 'turbo.json', detail: 'Turborepo pipeline' });
  if (has('go.work')) {
    const dirs = parseGoWork(repo.read('go.work') ?? '').filter((d) => d !== '');
    tools.push({ file: 'go.work', detail: `Go workspace: ${dirs.join(', ') || 'no modules'}` });
    for (const dir of dirs) exact.add(dir);
  }
  if (tools.length === 0) return null;

  const positive = patterns.filter((p) => !p.startsWith('!')).map(clean);
  const negative = patterns.filter((p) => p.startsWith('!')).map((p) => clean(p.slice(1)));
  const included = positive.length ? picomatch(positive, { dot: false }) : () => false;
  const excluded = negative.length ? picomatch(negative) : () => false;
  const manifestDirs = new Set(repo.files.filter(isManifest).map(dirOf));
  const packageDirs = [...manifestDirs].filter((dir) => dir !== '' && (exact.has(dir) || (included(dir) && !excluded(dir))));
  return { tools, packageDirs: packageDirs.sort() };
}

/** "./packages/*" and "packages/*\/" mean "packages/*". */
const clean = (pattern: string) => pattern.replace(/^\.\//, '').replace(/\/+$/, '');
