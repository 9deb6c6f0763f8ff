#!/usr/bin/env node
/**
 * `pnpm bench`: whole-process timings of the built CLI (packages/create-backend-agent/dist/bin.cjs, the bins' entry)
 * against create-vite (a root devDependency) and `node -e 0`, measured in the same run; a per-phase
 * profile of a scaffold; `pnpm create` of both packages from a local registry with an empty store;
 * and the size of the tarball `npm pack` makes.
 *
 *   node scripts/bench.mjs [--runs N] [--json]   everything (pnpm bench builds first)
 *   node scripts/bench.mjs --profile [--runs N]  only the phase table of a scaffold and a re-run
 *   --registry-runs N                            pairs of `pnpm create` runs (default 5; 0 skips them)
 *   --monorepo-runs N                            timed runs of the 1,000-package cases (default 5)
 *
 * Cases run round-robin, one run of each per round after warm-up rounds, so each case and its
 * create-vite anchor run back to back (A B A B ...) and a burst of load hits both alike. A ratio is
 * the median of the per-round ratios of the pair. Fixtures (empty folders, an existing scaffold, a
 * 1,000-package monorepo) are made before timing and removed at the end.
 *
 * The profile comes from CBA_PROFILE=1 (packages/create-backend-agent/src/profile.ts): the CLI
 * prints when each phase ended, ms since the process started; the table gives each phase's share.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const pkgDir = join(root, 'packages/create-backend-agent');
const cli = join(pkgDir, 'dist/bin.cjs');
const argv = process.argv.slice(2);
const option = (name, fallback) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : fallback);
const RUNS = option('--runs', 20) || 20;
const REGISTRY_RUNS = option('--registry-runs', Math.min(RUNS, 5));
const WARMUP = 3;
const asJson = argv.includes('--json');
const profileOnly = argv.includes('--profile');
const started = performance.now();

if (!existsSync(cli)) {
  console.error(`No bundle at ${cli}; run \`pnpm build\` first (pnpm bench does).`);
  process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), 'cba-bench-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

/** A fresh empty folder for each timed run, made before the clock starts. */
let counter = 0;
const freshDir = (prefix) => {
  const dir = join(work, `${prefix}-${counter++}`);
  mkdirSync(dir);
  return dir;
};

const node = process.execPath;
// NODE_EXTRA_CA_CERTS makes every Node process parse a CA bundle at start-up (about 90 ms on this
// kind of machine, which sets it for its proxy): a constant added to both sides of each pair that
// would hide what the CLI itself costs. No case makes a TLS connection (the registry is loopback).
delete process.env.NODE_EXTRA_CA_CERTS;
// The CLI keeps V8's code cache in XDG_CACHE_HOME (src/code-cache.ts): the bench's own, so it starts
// empty and the warm-up rounds fill it, as a user's first runs do; the first-run case gets a new one each time.
const env = { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: join(work, 'xdg-cache') };
function run(args, { check = true, extraEnv = {} } = {}) {
  const result = spawnSync(node, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...env, ...extraEnv }, cwd: work, maxBuffer: 64 * 1024 * 1024 });
  if (check && result.status !== 0) {
    throw new Error(`node ${args.join(' ')} exited ${result.status}:\n${result.stderr}${result.stdout}`.slice(0, 2000));
  }
  return result;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fixed = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '–');

// --- fixtures ---------------------------------------------------------------------------------
const DATE = '2026-01-01';
const existing = freshDir('existing');
run([cli, existing, '--yes', '--date', DATE]);

/**
 * The 1,000-package workspace of 200 services on five stacks in three languages and 800 shared
 * libraries (packages/core/src/test-support/workspace.ts, which the core's tests check for
 * correctness), written to `dir`.
 */
async function makeMonorepo(dir) {
  const { tsImport } = await import('tsx/esm/api');
  const { generatedWorkspace } = await tsImport('../packages/core/src/test-support/workspace.ts', import.meta.url);
  for (const [file, content] of Object.entries(generatedWorkspace(MONOREPO_PACKAGES, MONOREPO_SERVICES).files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), content);
  }
}
const MONOREPO_PACKAGES = 1000;
const MONOREPO_SERVICES = 200;
/** Timed runs of the monorepo cases (each scaffold needs a fresh copy of the workspace). */
const MONOREPO_RUNS = Math.min(RUNS, option('--monorepo-runs', 5) || 5);

const createVitePkg = join(root, 'node_modules/create-vite/package.json');
const createVite = existsSync(createVitePkg) ? (() => {
  const meta = JSON.parse(readFileSync(createVitePkg, 'utf8'));
  const bin = typeof meta.bin === 'string' ? meta.bin : Object.values(meta.bin)[0];
  return { version: meta.version, dir: dirname(createVitePkg), bin: join(dirname(createVitePkg), bin) };
})() : undefined;
const noVite = 'skipped: create-vite is not installed (pnpm install)';

// --- the profile ------------------------------------------------------------------------------
/** The phases the CLI marks (profile.ts), in order, with what each one covers. */
const PHASES = [
  ['entry', 'Node start-up and the entries (dist/bin.cjs, dist/cli.cjs)'],
  ['load', 'module load: the command\'s chunks (engine, libraries, template library)'],
  ['read', 'read the target and detect its stack'],
  ['answers', 'answers: resolve and validate the layers'],
  ['compose', 'compose: blocks, facets and the render context'],
  ['render', 'render: agent, skills, docs, frontmatter, manifest'],
  ['plan', 'plan: read what the tree would touch, compare'],
  ['apply', 'apply: stage and rename (nothing on a dry run)'],
  ['exit', 'report and exit'],
];

function profile(label, args, runs, extraEnv = () => ({})) {
  const durations = new Map(PHASES.map(([id]) => [id, []]));
  const walls = [];
  const outside = [];
  for (let i = 0; i < WARMUP + runs; i++) {
    const start = process.hrtime.bigint();
    const result = run(args(), { extraEnv: { CBA_PROFILE: '1', ...extraEnv() } });
    const wall = Number(process.hrtime.bigint() - start) / 1e6;
    const line = result.stderr.toString().split('\n').find((l) => l.startsWith('cba-profile '));
    if (!line) throw new Error(`${label}: the CLI printed no profile (is dist/ built from this source?)`);
    if (i < WARMUP) continue;
    const marks = JSON.parse(line.slice('cba-profile '.length));
    let previous = 0;
    for (const [id] of PHASES) {
      if (marks[id] === undefined) continue;
      durations.get(id).push(marks[id] - previous);
      previous = marks[id];
    }
    walls.push(wall);
    outside.push(wall - marks.exit);
  }
  const wall = median(walls);
  const rows = PHASES.filter(([id]) => durations.get(id).length > 0).map(([id, what]) => ({ id, what, ms: median(durations.get(id)) }));
  rows.push({ id: 'outside', what: 'outside the process: spawn and teardown', ms: median(outside) });
  return { label, runs, wallMs: wall, phases: rows };
}

function profileTable(p) {
  const lines = [`${p.label}: median of ${p.runs} profiled runs, ${fixed(p.wallMs)} ms whole-process`, '', '| Phase | Median ms | Share |', '| --- | ---: | ---: |'];
  for (const row of p.phases) lines.push(`| ${row.what} | ${fixed(row.ms)} | ${fixed((row.ms / p.wallMs) * 100, 0)}% |`);
  return lines.join('\n');
}

const profiles = [
  profile('`--yes` scaffold into an empty folder', () => [cli, freshDir('profile'), '--yes', '--date', DATE], RUNS),
  profile('`--yes --dry-run` re-run on a scaffold', () => [cli, existing, '--yes', '--dry-run'], RUNS),
  profile('`--yes` scaffold, first run (no code cache yet: it writes one at exit)', () => [cli, freshDir('profile-first'), '--yes', '--date', DATE], RUNS, () => ({ XDG_CACHE_HOME: freshDir('first-cache') })),
];

if (profileOnly) {
  const floors = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    run(['-e', '0']);
    floors.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  if (asJson) {
    console.log(JSON.stringify({ machine: machine(), floorMs: median(floors), profiles }, null, 2));
  } else {
    console.log(`create-backend-agent phase profile (CBA_PROFILE=1); \`node -e 0\` takes ${fixed(median(floors))} ms here`);
    console.log(machine());
    for (const p of profiles) console.log(`\n${profileTable(p)}`);
  }
  process.exit(0);
}

const monorepo = freshDir('monorepo');
await makeMonorepo(monorepo);
/** A fresh copy of the workspace for each scaffold, made before the clock starts. */
const monorepoCopy = () => {
  const dir = freshDir('monorepo-scaffold');
  cpSync(monorepo, dir, { recursive: true });
  return dir;
};

// --- cases ------------------------------------------------------------------------------------
/**
 * `pair`: the case timed right before this one in each round, and the ratio to it that the target
 * holds (create-vite's counterpart, or the scaffold for a re-run).
 */
const CASES = [
  { id: 'floor', label: '`node -e 0` (the floor)', args: () => ['-e', '0'] },
  createVite
    ? { id: 'vite-help', label: `create-vite ${createVite.version} \`--help\``, args: () => [createVite.bin, '--help'] }
    : { id: 'vite-help', label: 'create-vite `--help`', skip: noVite },
  { id: 'help', label: '`--help`', args: () => [cli, '--help'], pair: 'vite-help', target: { floor: 1.15 } },
  { id: 'version', label: '`--version`', args: () => [cli, '--version'] },
  createVite
    ? { id: 'vite-scaffold', label: `create-vite ${createVite.version} \`vanilla-ts\` scaffold`, args: () => [createVite.bin, join(freshDir('vite'), 'app'), '--template', 'vanilla-ts'] }
    : { id: 'vite-scaffold', label: 'create-vite `vanilla-ts` scaffold', skip: noVite },
  { id: 'scaffold', label: '`--yes` scaffold into an empty folder', args: () => [cli, freshDir('scaffold'), '--yes', '--date', DATE], pair: 'vite-scaffold', target: { pair: 1.0 } },
  { id: 'dry-run', label: '`--yes --dry-run` re-run on a scaffold', args: () => [cli, existing, '--yes', '--dry-run'], pair: 'scaffold', target: { pair: 1.1 } },
  // Not right after its pair: two cases sit between them in each round.
  {
    id: 'scaffold-first', label: '`--yes` scaffold, first run (no code cache yet: it writes one)', args: () => [cli, freshDir('scaffold-first'), '--yes', '--date', DATE],
    env: () => ({ XDG_CACHE_HOME: freshDir('first-cache') }), pair: 'vite-scaffold', target: { pair: 1.0 },
  },
  {
    id: 'detect', label: '`detect` on a 1,000-package monorepo (200 services)', args: () => [cli, 'detect', monorepo],
    runs: MONOREPO_RUNS, budget: { ms: 1000, rssMb: 300 },
  },
  {
    id: 'monorepo', label: '`--yes` scaffold of that monorepo (each service its docs and nested AGENTS.md)',
    args: () => [cli, monorepoCopy(), '--yes', '--date', DATE, '--set', 'outputs.formats=claude,agents-md'],
    runs: MONOREPO_RUNS, budget: { ms: 3000, rssMb: 300 },
  },
];

const timings = new Map(CASES.map((c) => [c.id, []]));
for (let round = 0; round < WARMUP + RUNS; round++) {
  for (const c of CASES) {
    if (c.skip || (c.runs !== undefined && round >= WARMUP + c.runs)) continue;
    const args = c.args();
    const caseEnv = c.env ? { ...env, ...c.env() } : env;
    const start = process.hrtime.bigint();
    const result = spawnSync(node, args, { stdio: 'ignore', env: caseEnv, cwd: work });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.status !== 0) throw new Error(`${c.label} failed (exit ${result.status}): node ${args.join(' ')}`);
    if (round >= WARMUP) timings.get(c.id).push(ms);
  }
}

/** The median of per-round ratios a[i] / b[i]: the two ran back to back in each round. */
const pairedRatio = (a, b) => (a && b && a.length === b.length ? median(a.map((x, i) => x / b[i])) : NaN);
const stats = Object.fromEntries(CASES.filter((c) => !c.skip).map((c) => {
  const xs = timings.get(c.id);
  const pair = c.pair && timings.get(c.pair);
  return [c.id, {
    median: median(xs), min: Math.min(...xs), max: Math.max(...xs),
    // A case with fewer runs than the floor is compared by medians.
    floorRatio: c.runs !== undefined ? median(xs) / median(timings.get('floor')) : pairedRatio(xs, timings.get('floor')),
    ...(c.budget ? { budgetRatio: median(xs) / c.budget.ms } : {}),
    ...(pair && pair.length > 0 ? { pairRatio: pairedRatio(xs, pair) } : {}),
  }];
}));
const floor = stats.floor.median;

function verdictOf(ratio, limit, against) {
  if (!Number.isFinite(ratio)) return `no ${against} in this run`;
  return ratio <= limit ? `meets ≤ ${limit}× ${against}` : `misses ≤ ${limit}× ${against} by ${fixed(ratio - limit, 2)}×`;
}
/**
 * Peak resident memory of one run of a case, from GNU time (`/usr/bin/time -f %M`, kilobytes), on a
 * run of its own so that the timed runs carry no wrapper.
 */
function peakRssMb(c) {
  if (!existsSync('/usr/bin/time')) return undefined;
  const result = spawnSync('/usr/bin/time', ['-f', 'peak-rss-kb %M', node, ...c.args()], { stdio: ['ignore', 'ignore', 'pipe'], env, cwd: work, encoding: 'utf8' });
  const kb = Number(/peak-rss-kb (\d+)/.exec(result.stderr ?? '')?.[1]);
  return result.status === 0 && Number.isFinite(kb) ? kb / 1024 : undefined;
}
for (const c of CASES) if (c.budget && !c.skip) stats[c.id].peakRssMb = peakRssMb(c);

/** A budgeted case: its median as a share of the time budget, and its peak memory against its own. */
function budgetVerdict(c) {
  const s = stats[c.id];
  const time = `${fixed(s.budgetRatio, 2)}× its ${c.budget.ms / 1000} s budget (${s.budgetRatio <= 1 ? 'meets' : 'misses'})`;
  const rss = s.peakRssMb === undefined
    ? 'peak RSS unmeasured (no /usr/bin/time)'
    : `peak RSS ${fixed(s.peakRssMb, 0)} MB, ${fixed(s.peakRssMb / c.budget.rssMb, 2)}× its ${c.budget.rssMb} MB (${s.peakRssMb <= c.budget.rssMb ? 'meets' : 'misses'})`;
  return `${time}; ${rss}`;
}

function verdict(c) {
  if (c.budget && !c.skip) return budgetVerdict(c);
  if (!c.target || c.skip) return '';
  const s = stats[c.id];
  const parts = [];
  if (c.target.floor) parts.push(verdictOf(s.floorRatio, c.target.floor, '`node -e 0`'));
  if (c.target.pair) parts.push(verdictOf(s.pairRatio, c.target.pair, c.pair === 'scaffold' ? 'the scaffold' : 'create-vite'));
  return parts.join('; ');
}

// --- pnpm create from a local registry ----------------------------------------------------------
/**
 * What a user waits for: `pnpm create <name>` resolving, downloading and running the package, with an
 * empty pnpm store and cache each time, from verdaccio on 127.0.0.1 (test/support/registry.ts) holding
 * both tarballs. Runs are asynchronous, since the registry serves from this process.
 */
async function registryCases(runs) {
  if (runs <= 0) return { skipped: 'skipped: --registry-runs 0' };
  if (!createVite) return { skipped: noVite };
  const { tsImport } = await import('tsx/esm/api');
  const { startRegistry, pnpmCommand } = await tsImport('../test/support/registry.ts', import.meta.url);
  let pnpm;
  try {
    pnpm = pnpmCommand();
  } catch (error) {
    return { skipped: `skipped: ${error.message}` };
  }
  const dir = join(work, 'registry');
  const registry = await startRegistry(dir);
  try {
    const exec = (command, args, cwd, extraEnv = {}) => new Promise((resolve, reject) => {
      const child = spawn(command, args, { cwd, env: { ...registry.env, ...extraEnv }, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d) => { stderr += d; });
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited ${code}:\n${stderr.slice(0, 2000)}`))));
    });
    for (const from of [pkgDir, createVite.dir]) {
      const packed = spawnSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { cwd: from, encoding: 'utf8', env: registry.env });
      if (packed.status !== 0) throw new Error(`npm pack in ${from} failed:\n${packed.stderr}`);
      await exec('npm', ['publish', '--ignore-scripts', join(dir, JSON.parse(packed.stdout)[0].filename)], dir);
    }
    const [pnpmFile, ...pnpmArgs] = pnpm;
    const cases = [
      { id: 'registry-vite', label: `\`pnpm create vite app --template vanilla-ts\` (create-vite ${createVite.version})`, args: ['create', 'vite', 'app', '--template', 'vanilla-ts'] },
      { id: 'registry-scaffold', label: '`pnpm create backend-agent app --yes`', args: ['create', 'backend-agent', 'app', '--yes', '--date', DATE], pair: 'registry-vite' },
    ];
    const times = new Map(cases.map((c) => [c.id, []]));
    for (let round = 0; round < 1 + runs; round++) {
      for (const c of cases) {
        // An empty store and cache: every run downloads the package, as a first `pnpm create` does.
        const fresh = freshDir(`registry-${c.id}`);
        const extraEnv = { npm_config_store_dir: join(fresh, 'store'), npm_config_cache_dir: join(fresh, 'cache'), XDG_CACHE_HOME: join(fresh, 'xdg-cache') };
        const cwd = join(fresh, 'cwd');
        mkdirSync(cwd);
        const start = process.hrtime.bigint();
        await exec(pnpmFile, [...pnpmArgs, ...c.args], cwd, extraEnv);
        const ms = Number(process.hrtime.bigint() - start) / 1e6;
        if (!existsSync(join(cwd, 'app'))) throw new Error(`${c.label} wrote nothing into ${cwd}/app`);
        if (round >= 1) times.get(c.id).push(ms);
      }
    }
    return {
      runs,
      cases: cases.map((c) => ({
        id: c.id, label: c.label, median: median(times.get(c.id)),
        ...(c.pair ? { pairRatio: pairedRatio(times.get(c.id), times.get(c.pair)) } : {}),
      })),
    };
  } finally {
    await registry.stop();
  }
}
const registryResult = await registryCases(REGISTRY_RUNS);

// --- sizes ------------------------------------------------------------------------------------
const pack = spawnSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: pkgDir, encoding: 'utf8', env: { ...process.env, npm_config_loglevel: 'error', npm_config_cache: join(work, 'npm-cache') } });
if (pack.status !== 0) throw new Error(`npm pack failed:\n${pack.stderr}`);
const packed = JSON.parse(pack.stdout)[0];
const manifest = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
const runtimeDeps = Object.keys(manifest.dependencies ?? {}).length;
// kB as npm prints them (1,000 bytes).
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const entryBytes = packed.files.filter((f) => f.path === 'dist/bin.cjs').reduce((sum, f) => sum + f.size, 0);

// --- report -----------------------------------------------------------------------------------
function machine() {
  const cpu = cpus();
  return `Node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${process.platform}; load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`;
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);

if (asJson) {
  console.log(JSON.stringify({
    machine: machine(), runs: RUNS, warmup: WARMUP, seconds: Number(seconds), floorMs: floor,
    cases: CASES.map((c) => ({ id: c.id, label: c.label, skipped: c.skip, pair: c.pair, ...stats[c.id], verdict: verdict(c) || undefined })),
    registry: registryResult,
    profiles,
    tarball: { packedBytes: packed.size, unpackedBytes: packed.unpackedSize, files: packed.entryCount, entryBytes, runtimeDependencies: runtimeDeps },
  }, null, 2));
} else {
  console.log(`create-backend-agent ${manifest.version}: medians of ${RUNS} runs after ${WARMUP} warm-up rounds, cases taking turns (${seconds} s in all)`);
  console.log(machine());
  console.log('');
  console.log('| Case | Median ms | × `node -e 0` | × its pair | Range ms | Target |');
  console.log('| --- | ---: | ---: | ---: | ---: | --- |');
  for (const c of CASES) {
    if (c.skip) {
      console.log(`| ${c.label} | – | – | – | – | ${c.skip} |`);
      continue;
    }
    const s = stats[c.id];
    const pair = s.pairRatio === undefined ? '' : `${fixed(s.pairRatio, 2)}× ${c.pair === 'scaffold' ? 'the scaffold' : 'create-vite'}`;
    console.log(`| ${c.label} | ${fixed(s.median)} | ${fixed(s.floorRatio, 2)}× | ${pair} | ${fixed(s.min)}–${fixed(s.max)} | ${verdict(c)} |`);
  }
  console.log('');
  if (registryResult.skipped) {
    console.log(`pnpm create from a local registry: ${registryResult.skipped}`);
  } else {
    console.log(`pnpm create from a local registry (verdaccio on 127.0.0.1), empty store and cache each run: medians of ${registryResult.runs} pair(s) after one warm-up pair`);
    console.log('');
    console.log('| Case | Median ms | × create-vite | Target |');
    console.log('| --- | ---: | ---: | --- |');
    for (const c of registryResult.cases) {
      console.log(`| ${c.label} | ${fixed(c.median, 0)} | ${c.pairRatio === undefined ? '' : `${fixed(c.pairRatio, 2)}×`} | ${c.pairRatio === undefined ? '' : verdictOf(c.pairRatio, 1.0, 'create-vite')} |`);
    }
  }
  for (const p of profiles) console.log(`\n${profileTable(p)}`);
  console.log('');
  console.log('| Package | Value | Target |');
  console.log('| --- | ---: | --- |');
  console.log(`| Tarball (\`npm pack\`), packed | ${kb(packed.size)} | ${packed.size <= 250_000 ? 'meets ≤ 250 kB' : `misses ≤ 250 kB by ${kb(packed.size - 250_000)}`} |`);
  console.log(`| Tarball, unpacked (${packed.entryCount} files) | ${kb(packed.unpackedSize)} | |`);
  console.log(`| Entry point \`dist/bin.cjs\` (all that \`--help\` and \`--version\` load) | ${kb(entryBytes)} | |`);
  console.log(`| Runtime \`dependencies\` | ${runtimeDeps} | ${runtimeDeps === 0 ? 'meets' : 'misses'} 0 |`);
}
