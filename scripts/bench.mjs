#!/usr/bin/env node
/**
 * `pnpm bench`: whole-process timings of the built CLI (packages/create-backend-agent/dist/cli.js),
 * each as a median over repeated runs and as a ratio to `node -e 0` measured in the same run, next to
 * create-vite (a root devDependency) as the anchor; then the size of the tarball `npm pack` makes.
 *
 *   node scripts/bench.mjs [--runs N] [--json]      (pnpm bench builds first)
 *
 * The cases run round-robin (one run of each, N times, after warm-up rounds), so a burst of load on
 * the machine hits every case alike rather than one of them. Fixtures (empty folders, an existing
 * scaffold, a 1,000-package monorepo) are made before timing and removed at the end.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const pkgDir = join(root, 'packages/create-backend-agent');
const cli = join(pkgDir, 'dist/cli.js');
const argv = process.argv.slice(2);
const RUNS = Number(argv[argv.indexOf('--runs') + 1]) || 20;
const WARMUP = 3;
const asJson = argv.includes('--json');
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
const env = { ...process.env, NO_COLOR: '1' };
function run(args, { check = true } = {}) {
  const result = spawnSync(node, args, { stdio: ['ignore', 'pipe', 'pipe'], env, cwd: work, maxBuffer: 64 * 1024 * 1024 });
  if (check && result.status !== 0) {
    throw new Error(`node ${args.join(' ')} exited ${result.status}:\n${result.stderr}${result.stdout}`.slice(0, 2000));
  }
  return result;
}

// --- fixtures ---------------------------------------------------------------------------------
const DATE = '2026-01-01';
const existing = freshDir('existing');
run([cli, existing, '--yes', '--date', DATE]);

/** A pnpm monorepo of 1,000 services on a few stacks, as `detect` would meet in a large company repo. */
function makeMonorepo(dir, count) {
  const stacks = [
    { deps: { fastify: '^5.0.0', pg: '^8.11.0', kafkajs: '^2.2.4' }, files: { 'tsconfig.json': '{ "compilerOptions": { "strict": true } }\n', Dockerfile: 'FROM node:20-alpine\n' } },
    { deps: { express: '^4.19.0', ioredis: '^5.4.0', mongodb: '^6.8.0' }, files: { 'tsconfig.json': '{}\n' } },
    { deps: { '@nestjs/core': '^10.0.0', '@prisma/client': '^5.0.0' }, files: { 'prisma/schema.prisma': 'datasource db {\n  provider = "postgresql"\n  url = env("DATABASE_URL")\n}\n', Dockerfile: 'FROM node:20\n' } },
    { deps: {}, files: { 'go.mod': 'module example.com/svc\n\ngo 1.22\n\nrequire github.com/gin-gonic/gin v1.10.0\n', 'main.go': 'package main\n' } },
    { deps: {}, files: { 'pyproject.toml': '[project]\nname = "svc"\ndependencies = ["fastapi>=0.110", "sqlalchemy>=2.0"]\n', 'app/main.py': 'from fastapi import FastAPI\n' } },
  ];
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'monorepo', private: true }, null, 2)}\n`);
  writeFileSync(join(dir, 'pnpm-workspace.yaml'), 'packages:\n  - "packages/*"\n');
  for (let i = 0; i < count; i++) {
    const stack = stacks[i % stacks.length];
    const pkg = join(dir, 'packages', `svc-${String(i).padStart(4, '0')}`);
    mkdirSync(join(pkg, 'src'), { recursive: true });
    writeFileSync(join(pkg, 'package.json'), `${JSON.stringify({ name: `@corp/svc-${i}`, version: '1.0.0', dependencies: stack.deps }, null, 2)}\n`);
    writeFileSync(join(pkg, 'src/index.ts'), 'export {};\n');
    for (const [file, content] of Object.entries(stack.files)) {
      mkdirSync(dirname(join(pkg, file)), { recursive: true });
      writeFileSync(join(pkg, file), content);
    }
  }
}
const monorepo = freshDir('monorepo');
makeMonorepo(monorepo, 1000);

/** `detect` belongs to the stack-detection work; without it, the CLI treats "detect" as a folder name. */
const detectMissing = run([cli, 'detect', '--help'], { check: false }).stdout.toString() === run([cli, '--help']).stdout.toString();

const createVitePkg = join(root, 'node_modules/create-vite/package.json');
const createVite = existsSync(createVitePkg) ? (() => {
  const meta = JSON.parse(readFileSync(createVitePkg, 'utf8'));
  const bin = typeof meta.bin === 'string' ? meta.bin : Object.values(meta.bin)[0];
  return { version: meta.version, bin: join(dirname(createVitePkg), bin) };
})() : undefined;

// --- cases ------------------------------------------------------------------------------------
const CASES = [
  { id: 'floor', label: '`node -e 0` (the floor)', args: () => ['-e', '0'] },
  { id: 'help', label: '`--help`', args: () => [cli, '--help'], target: { ratio: 1.2 } },
  { id: 'version', label: '`--version`', args: () => [cli, '--version'] },
  { id: 'scaffold', label: '`--yes` scaffold into an empty folder', args: () => [cli, freshDir('scaffold'), '--yes', '--date', DATE], target: { ratio: 1.5, notSlowerThan: 'vite-scaffold' } },
  { id: 'dry-run', label: '`--yes --dry-run` re-run on a scaffold', args: () => [cli, existing, '--yes', '--dry-run'] },
  detectMissing
    ? { id: 'detect', label: '`detect` on a 1,000-package monorepo', skip: 'skipped: this build has no `detect` command yet' }
    : { id: 'detect', label: '`detect` on a 1,000-package monorepo', args: () => [cli, 'detect', monorepo] },
  createVite
    ? { id: 'vite-help', label: `create-vite ${createVite.version} \`--help\``, args: () => [createVite.bin, '--help'] }
    : { id: 'vite-help', label: 'create-vite `--help`', skip: 'skipped: create-vite is not installed (pnpm install)' },
  createVite
    ? { id: 'vite-scaffold', label: `create-vite ${createVite.version} \`vanilla-ts\` scaffold`, args: () => [createVite.bin, join(freshDir('vite'), 'app'), '--template', 'vanilla-ts'] }
    : { id: 'vite-scaffold', label: 'create-vite `vanilla-ts` scaffold', skip: 'skipped: create-vite is not installed (pnpm install)' },
];

const timings = new Map(CASES.map((c) => [c.id, []]));
for (let round = 0; round < WARMUP + RUNS; round++) {
  for (const c of CASES) {
    if (c.skip) continue;
    const args = c.args();
    const start = process.hrtime.bigint();
    const result = spawnSync(node, args, { stdio: 'ignore', env, cwd: work });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.status !== 0) throw new Error(`${c.label} failed (exit ${result.status}): node ${args.join(' ')}`);
    if (round >= WARMUP) timings.get(c.id).push(ms);
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const stats = Object.fromEntries(CASES.filter((c) => !c.skip).map((c) => {
  const xs = timings.get(c.id);
  return [c.id, { median: median(xs), min: Math.min(...xs), max: Math.max(...xs) }];
}));
const floor = stats.floor.median;

function verdict(c) {
  if (!c.target || c.skip) return '';
  const s = stats[c.id];
  const parts = [];
  if (c.target.ratio) parts.push(`${s.median / floor <= c.target.ratio ? 'meets' : 'misses'} ≤ ${c.target.ratio}×`);
  const other = c.target.notSlowerThan && stats[c.target.notSlowerThan];
  if (other) parts.push(`${s.median <= other.median ? 'meets' : 'misses'} ≤ create-vite`);
  return parts.join('; ');
}

// --- sizes ------------------------------------------------------------------------------------
const pack = spawnSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: pkgDir, encoding: 'utf8', env: { ...process.env, npm_config_loglevel: 'error', npm_config_cache: join(work, 'npm-cache') } });
if (pack.status !== 0) throw new Error(`npm pack failed:\n${pack.stderr}`);
const packed = JSON.parse(pack.stdout)[0];
const manifest = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
const runtimeDeps = Object.keys(manifest.dependencies ?? {}).length;
// kB as npm prints them (1,000 bytes).
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

// --- report -----------------------------------------------------------------------------------
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const cpu = cpus();
const machine = `Node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${process.platform}; load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`;

if (asJson) {
  console.log(JSON.stringify({ machine, runs: RUNS, warmup: WARMUP, seconds: Number(seconds), floorMs: floor, cases: CASES.map((c) => ({ id: c.id, label: c.label, skipped: c.skip, ...(stats[c.id] && { ...stats[c.id], ratio: stats[c.id].median / floor }), verdict: verdict(c) || undefined })), tarball: { packedBytes: packed.size, unpackedBytes: packed.unpackedSize, files: packed.entryCount, runtimeDependencies: runtimeDeps } }, null, 2));
} else {
  const rows = CASES.map((c) => {
    if (c.skip) return `| ${c.label} | – | – | – | ${c.skip} |`;
    const s = stats[c.id];
    return `| ${c.label} | ${s.median.toFixed(1)} | ${(s.median / floor).toFixed(2)}× | ${s.min.toFixed(1)}–${s.max.toFixed(1)} | ${verdict(c)} |`;
  });
  console.log(`create-backend-agent ${manifest.version}: medians of ${RUNS} runs after ${WARMUP} warm-up rounds (${seconds} s in all)`);
  console.log(machine);
  console.log('');
  console.log('| Case | Median ms | × floor | Range ms | Target |');
  console.log('| --- | ---: | ---: | ---: | --- |');
  for (const row of rows) console.log(row);
  console.log('');
  console.log('| Package | Value | Target |');
  console.log('| --- | ---: | --- |');
  console.log(`| Tarball (\`npm pack\`), packed | ${kb(packed.size)} | ${packed.size <= 250_000 ? 'meets' : 'misses'} ≤ 250 kB |`);
  console.log(`| Tarball, unpacked (${packed.entryCount} files) | ${kb(packed.unpackedSize)} | |`);
  console.log(`| Runtime \`dependencies\` | ${runtimeDeps} | ${runtimeDeps === 0 ? 'meets' : 'misses'} 0 |`);
}
