/**
 * Stack detection: a pure function of a read-only view of the repository. Each ecosystem's detector
 * reports signals with evidence; this module splits a monorepo into its packages, runs the detectors
 * over each, passes what workspace dependencies bring on to the packages using them, and gathers
 * the findings, keeping weak evidence (dev/test-only) from setting answers on its own.
 */
import { library as builtInLibrary, type Library } from '../library/index.js';
import { FACET_KINDS, type FacetKind } from '../library/kinds.js';
import { toSlug } from '../answers/schema.js';
import type { RepoView } from '../repo-view.js';
import type { Detection, Evidence, Finding, PackageDetection, Unsupported, CiSystem, ExistingAgent } from './types.js';
import { base, dirOf, type Detector, type Scope, type Signal } from './scope.js';
import { findWorkspaces } from './workspaces.js';
import { detectNode } from './node.js';
import { detectGo } from './go.js';
import { detectPython } from './python.js';
import { detectJvm } from './jvm.js';
import { detectRust } from './rust.js';
import { detectDotnet } from './dotnet.js';
import { detectOtherLanguages } from './other-languages.js';
import { detectContainers } from './containers.js';
import { detectKubernetes } from './kubernetes.js';
import { detectTerraform } from './terraform.js';
import { detectServerless } from './serverless.js';
import { detectApiSpecs } from './api-specs.js';
import { detectPrisma } from './prisma.js';
import { detectUrls } from './urls.js';
import { detectRoutes } from './routes.js';
import { detectCi } from './ci.js';
import { detectAgents } from './agents.js';
import { detectAdrLog } from './adr-log.js';

/** Run over the root and over each package of a monorepo. */
const PACKAGE_DETECTORS: readonly Detector[] = [
  detectNode, detectGo, detectPython, detectJvm, detectRust, detectDotnet, detectOtherLanguages,
  detectPrisma, detectUrls, detectContainers, detectKubernetes, detectTerraform, detectServerless, detectApiSpecs, detectRoutes,
];
/** Run once over the whole repository: their files live at fixed places from the root. */
const REPOSITORY_DETECTORS: readonly Detector[] = [detectCi, detectAgents];

/** What a package passes on to the packages that depend on it. */
const INHERITED: readonly FacetKind[] = ['datastore', 'messaging'];
/** Names a workspace root gets when it has no real one. */
const PLACEHOLDER_NAMES = new Set(['root', 'monorepo', 'workspace', 'workspace-root']);
/** A package whose own name says it is a provider, SDK or types package only wraps a client: it runs no broker. */
const CLIENT_ONLY = /(^|[-_.])(provider|providers|sdk|types)([-_.]|$)/i;

const TEST_PROJECT = /(^|\/)(tests?|[^/]*\.tests?)(\/|\.[a-z]+proj$)/i;

interface NameSignal {
  name: string;
  short: string;
  evidence: Evidence;
}

export function detectRepo(view: RepoView, lib: Library = builtInLibrary): Detection {
  const repo: Scope = { dir: '', files: view.files, read: (path) => view.read(path) };
  const layout = findWorkspaces(repo);
  const ancestors = new Set<string>();
  for (const file of view.files) for (let dir = dirOf(file); dir !== '' && !ancestors.has(dir); dir = dirOf(dir)) ancestors.add(dir);
  const packageDirs = (layout?.packageDirs ?? []).filter((d) => ancestors.has(d));

  // Each file belongs to its nearest package folder (found by walking up its folders, so a
  // thousand-package monorepo costs no more than a small one per file).
  const byDir = new Map<string, string[]>([['', []], ...packageDirs.map((d): [string, string[]] => [d, []])]);
  for (const file of view.files) {
    let dir = dirOf(file);
    while (dir !== '' && !byDir.has(dir)) dir = dirOf(dir);
    byDir.get(dir)!.push(file);
  }
  const perScope = new Map<string, Signal[]>();
  for (const [dir, files] of byDir) perScope.set(dir, PACKAGE_DETECTORS.flatMap((detect) => detect({ dir, files, read: repo.read }, lib)));
  const names = new Map(packageDirs.map((dir) => [dir, packageName(perScope.get(dir)!, dir)]));
  for (const dir of packageDirs) {
    if (CLIENT_ONLY.test(names.get(dir)!.short.replace(/([a-z0-9])([A-Z])/g, '$1-$2'))) perScope.set(dir, perScope.get(dir)!.map((s) => (s.type === 'facet' && s.kind === 'messaging' ? weaken(s) : s)));
  }
  const repositoryWide = REPOSITORY_DETECTORS.flatMap((detect) => detect(repo, lib));
  const all = [...[...perScope.values()].flat(), ...repositoryWide];
  const facets = new Map(lib.facets.map((f) => [f.id, f]));
  const uses = workspaceUses(packageDirs, perScope, names, layout?.refs ?? new Map());
  const inherited = inheritedSignals(packageDirs, perScope, names, uses);

  const packages: PackageDetection[] = packageDirs.map((dir) => {
    const own = names.get(dir)!;
    const signals = [...perScope.get(dir)!, ...inherited.get(dir)!];
    const { findings, weak } = gather(signals, facets, lib);
    return {
      path: dir, name: own.name, slug: slugFor(own.short, dir), nameEvidence: own.evidence,
      findings, weak, unsupported: gatherUnsupported(signals), uses: uses.get(dir)!,
    };
  });
  const { findings, weak } = gather(all, facets, lib);

  return {
    findings,
    weak,
    unsupported: gatherUnsupported(all),
    monorepo: layout && packages.length > 0 ? { tools: layout.tools, packages } : null,
    ci: gatherCi(all),
    agents: all.flatMap((s): ExistingAgent[] => (s.type === 'agent' ? [{ tool: s.tool, path: s.path }] : [])),
    adrLog: detectAdrLog(view),
    service: serviceName(perScope.get('')!),
  };
}

const weaken = (s: Signal): Signal => ('evidence' in s ? ({ ...s, evidence: { ...s.evidence, weak: true } } as Signal) : s);
const isWeak = (e: Evidence) => e.weak === true;

function nameSignals(signals: readonly Signal[]): NameSignal[] {
  return signals.flatMap((s) => (s.type === 'name' ? [{ name: s.name, short: s.short, evidence: s.evidence }] : []));
}

/** The name the folder's manifest gives; else the one manifest nearest to it; else the folder's name. */
function packageName(signals: readonly Signal[], dir: string): NameSignal {
  const all = nameSignals(signals);
  // A service folder's test project is not what the service is called.
  const named = all.filter((n) => !TEST_PROJECT.test(n.evidence.file)).length > 0 ? all.filter((n) => !TEST_PROJECT.test(n.evidence.file)) : all;
  const own = named.find((n) => dirOf(n.evidence.file) === dir);
  if (own) return own;
  const depth = (n: NameSignal) => n.evidence.file.split('/').length;
  const nearest = named.filter((n) => depth(n) === Math.min(...named.map(depth)));
  if (nearest.length === 1) return nearest[0]!;
  return { name: base(dir), short: base(dir), evidence: { file: dir, detail: 'folder name' } };
}

/** A valid service name for a package, however short its own name is ("@acme/ui" in packages/ui -> "packages-ui"). */
function slugFor(short: string, dir: string): string {
  return toSlug(short) ?? toSlug(`${base(dirOf(dir))}-${short}`) ?? toSlug(dir) ?? `package-${toSlug(`x${dir}`) ?? 'x'}`.slice(0, 50);
}

/** The service's own name: the root manifest's, or the single manifest nearest the root; never a placeholder ("root"). */
function serviceName(signals: readonly Signal[]): { name: string; evidence: Evidence } | null {
  const named = nameSignals(signals).filter((n) => !PLACEHOLDER_NAMES.has(n.short.toLowerCase()));
  const atRoot = named.filter((n) => dirOf(n.evidence.file) === '');
  const depth = (n: NameSignal) => n.evidence.file.split('/').length;
  const nearest = named.filter((n) => depth(n) === Math.min(...named.map(depth)));
  const candidates = atRoot.length > 0 ? atRoot : nearest.length === 1 ? nearest : [];
  for (const n of candidates) {
    const name = toSlug(n.short);
    if (name) return { name, evidence: n.evidence };
  }
  return null;
}

/** Which workspace packages each package depends on (by package name, build-tool reference or folder). */
function workspaceUses(dirs: readonly string[], perScope: Map<string, Signal[]>, names: Map<string, NameSignal>, refs: Map<string, string>): Map<string, string[]> {
  // Names resolve within one ecosystem: a Python "emails" is not the npm package "emails".
  const byName = new Map<string, string>();
  for (const dir of dirs) {
    const n = names.get(dir)!;
    const eco = ecosystemOf(n.evidence.file);
    if (n.evidence.detail === 'folder name' || !eco) continue;
    byName.set(`${eco} ${n.name.toLowerCase()}`, dir);
    // Python names compare normalised.
    byName.set(`${eco} ${n.name.toLowerCase().replace(/[-_.]+/g, '-')}`, dir);
  }
  for (const [ref, dir] of refs) byName.set(`jvm ${ref.toLowerCase()}`, dir);
  const known = new Set(dirs);
  const out = new Map<string, string[]>();
  for (const dir of dirs) {
    const found = new Set<string>();
    for (const s of perScope.get(dir)!) {
      if (s.type !== 'uses') continue;
      const eco = ecosystemOf(s.evidence.file);
      const name = s.name?.toLowerCase() ?? '';
      const target = s.dir !== undefined ? (known.has(s.dir) ? s.dir : undefined) : byName.get(`${eco} ${name}`) ?? byName.get(`${eco} ${name.replace(/[-_.]+/g, '-')}`);
      if (target !== undefined && target !== dir) found.add(target);
    }
    out.set(dir, [...found].sort());
  }
  return out;
}

/** Datastore and broker signals a package gets through its workspace dependencies, transitively. */
function inheritedSignals(dirs: readonly string[], perScope: Map<string, Signal[]>, names: Map<string, NameSignal>, uses: Map<string, string[]>): Map<string, Signal[]> {
  const out = new Map<string, Signal[]>();
  const visit = (dir: string, seen: Set<string>): Signal[] => {
    const result: Signal[] = [];
    for (const used of uses.get(dir)!) {
      if (seen.has(used)) continue;
      seen.add(used);
      const through = names.get(used)!.name;
      for (const s of perScope.get(used)!) {
        if ((s.type === 'facet' || s.type === 'unsupported') && s.kind && INHERITED.includes(s.kind)) {
          result.push({ ...s, evidence: { ...s.evidence, detail: `${s.evidence.detail} (through ${through})` } } as Signal);
        }
      }
      result.push(...visit(used, seen).map((s) => s));
    }
    return result;
  };
  for (const dir of dirs) out.set(dir, visit(dir, new Set([dir])));
  return out;
}

/** Which package ecosystem a manifest belongs to, so names resolve within it. */
function ecosystemOf(file: string): string | undefined {
  const name = base(file);
  if (name === 'package.json') return 'npm';
  if (name === 'pyproject.toml' || name === 'Pipfile' || /\.(txt|in)$/.test(name)) return 'python';
  if (name === 'go.mod') return 'go';
  if (name === 'pom.xml' || name.startsWith('build.gradle') || name.startsWith('settings.gradle')) return 'jvm';
  if (name === 'Cargo.toml') return 'cargo';
  if (name.endsWith('proj')) return 'dotnet';
  return undefined;
}

function addEvidence(list: Evidence[], evidence: Evidence): void {
  const same = list.find((e) => e.file === evidence.file && e.detail === evidence.detail);
  if (!same) list.push(evidence);
  else if (same.weak && !evidence.weak) delete same.weak;
}

/**
 * Facet signals grouped into findings: kinds in the library's order, then the best-evidenced first.
 * A finding with only weak evidence goes to `weak`: shown, never answered.
 */
function gather(signals: readonly Signal[], facets: Map<string, Library['facets'][number]>, lib: Library): { findings: Finding[]; weak: Finding[] } {
  const byId = new Map<string, Finding>();
  for (const signal of signals) {
    if (signal.type !== 'facet') continue;
    const facet = facets.get(signal.id);
    if (!facet || facet.kind !== signal.kind) continue; // A detector may name a facet a custom library does not have.
    const finding = byId.get(facet.id) ?? { kind: facet.kind, id: facet.id, name: facet.name, evidence: [] };
    addEvidence(finding.evidence, { ...signal.evidence });
    byId.set(facet.id, finding);
  }
  const strong = [...byId.values()].filter((f) => !f.evidence.every(isWeak));
  const weak = [...byId.values()].filter((f) => f.evidence.every(isWeak));
  // Strong evidence first, so what decided a finding is what a reader sees first.
  for (const f of strong) f.evidence.sort((a, b) => Number(isWeak(a)) - Number(isWeak(b)));
  inferHttpApi(strong, lib);
  const order = (f: Finding) => lib.facets.findIndex((x) => x.id === f.id);
  const sort = (list: Finding[]) =>
    list.sort((a, b) => FACET_KINDS.indexOf(a.kind) - FACET_KINDS.indexOf(b.kind) || b.evidence.length - a.evidence.length || order(a) - order(b));
  return { findings: sort(strong), weak: sort(weak) };
}

/**
 * Every framework in the library serves HTTP; without any API contract or route in the repository,
 * REST is the likely style. Said so in the evidence, so the wizard shows it as the guess it is.
 */
function inferHttpApi(findings: Finding[], lib: Library): void {
  const framework = findings.find((f) => f.kind === 'framework');
  const rest = lib.facets.find((f) => f.id === 'rest' && f.kind === 'api');
  if (!framework || !rest || findings.some((f) => f.kind === 'api')) return;
  findings.push({
    kind: 'api', id: rest.id, name: rest.name,
    evidence: [{ file: framework.evidence[0]!.file, detail: `inferred: ${framework.name} serves HTTP and no API contract (.proto, GraphQL schema, OpenAPI) or route was found` }],
  });
}

function gatherUnsupported(signals: readonly Signal[]): Unsupported[] {
  const byName = new Map<string, Unsupported>();
  for (const s of signals) {
    if (s.type !== 'unsupported') continue;
    const entry = byName.get(s.name) ?? { name: s.name, ...(s.kind ? { kind: s.kind } : {}), evidence: [] };
    addEvidence(entry.evidence, { ...s.evidence });
    byName.set(s.name, entry);
  }
  return [...byName.values()];
}

function gatherCi(signals: readonly Signal[]): CiSystem[] {
  const byName = new Map<string, CiSystem>();
  for (const s of signals) {
    if (s.type !== 'ci') continue;
    const entry = byName.get(s.name) ?? { name: s.name, files: [] };
    if (!entry.files.includes(s.file)) entry.files.push(s.file);
    byName.set(s.name, entry);
  }
  return [...byName.values()];
}
