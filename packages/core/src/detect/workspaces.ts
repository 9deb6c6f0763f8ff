/**
 * Monorepo layout: which tools declare the workspace and which folders are its packages, so each
 * gets its own stack. Every common shape: pnpm-workspace.yaml, package.json workspaces, nx.json,
 * turbo.json, go.work, .NET solutions (.sln, .slnx), Maven <modules>, Gradle settings includes, uv
 * and Poetry (path dependency) workspaces, Cargo workspaces, and service folders (`src/<name>` or
 * `services/<name>` with their own Dockerfile, manifest or Kubernetes objects).
 */
import picomatch from 'picomatch';
import { asArray, base, dirOf, isObject, join, readJson, readToml, readXml, readYaml, resolvePath, str, type Scope } from './scope.js';
import { packageJsonWorkspaces } from './node.js';
import { parseGoWork } from './go.js';
import type { Evidence } from './types.js';

/** A folder holding one of these is a package. */
const isManifest = (path: string) =>
  /^(package\.json|project\.json|go\.mod|pyproject\.toml|Cargo\.toml|pom\.xml|build\.gradle(\.kts)?|Gemfile|composer\.json|mix\.exs)$/.test(base(path)) || /\.(cs|fs)proj$/.test(path);

export interface WorkspaceLayout {
  tools: Evidence[];
  /** Package folders, sorted, never the root. */
  packageDirs: string[];
  /** Names a build tool refers to a package by, other than its manifest name (Gradle ":shared:core"). */
  refs: Map<string, string>;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
/** "./packages/*" and "packages/*\/" mean "packages/*". */
const clean = (pattern: string) => pattern.replace(/^\.\//, '').replace(/\/+$/, '');

function globbed(dirs: Iterable<string>, patterns: readonly string[], excludes: readonly string[] = []): string[] {
  const positive = patterns.filter((p) => !p.startsWith('!')).map(clean);
  const negative = [...patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1)), ...excludes].map(clean);
  if (positive.length === 0) return [];
  const included = picomatch(positive, { dot: false });
  const excluded = negative.length ? picomatch(negative) : () => false;
  return [...dirs].filter((dir) => dir !== '' && included(dir) && !excluded(dir));
}

/** Project paths a Visual Studio solution lists (classic .sln text, or .slnx XML). */
export function solutionProjects(repo: Scope, file: string): string[] {
  const text = repo.read(file);
  if (text === undefined) return [];
  const paths: string[] = [];
  if (file.endsWith('.slnx')) {
    const walk = (node: unknown): void => {
      for (const item of asArray(node)) {
        if (!isObject(item)) continue;
        for (const p of asArray(item.Project)) if (isObject(p) && str(p['@Path'])) paths.push(str(p['@Path'])!);
        walk(item.Folder);
      }
    };
    const doc = readXml(repo, file);
    walk(doc?.Solution);
  } else {
    for (const m of text.matchAll(/^Project\("\{[^}]+\}"\)\s*=\s*"[^"]*"\s*,\s*"([^"]+)"/gm)) paths.push(m[1]!);
  }
  return paths.filter((p) => /\.(cs|fs|vb)proj$/i.test(p)).map((p) => resolvePath(dirOf(file), p));
}

/** Maven <modules> (and those of profiles), followed into each module's own pom. */
function mavenModules(repo: Scope, pom: string, out: string[] = [], depth = 0): string[] {
  const project = readXml(repo, pom)?.project;
  if (!isObject(project) || depth > 8) return out;
  const lists = [project.modules, ...asArray(isObject(project.profiles) ? project.profiles.profile : undefined).map((p) => (isObject(p) ? p.modules : undefined))];
  for (const list of lists) {
    for (const module of asArray(isObject(list) ? list.module : undefined)) {
      const path = str(module);
      if (!path) continue;
      const dir = resolvePath(dirOf(pom), path.replace(/\/pom\.xml$/, ''));
      if (out.includes(dir)) continue;
      out.push(dir);
      if (repo.files.includes(join(dir, 'pom.xml'))) mavenModules(repo, join(dir, 'pom.xml'), out, depth + 1);
    }
  }
  return out;
}

/** Gradle `include("a", ":b:c")` / `include 'a', 'b'`, with `project(":x").projectDir = file("…")` overrides. */
export function gradleIncludes(text: string): Array<{ path: string; dir: string }> {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|\s)\/\/.*$/gm, '$1');
  const projects: string[] = [];
  for (const m of code.matchAll(/\binclude\s*\(([^)]*)\)|\binclude\s+((?:["'][^"'\n]+["']\s*,?\s*)+)/g)) {
    for (const q of (m[1] ?? m[2] ?? '').matchAll(/["']([^"']+)["']/g)) projects.push(q[1]!.startsWith(':') ? q[1]! : `:${q[1]!}`);
  }
  const overrides = new Map<string, string>();
  for (const m of code.matchAll(/project\s*\(\s*["'](:[^"']+)["']\s*\)\s*\.projectDir\s*=\s*(?:file\s*\(\s*)?["']([^"']+)["']/g)) overrides.set(m[1]!, m[2]!);
  return projects.map((path) => ({ path, dir: clean(overrides.get(path) ?? path.slice(1).replace(/:/g, '/')) }));
}

/** Gradle's type-safe accessor for a project path: ":shared-core:api" -> "projects.sharedcore.api". */
const gradleAccessor = (path: string) => `projects.${path.slice(1).split(':').map((s) => s.replace(/[-_]/g, '').toLowerCase()).join('.')}`;

/** Folder names under src/ that belong to one build (Maven/Gradle source sets), never services. */
const SOURCE_SETS = new Set(['main', 'test', 'it', 'integrationTest', 'testFixtures', 'jmh', 'androidTest']);
const K8S_OBJECT = /^apiVersion:\s*\S+[\s\S]*^kind:\s*\w+/m;

/** `src/<name>` and `services/<name>` holding a Dockerfile, a manifest or Kubernetes objects of their own. */
function serviceFolders(repo: Scope): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of repo.files) {
    const m = /^(src|services)\/([^/]+)\/(.+)$/.exec(file);
    if (!m || SOURCE_SETS.has(m[2]!) || /(^|\/)(fixtures|testdata|examples?|samples?|docs)\//.test(m[3]!)) continue;
    const dir = `${m[1]}/${m[2]}`;
    if (found.has(dir)) continue;
    const name = base(file);
    const why = /^(Dockerfile|Containerfile)(\..+)?$/.test(name) ? 'Dockerfile'
      : isManifest(file) ? name
      : /\.ya?ml$/.test(name) && K8S_OBJECT.test(repo.read(file) ?? '') ? 'Kubernetes objects'
      : undefined;
    if (why) found.set(dir, why);
  }
  return found;
}

export function findWorkspaces(repo: Scope): WorkspaceLayout | null {
  const tools: Evidence[] = [];
  const patterns: string[] = [];
  const exact = new Set<string>();
  const refs = new Map<string, string>();
  const has = (path: string) => repo.files.includes(path);
  const manifestDirs = new Set(repo.files.filter(isManifest).map(dirOf));

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
    tools.push({ file: 'nx.json', detail: `Nx workspace${projects.length ? ` with ${plural(projects.length, 'project.json file')}` : ''}` });
    for (const dir of projects) exact.add(dir);
  }
  if (has('turbo.json')) tools.push({ file: 'turbo.json', detail: 'Turborepo pipeline' });
  if (has('go.work')) {
    const dirs = parseGoWork(repo.read('go.work') ?? '').filter((d) => d !== '');
    tools.push({ file: 'go.work', detail: `Go workspace: ${dirs.join(', ') || 'no modules'}` });
    for (const dir of dirs) exact.add(dir);
  }
  if (has('pom.xml')) {
    const modules = mavenModules(repo, 'pom.xml');
    if (modules.length > 0) tools.push({ file: 'pom.xml', detail: `Maven modules: ${modules.join(', ')}` });
    for (const dir of modules) exact.add(dir);
  }
  for (const settings of ['settings.gradle.kts', 'settings.gradle'].filter(has)) {
    const includes = gradleIncludes(repo.read(settings) ?? '');
    if (includes.length > 0) tools.push({ file: settings, detail: `Gradle includes: ${includes.map((i) => i.path).join(', ')}` });
    for (const { path, dir } of includes) {
      exact.add(dir);
      refs.set(path, dir).set(gradleAccessor(path), dir);
    }
  }
  if (has('Cargo.toml')) {
    const ws = readToml(repo, 'Cargo.toml')?.workspace;
    const members = isObject(ws) && Array.isArray(ws.members) ? ws.members.filter((m): m is string => typeof m === 'string') : [];
    const excludes = isObject(ws) && Array.isArray(ws.exclude) ? ws.exclude.filter((m): m is string => typeof m === 'string') : [];
    if (members.length > 0) {
      tools.push({ file: 'Cargo.toml', detail: `Cargo workspace: ${members.join(', ')}` });
      const crates = new Set(repo.files.filter((f) => base(f) === 'Cargo.toml').map(dirOf));
      for (const dir of globbed(crates, members, excludes)) exact.add(dir);
    }
  }
  if (has('pyproject.toml')) {
    const doc = readToml(repo, 'pyproject.toml');
    const tool = doc && isObject(doc.tool) ? doc.tool : {};
    const uv = isObject(tool.uv) && isObject(tool.uv.workspace) ? tool.uv.workspace : undefined;
    const projects = new Set(repo.files.filter((f) => base(f) === 'pyproject.toml').map(dirOf));
    if (uv) {
      const members = Array.isArray(uv.members) ? uv.members.filter((m): m is string => typeof m === 'string') : [];
      const excludes = Array.isArray(uv.exclude) ? uv.exclude.filter((m): m is string => typeof m === 'string') : [];
      tools.push({ file: 'pyproject.toml', detail: `uv workspace: ${members.join(', ') || 'no members'}` });
      for (const dir of globbed(projects, members, excludes)) exact.add(dir);
    }
    // Poetry has no workspace table: a root that pulls sibling projects in by path is one.
    const poetry = isObject(tool.poetry) ? tool.poetry : undefined;
    const tables = poetry ? [poetry.dependencies, ...(isObject(poetry.group) ? Object.values(poetry.group).map((g) => (isObject(g) ? g.dependencies : undefined)) : [])] : [];
    const paths = tables.flatMap((t) => (isObject(t) ? Object.values(t) : [])).flatMap((spec) => (isObject(spec) && str(spec.path) ? [resolvePath('', str(spec.path)!)] : []));
    const members = paths.filter((p) => p !== '' && projects.has(p));
    if (members.length > 0) {
      tools.push({ file: 'pyproject.toml', detail: `Poetry path dependencies: ${members.join(', ')}` });
      for (const dir of members) exact.add(dir);
    }
  }

  const folders = serviceFolders(repo);
  const inService = (dir: string) => [...folders.keys()].some((f) => dir.startsWith(`${f}/`));
  for (const sln of repo.files.filter((f) => /\.slnx?$/.test(f))) {
    // A solution inside one service folder builds that service; it does not split the repository.
    const dirs = [...new Set(solutionProjects(repo, sln).map(dirOf))].filter((d) => d !== '' && !(folders.size >= 2 && inService(d)));
    if (dirs.length < 2) continue;
    tools.push({ file: sln, detail: `.NET solution: ${plural(dirs.length, 'project')}` });
    for (const dir of dirs) exact.add(dir);
  }
  const declared = new Set([...globbed(manifestDirs, patterns), ...exact]);
  if (folders.size >= 2) {
    // Service folders fill in what no workspace tool declares: a folder already declared (or
    // holding, or held by, a declared package) is left to the tool that declares it.
    const overlaps = (dir: string) => [...declared].some((d) => d === dir || d.startsWith(`${dir}/`) || dir.startsWith(`${d}/`));
    const added = [...folders].filter(([dir]) => !overlaps(dir));
    if (added.length > 0) tools.push({ file: added[0]![0].split('/')[0]!, detail: `service folders: ${added.map(([dir, why]) => `${base(dir)} (${why})`).join(', ')}` });
    for (const [dir] of added) declared.add(dir);
  }
  if (tools.length === 0) return null;

  const packageDirs = declared;
  packageDirs.delete('');
  return { tools, packageDirs: [...packageDirs].sort(), refs };
}
