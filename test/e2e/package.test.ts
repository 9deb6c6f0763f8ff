/**
 * The published artefact: what `npm pack` puts in the tarball, that it runs from an empty folder
 * with no node_modules anywhere above it, and that start-up evaluates only what a command uses
 * (the bundle keeps everything else in lazy initialisers; proven with V8 coverage of a readable
 * build of the same bundle).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dirname, join, parse } from 'node:path';
import fs from 'fs-extra';
import { execa } from 'execa';
import { CLI, DATE, snapshot, tempDir } from '../support/cli.js';

const PACKAGE_DIR = join(CLI, '../..');
const pkg = fs.readJsonSync(join(PACKAGE_DIR, 'package.json'));

let root: string;
beforeAll(async () => {
  root = await tempDir('cba-package-');
});
afterAll(async () => {
  if (root) await fs.remove(root);
});

async function run(args: readonly string[], cwd: string, env: Record<string, string> = {}) {
  return execa('node', args, { cwd, env: { NO_COLOR: '1', ...env }, reject: false, stdin: 'ignore' });
}

describe('the npm pack tarball', () => {
  let extracted: string;
  let files: string[];
  beforeAll(async () => {
    const pack = await execa('npm', ['pack', '--json', '--pack-destination', root], {
      cwd: PACKAGE_DIR,
      // npm pack caches what it packs; keep that out of the user's ~/.npm.
      env: { npm_config_loglevel: 'error', npm_config_cache: join(root, 'npm-cache') },
    });
    const [info] = JSON.parse(pack.stdout) as [{ filename: string; files: { path: string }[] }];
    files = info.files.map((f) => f.path).sort();
    extracted = join(root, 'unpacked');
    await fs.ensureDir(extracted);
    await execa('tar', ['-xzf', join(root, info.filename), '-C', extracted]);
  }, 30_000);

  it('holds the bundle, its licences and the manifest, with no dependencies', async () => {
    // dist/plopfile.js: the plop / turbo gen generators, the package's main (generators.test.ts runs them).
    expect(files).toEqual(['LICENSE', 'README.md', 'dist/THIRD-PARTY-LICENSES.txt', 'dist/cli.js', 'dist/plopfile.js', 'package.json']);
    const manifest = await fs.readJson(join(extracted, 'package/package.json'));
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(manifest.bin).toEqual({ 'create-backend-agent': 'dist/cli.js', 'backend-agent': 'dist/cli.js' });
    // plop.load() resolves the package with `resolve`, which reads main, not exports.
    expect(manifest.main).toBe('dist/plopfile.js');
    expect(manifest.exports).toEqual({ '.': './dist/plopfile.js', './plopfile': './dist/plopfile.js', './package.json': './package.json' });
    expect(manifest.engines.node).toBe('>=20.12');
    const bundle = await fs.readFile(join(extracted, 'package/dist/cli.js'), 'utf8');
    expect(bundle.startsWith(`#!/usr/bin/env node\n// create-backend-agent ${pkg.version} `)).toBe(true);
    expect((await fs.stat(join(extracted, 'package/dist/cli.js'))).mode & 0o111).not.toBe(0);
  });

  it('runs from an empty folder with no node_modules anywhere above it', async () => {
    for (let dir = extracted; dir !== parse(dir).root; dir = dirname(dir)) {
      expect(await fs.pathExists(join(dir, 'node_modules')), `${dir}/node_modules exists; run the tests with TMPDIR outside any project`).toBe(false);
    }
    const cli = join(extracted, 'package/dist/cli.js');
    const help = await run([cli, '--help'], extracted);
    expect(help.exitCode, help.stderr).toBe(0);
    expect(help.stdout).toContain(`create-backend-agent ${pkg.version}`);

    const scaffold = await run([cli, 'orders', '--yes', '--date', DATE], extracted);
    expect(scaffold.exitCode, scaffold.stderr).toBe(0);
    const written = [...(await snapshot(join(extracted, 'orders'))).keys()];
    expect(written).toContain('.claude/agents/backend-staff.md');
    expect(written).toContain('.backend-agent/manifest.json');
  });

  it('its plopfile runs in plop with nothing to resolve but Node built-ins', async () => {
    // plop comes from the workspace; the plopfile from the unpacked tarball, no node_modules above it.
    const plop = join(PACKAGE_DIR, '../../node_modules/plop/bin/plop.js');
    const target = join(extracted, 'via-plop');
    const result = await run([plop, '--plopfile', join(extracted, 'package/dist/plopfile.js'), '--dest', target, 'backend-agent', '--', '--date', DATE], extracted);
    expect(result.exitCode, result.stderr + result.stdout).toBe(0);
    const written = [...(await snapshot(target)).keys()];
    expect(written).toEqual(expect.arrayContaining(['.claude/agents/backend-staff.md', 'docs/runbooks/via-plop.md', '.backend-agent/manifest.json']));
  });
});

describe('start-up work', () => {
  let readable: string;
  let modules: { all: Set<string>; lazy: Set<string> };
  beforeAll(async () => {
    // The same bundle, unminified: each lazily evaluated module is a function named by its path.
    const out = join(root, 'readable');
    await execa('node', [join(PACKAGE_DIR, 'build.mjs'), '--readable', '--outdir', out]);
    readable = join(out, 'cli.js');
    const source = await fs.readFile(readable, 'utf8');
    modules = {
      all: new Set([...source.matchAll(/^\/\/ (\S+\.(?:[cm]?[jt]s|json))$/gm)].map((m) => m[1]!)),
      // esbuild's lazy wrappers: `"path"() {` (ESM) and `"path"(exports, module) {` (CommonJS).
      lazy: new Set([...source.matchAll(/^ {2}"([^"]+)"\((?:[\w$]+(?:, [\w$]+)?)?\) \{$/gm)].map((m) => m[1]!)),
    };
  }, 60_000);

  /** The bundled modules whose code ran in one invocation, read from V8's precise coverage. */
  async function evaluated(args: readonly string[]): Promise<Set<string>> {
    const coverage = await tempDir('cba-coverage-');
    try {
      const result = await run([readable, ...args], root, { NODE_V8_COVERAGE: coverage });
      expect(result.exitCode, result.stderr).toBe(0);
      const ran = new Set([...modules.all].filter((m) => !modules.lazy.has(m)));
      for (const file of await fs.readdir(coverage)) {
        const { result: scripts } = (await fs.readJson(join(coverage, file))) as { result: { url: string; functions: { functionName: string; ranges: { count: number }[] }[] }[] };
        for (const script of scripts.filter((s) => s.url.endsWith('/readable/cli.js'))) {
          for (const fn of script.functions) if (modules.lazy.has(fn.functionName) && fn.ranges[0]!.count > 0) ran.add(fn.functionName);
        }
      }
      return ran;
    } finally {
      await fs.remove(coverage);
    }
  }

  const PROMPTS = /@inquirer/;

  it('evaluates only the entry point for --version', async () => {
    const ran = [...(await evaluated(['--version']))];
    expect(ran).toEqual(expect.arrayContaining(['src/cli.ts', 'src/args.ts']));
    // cli.ts may import only light modules statically; commands and the engine come through import().
    const ENTRY = /^(src\/(cli|args|exit-codes|version|wrap)\.ts|\.\.\/core\/src\/(errors|closest)\.ts|.*\/node_modules\/picocolors\/.*)$/;
    expect(ran.filter((m) => !ENTRY.test(m))).toEqual([]);
  });

  it('prints --help from the text the build computed: no catalog, renderer, parser, command or prompt', async () => {
    const ran = [...(await evaluated(['--help']))];
    expect(ran.filter((m) => /core\/src\/(catalog|library|answers)\//.test(m) || /core\/src\/catalog\.ts/.test(m))).toEqual([]);
    expect(ran.filter((m) => /@inquirer|yaml@|handlebars@|tinyglobby@|diff@|smol-toml@|fast-xml-parser@|src\/commands\//.test(m))).toEqual([]);
  });

  it('never evaluates the prompt library when answers come from flags', async () => {
    const ran = [...(await evaluated([join(root, 'scaffold'), '--yes', '--date', DATE]))];
    // The renderer did run here, so a module that runs is seen.
    expect(ran.some((m) => /handlebars@/.test(m))).toBe(true);
    expect(ran.filter((m) => PROMPTS.test(m))).toEqual([]);
  });
});
