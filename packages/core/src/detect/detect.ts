/**
 * Stack detection: a pure function of a read-only view of the repository. Each ecosystem's detector
 * reports signals with evidence; this module splits a monorepo into its packages, runs the detectors
 * over each, and gathers the findings.
 */
import { library as builtInLibrary, type Library } from '../library/index.js';
import { FACET_KINDS } from '../library/schema.js';
import { toSlug } from '../answers/schema.js';
import type { RepoView } from '../repo-view.js';
import type { Detection, Evidence, Finding, PackageDetection, Unsupported, CiSystem, ExistingAgent } from './types.js';
import { dirOf, type Detector, type Scope, type Signal } from './scope.js';
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
import { detectCi } from './ci.js';
import { detectAgents } from './agents.js';
import { detectAdrLog } from './adr-log.js';

/** Run over the root and over each package of a monorepo. */
const PACKAGE_DETECTORS: readonly Detector[] = [
  detectNode, detectGo, detectPython, detectJvm, detectRust, detectDotnet, detectOtherLanguages,
  detectPrisma, detectContainers, detectKubernetes, detectTerraform, detectServerless, detectApiSpecs,
];
/** Run once over the whole repository: their files live at fixed places from the root. */
const REPOSITORY_DETECTORS: readonly Detector[] = [detectCi, detectAgents];

export function detectRepo(view: RepoView, lib: Library = builtInLibrary): Detection {
  const repo: Scope = { dir: '', files: view.files, read: (path) => view.read(path) };
  const layout = findWorkspaces(repo);
  const packageDirs = layout?.packageDirs ?? [];

  // Each file belongs to its nearest package folder (found by walking up its folders, so a
  // thousand-package monorepo costs no more than a small one per file).
  const byDir = new Map<string, string[]>([['', []], ...packageDirs.map((d): [string, string[]] => [d, []])]);
  for (const file of view.files) {
    let dir = dirOf(file);
    while (dir !== '' && !byDir.has(dir)) dir = dirOf(dir);
    byDir.get(dir)!.push(file);
  }
  const scopes: Scope[] = [...byDir].map(([dir, files]) => ({ dir, files, read: repo.read }));

  const perScope = new Map<string, Signal[]>(scopes.map((scope) => [scope.dir, PACKAGE_DETECTORS.flatMap((detect) => detect(scope, lib))]));
  const repositoryWide = REPOSITORY_DETECTORS.flatMap((detect) => detect(repo, lib));
  const all = [...[...perScope.values()].flat(), ...repositoryWide];

  const packages: PackageDetection[] = packageDirs.map((dir) => {
    const signals = perScope.get(dir)!;
    const name = ownName(signals, dir);
    return { path: dir, ...(name ? { name: name.name } : {}), findings: gather(signals, lib) };
  });
  const service = ownName(perScope.get('')!, '');

  return {
    findings: gather(all, lib),
    unsupported: gatherUnsupported(all),
    monorepo: layout ? { tools: layout.tools, packages } : null,
    ci: gatherCi(all),
    agents: all.flatMap((s): ExistingAgent[] => (s.type === 'agent' ? [{ tool: s.tool, path: s.path }] : [])),
    adrLog: detectAdrLog(view),
    service,
  };
}

/** The name the folder's own manifest gives, made a valid service name ("@acme/Orders_API" -> "orders-api"). */
function ownName(signals: readonly Signal[], dir: string): { name: string; evidence: Evidence } | null {
  for (const signal of signals) {
    if (signal.type !== 'name' || dirOf(signal.evidence.file) !== dir) continue;
    const name = toSlug(signal.name);
    if (name) return { name, evidence: signal.evidence };
  }
  return null;
}

function addEvidence(list: Evidence[], evidence: Evidence): void {
  if (!list.some((e) => e.file === evidence.file && e.detail === evidence.detail)) list.push(evidence);
}

/** Facet signals grouped into findings: kinds in the library's order, then the best-evidenced first. */
function gather(signals: readonly Signal[], lib: Library): Finding[] {
  const byId = new Map<string, Finding>();
  for (const signal of signals) {
    if (signal.type !== 'facet') continue;
    const facet = lib.facets.find((f) => f.id === signal.id && f.kind === signal.kind);
    if (!facet) continue; // A detector may name a facet a custom library does not have.
    const finding = byId.get(facet.id) ?? { kind: facet.kind, id: facet.id, name: facet.name, evidence: [] };
    addEvidence(finding.evidence, signal.evidence);
    byId.set(facet.id, finding);
  }
  const findings = [...byId.values()];
  inferHttpApi(findings, lib);
  const order = (f: Finding) => lib.facets.findIndex((x) => x.id === f.id);
  return findings.sort((a, b) => FACET_KINDS.indexOf(a.kind) - FACET_KINDS.indexOf(b.kind) || b.evidence.length - a.evidence.length || order(a) - order(b));
}

/**
 * Every framework in the library serves HTTP; without any API contract in the repository, REST is
 * the likely style. Said so in the evidence, so the wizard shows it as the guess it is.
 */
function inferHttpApi(findings: Finding[], lib: Library): void {
  const framework = findings.find((f) => f.kind === 'framework');
  const rest = lib.facets.find((f) => f.id === 'rest' && f.kind === 'api');
  if (!framework || !rest || findings.some((f) => f.kind === 'api')) return;
  findings.push({
    kind: 'api', id: rest.id, name: rest.name,
    evidence: [{ file: framework.evidence[0]!.file, detail: `inferred: ${framework.name} serves HTTP and no API contract (.proto, GraphQL schema, OpenAPI) was found` }],
  });
}

function gatherUnsupported(signals: readonly Signal[]): Unsupported[] {
  const byName = new Map<string, Unsupported>();
  for (const s of signals) {
    if (s.type !== 'unsupported') continue;
    const entry = byName.get(s.name) ?? { name: s.name, evidence: [] };
    addEvidence(entry.evidence, s.evidence);
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
