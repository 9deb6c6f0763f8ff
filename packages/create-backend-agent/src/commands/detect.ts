/**
 * `backend-agent detect [dir] [--json]`: what the repository says about its stack, with the file
 * behind every finding, and the answers it gives the wizard and --yes runs. Read-only.
 */
import { parseStrict } from '../args.js';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  FACET_KINDS, InputError, detectRepo, detectedAnswers, getPath, setExpression, STACK_KINDS,
  type Detection, type FacetKind, type StackFinding,
} from '@create-backend-agent/core';
import { diskRepoView } from '../edge/repo-view.js';
import { readManifest } from '../edge/target.js';
import { libraryWithPacks, requestedPacks } from '../edge/packs.js';
import { pc, type Output } from '../report.js';

const HELP = `Usage: backend-agent detect [dir] [--json]

Reads the repository in dir (default: the current folder) and prints the stack it finds, each
finding with its evidence (the file, and what in it): languages, frameworks, datastores, messaging,
cloud, infrastructure and API styles from package.json, go.mod, pyproject.toml, requirements*.txt,
pom.xml, build.gradle(.kts), Cargo.toml, *.csproj, Gemfile, Compose files, Dockerfiles, Kubernetes
manifests, Helm charts, Terraform, serverless configs, connection URLs in settings and .env.example,
.NET Aspire AppHosts, HTTP routes and CI workflows; the packages of a monorepo (pnpm, npm/yarn
workspaces, Nx, Turborepo, go.work, .sln/.slnx, Maven modules, Gradle includes, uv, Poetry and Cargo
workspaces, src/<name> and services/<name> service folders), each by its package name with its own
stack and what its workspace dependencies bring; agents other tools already read; the ADR log.
Dev/test-only dependencies are shown as weak evidence and never answer on their own; technologies
without a facet are listed as "found, no facet yet". The wizard pre-fills these answers and --yes
uses them. Writes nothing.`;

const KIND_LABEL: Record<FacetKind, string> = {
  language: 'Languages', framework: 'Frameworks', datastore: 'Datastores', messaging: 'Messaging',
  cloud: 'Cloud', infrastructure: 'Infrastructure', api: 'API styles', compliance: 'Compliance',
};
/** Evidence lines shown per finding; --json has them all. */
const SHOWN = 3;

export async function runDetect(argv: readonly string[], env: { cwd: string }, output: Output): Promise<number> {
  const parsed = parseStrict(argv, { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const, 'Run backend-agent detect --help.');
  if (parsed.values.help) {
    output.out(HELP);
    return 0;
  }
  if (parsed.positionals.length > 1) throw new InputError(`Expected one folder, got ${parsed.positionals.length}: ${parsed.positionals.join(' ')}.`);
  const dir = resolve(env.cwd, parsed.positionals[0] ?? '.');
  const stats = await stat(dir).catch(() => null);
  if (!stats?.isDirectory()) throw new InputError(`${dir} is not a folder.`, 'Pass the repository folder: backend-agent detect path/to/repo.');

  // A team pack's facets are detected by their aliases like the library's own.
  const previous = await readManifest(dir).catch(() => null);
  const { lib } = await libraryWithPacks(dir, requestedPacks(dir, previous ? [{ source: 'the last run', values: previous.answers as unknown as Record<string, unknown> }] : []));
  const detection = detectRepo(diskRepoView(dir), lib);
  const answers = detectedAnswers(detection).values;
  if (parsed.values.json) {
    output.out(JSON.stringify({ target: dir, ...detection, answers }, null, 2));
    return 0;
  }
  output.out(detectionText(dir, detection, answers));
  return 0;
}

const evidenceLine = (e: { file: string; detail: string; weak?: true }) => pc.dim(`${e.file}: ${e.detail}${e.weak ? ' (weak)' : ''}`);

function findingLines(findings: readonly StackFinding[], indent: string): string[] {
  const nameW = Math.max(0, ...findings.map((f) => f.name.length));
  const lines: string[] = [];
  for (const kind of FACET_KINDS) {
    const ofKind = findings.filter((f) => f.kind === kind);
    ofKind.forEach((f, i) => {
      const label = i === 0 ? KIND_LABEL[kind] : '';
      f.evidence.slice(0, SHOWN).forEach((e, j) => {
        const head = j === 0 ? `${indent}${label.padEnd(16)}${f.name.padEnd(nameW + 2)}` : ' '.repeat(indent.length + 16 + nameW + 2);
        lines.push(`${head}${evidenceLine(e)}`);
      });
      if (f.evidence.length > SHOWN) lines.push(`${' '.repeat(indent.length + 16 + nameW + 2)}${pc.dim(`+${f.evidence.length - SHOWN} more (--json lists them)`)}`);
    });
  }
  return lines;
}

export function detectionText(dir: string, d: Detection, answers: Record<string, unknown>): string {
  const lines = [`${pc.bold('Detected in')} ${dir}`, ''];
  if (d.findings.length === 0) lines.push('  No stack found (no manifest, container, infrastructure or CI file this version reads).');
  else lines.push(...findingLines(d.findings, '  '));
  // The service name's evidence lines up with the findings' evidence column.
  const nameW = Math.max(0, ...d.findings.map((f) => f.name.length));
  if (d.service) lines.push(`  ${'Service name'.padEnd(16)}${d.service.name.padEnd(nameW + 2)}${pc.dim(`${d.service.evidence.file}: ${d.service.evidence.detail}`)}`);
  if (d.weak.length > 0) lines.push('', pc.bold('Weak evidence') + pc.dim(' (dev/test-only dependencies, type packages, Testcontainers: shown, never answered)'), ...findingLines(d.weak, '  '));
  if (d.unsupported.length > 0) {
    lines.push('', pc.bold('Found, no facet yet') + pc.dim(' (reported, never answered; a facet with these aliases would cover them)'));
    const nameW = Math.max(0, ...d.unsupported.map((u) => u.name.length));
    for (const u of d.unsupported) {
      u.evidence.slice(0, SHOWN).forEach((e, j) => lines.push(`  ${(j === 0 ? u.name : '').padEnd(nameW + 2)}${(j === 0 ? u.kind ?? 'language' : '').padEnd(16)}${evidenceLine(e)}`));
      if (u.evidence.length > SHOWN) lines.push(`  ${' '.repeat(nameW + 2 + 16)}${pc.dim(`+${u.evidence.length - SHOWN} more (--json lists them)`)}`);
    }
  }

  if (d.monorepo) {
    lines.push('', pc.bold('Monorepo'));
    for (const t of d.monorepo.tools) lines.push(`  ${pc.dim(`${t.file}: ${t.detail}`)}`);
    // One line per package (a monorepo may have hundreds); --json has each package's evidence.
    const pathW = Math.max(0, ...d.monorepo.packages.map((p) => p.path.length));
    const nameW = Math.max(0, ...d.monorepo.packages.map((p) => p.name.length));
    const nameOf = new Map(d.monorepo.packages.map((p) => [p.path, p.name]));
    for (const p of d.monorepo.packages) {
      const stack = [...p.findings.map((f) => f.name), ...p.unsupported.filter((u) => !u.evidence.every((e) => e.weak)).map((u) => `${u.name} (no facet)`)].join(', ') || pc.dim('nothing found');
      const uses = p.uses.length ? pc.dim(`  uses ${p.uses.map((u) => nameOf.get(u) ?? u).join(', ')}`) : '';
      lines.push(`  ${p.path.padEnd(pathW)}  ${p.name.padEnd(nameW)}  ${stack}${uses}`);
    }
  }
  const other: Array<[label: string, value: string, why: string]> = [
    ...d.ci.map((ci): [string, string, string] => ['CI', ci.name, ci.files.join(', ')]),
    ...d.agents.map((a): [string, string, string] => ['Agent file', a.path, `(${a.tool})`]),
    ...(d.adrLog ? [['ADR log', `${d.adrLog.dir}/`, d.adrLog.evidence.map((e) => `${e.file}: ${e.detail}`).join('; ')] as [string, string, string]] : []),
  ];
  const valueW = Math.max(0, ...other.map(([, value]) => value.length));
  if (other.length) lines.push('', pc.bold('Around the code'), ...other.map(([label, value, why]) => `  ${label.padEnd(16)}${value.padEnd(valueW + 2)}${pc.dim(why)}`));

  const sets = [...STACK_KINDS.map(([path]) => path), 'service.name', 'outputs.paths.adrDir']
    .map((path) => [path, getPath(answers, path)] as const)
    .filter(([, value]) => value !== undefined)
    .map(([path, value]) => setExpression(path, value));
  const services = (getPath(answers, 'services') as Array<{ name: string; path: string }> | undefined) ?? [];
  lines.push('', pc.bold('As answers') + pc.dim(' (the wizard pre-fills them; --yes uses them; flags and answers files win)'));
  lines.push(sets.length ? sets.map((s) => `  ${s}`).join('\n') : '  none: the defaults apply');
  // Each service with its folder, package and own stack (the Monorepo lines above); --json has them as answers.
  if (services.length > 0) lines.push(`  services: ${services.map((s) => `${s.name} (${s.path})`).join(', ')}`);
  return lines.join('\n');
}
