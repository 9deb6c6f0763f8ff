/**
 * The published artefact: what `npm pack` puts in the tarball, that it runs from an empty folder
 * with no node_modules anywhere above it, and that start-up loads only what a command uses (the
 * bundle is split into chunks that load with the command that imports them; proven with V8
 * coverage of the published files and of a readable build of the same bundle).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dirname, join, parse, relative } from 'node:path';
import fs from 'fs-extra';
import { execa } from 'execa';
import { brotliDecompressSync } from 'node:zlib';
import { facets, operations, presets } from '../../packages/core/src/library/library.generated.js';
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
    // dist/plopfile.js: the plop / turbo gen generators, the package's main (generators.test.ts runs them),
    // an ES module handing over dist/plopfile.cjs.
    // dist/chunks/: the code the entry points load on demand or share (build.mjs splits the bundle).
    // dist/chunks/library-data-<hash>.br: the library's data, read by the library chunk.
    expect(files.filter((f) => !/^dist\/chunks\/[\w-]+\.cjs$/.test(f))).toEqual([
      'LICENSE', 'README.md', 'dist/THIRD-PARTY-LICENSES.txt', 'dist/bin.cjs', expect.stringMatching(/^dist\/chunks\/library-data-[0-9A-F]{8}\.br$/), 'dist/cli.cjs', 'dist/code-cache.cjs', 'dist/plopfile.cjs', 'dist/plopfile.js', 'package.json',
    ]);
    expect(files.filter((f) => f.startsWith('dist/chunks/')).length).toBeGreaterThan(3);
    const manifest = await fs.readJson(join(extracted, 'package/package.json'));
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(manifest.bin).toEqual({ 'create-backend-agent': 'dist/bin.cjs', 'backend-agent': 'dist/bin.cjs' });
    // plop.load() resolves the package with `resolve`, which reads main, not exports.
    expect(manifest.main).toBe('dist/plopfile.js');
    expect(manifest.exports).toEqual({ '.': './dist/plopfile.js', './plopfile': './dist/plopfile.js', './package.json': './package.json' });
    expect(manifest.engines.node).toBe('>=20.12');
    const bin = await fs.readFile(join(extracted, 'package/dist/bin.cjs'), 'utf8');
    expect(bin.startsWith(`#!/usr/bin/env node\n// create-backend-agent ${pkg.version} `)).toBe(true);
    expect((await fs.stat(join(extracted, 'package/dist/bin.cjs'))).mode & 0o111).not.toBe(0);
    // cli.cjs runs only through bin.cjs (its code cache), so it is neither a script nor executable.
    const cli = await fs.readFile(join(extracted, 'package/dist/cli.cjs'), 'utf8');
    expect(cli.startsWith(`// create-backend-agent ${pkg.version} `)).toBe(true);
    expect((await fs.stat(join(extracted, 'package/dist/cli.cjs'))).mode & 0o111).toBe(0);
  });

  it('ships the library data as one brotli file holding exactly the facets, presets and operations of the source', async () => {
    const [file, ...more] = files.filter((f) => f.endsWith('.br'));
    expect(more).toEqual([]);
    const data = JSON.parse(brotliDecompressSync(await fs.readFile(join(extracted, 'package', file!))).toString('utf8'));
    expect(data).toEqual({ facets, presets, operations });
    // Not a second time in the code: no chunk holds the facets' text.
    const chunks = files.filter((f) => f.startsWith('dist/chunks/'));
    const holding = [];
    for (const f of chunks) if ((await fs.readFile(join(extracted, 'package', f), 'utf8')).includes(facets[0]!.summary.slice(0, 60))) holding.push(f);
    expect(holding).toEqual([]);
  });

  it('a damaged install (a chunk of the entry missing) says so and what to do, exit 70, no stack trace', async () => {
    const damaged = join(root, 'damaged');
    await fs.copy(join(extracted, 'package'), damaged);
    const chunk = /chunks\/chunk-[\w-]+\.cjs/.exec(await fs.readFile(join(damaged, 'dist/cli.cjs'), 'utf8'))![0];
    await fs.remove(join(damaged, 'dist', chunk));
    const result = await run([join(damaged, 'dist/bin.cjs'), join(root, 'damaged-target'), '--yes'], extracted);
    expect(result.exitCode).toBe(70);
    expect(result.stderr).toMatch(/^create-backend-agent could not load its own code: .*chunk-.*\nReinstall it/);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(await fs.pathExists(join(root, 'damaged-target'))).toBe(false);
  });

  it('runs from an empty folder with no node_modules anywhere above it', async () => {
    for (let dir = extracted; dir !== parse(dir).root; dir = dirname(dir)) {
      expect(await fs.pathExists(join(dir, 'node_modules')), `${dir}/node_modules exists; run the tests with TMPDIR outside any project`).toBe(false);
    }
    const cli = join(extracted, 'package/dist/bin.cjs');
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
  let out: string;
  /** Each file of a readable build of the same bundle, with the bundled modules it holds. */
  let files: Map<string, Set<string>>;
  /** Modules esbuild wraps for lazy evaluation (CommonJS): they run only when first required. */
  let lazy: Set<string>;
  beforeAll(async () => {
    out = join(root, 'readable');
    const metafile = join(root, 'readable.meta.json');
    await execa('node', [join(PACKAGE_DIR, 'build.mjs'), '--readable', '--outdir', out, '--metafile', metafile]);
    files = new Map();
    lazy = new Set();
    const { outputs } = (await fs.readJson(metafile)) as { outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }> };
    for (const [name, { inputs }] of Object.entries(outputs)) {
      files.set(relative(out, join(PACKAGE_DIR, name)), new Set(Object.entries(inputs).filter(([, i]) => i.bytesInOutput > 0).map(([input]) => input)));
    }
    for (const name of files.keys()) {
      // esbuild's lazy wrappers: `"path"(exports, module) {`.
      for (const m of (await fs.readFile(join(out, name), 'utf8')).matchAll(/^ +"([^"]+)"\((?:[\w$]+(?:, [\w$]+)?)?\) \{$/gm)) lazy.add(m[1]!);
    }
  }, 60_000);

  /**
   * The files of `dir` Node loaded in one invocation of its bin.cjs, read from V8's coverage. Each
   * run starts with no code cache of its own (code-cache.ts), so what ran is what loaded.
   */
  async function loaded(dir: string, args: readonly string[]): Promise<{ files: string[]; functions: Map<string, number> }> {
    const coverage = await tempDir('cba-coverage-');
    try {
      const result = await run([join(dir, 'bin.cjs'), ...args], root, { NODE_V8_COVERAGE: coverage, XDG_CACHE_HOME: join(coverage, 'cache') });
      expect(result.exitCode, result.stderr).toBe(0);
      const seen = new Set<string>();
      const functions = new Map<string, number>();
      for (const file of (await fs.readdir(coverage)).filter((f) => f.endsWith('.json'))) {
        const { result: scripts } = (await fs.readJson(join(coverage, file))) as { result: { url: string; functions: { functionName: string; ranges: { count: number }[] }[] }[] };
        // Node names the files it loads by URL; the loader's scripts carry their paths.
        for (const script of scripts.map((s) => ({ ...s, url: s.url.replace(/^file:\/\//, '') })).filter((s) => s.url.startsWith(`${dir}/`))) {
          seen.add(script.url.slice(`${dir}/`.length));
          for (const fn of script.functions) functions.set(fn.functionName, (functions.get(fn.functionName) ?? 0) + fn.ranges[0]!.count);
        }
      }
      return { files: [...seen].sort(), functions };
    } finally {
      await fs.remove(coverage);
    }
  }

  /** The bundled modules whose code ran: those in the files loaded, less lazy ones never called. */
  async function evaluated(args: readonly string[]): Promise<Set<string>> {
    const run = await loaded(out, args);
    const ran = new Set<string>();
    for (const file of run.files) {
      for (const m of files.get(file) ?? []) if (!lazy.has(m) || (run.functions.get(m) ?? 0) > 0) ran.add(m);
    }
    return ran;
  }

  const PROMPTS = /@inquirer/;
  const LIBRARY = /core\/src\/library\/library\.generated\.js$/;

  it('splits the bundle: --help and --version load the CommonJS entry alone, the rest stays on disk', async () => {
    const published = join(root, 'unpacked/package/dist');
    const bytes = async (list: readonly string[]) => (await Promise.all(list.map((f) => fs.stat(join(published, f))))).reduce((sum, s) => sum + s.size, 0);
    for (const args of [['--version'], ['-v'], ['--help'], ['-h']]) {
      const { files: list } = await loaded(published, args);
      expect(list).toEqual(['bin.cjs']);
      expect(await bytes(list), `${args[0]} loads ${list.join(', ')}`).toBeLessThan(8_000);
    }
    // Help asked for in any other way is parsed by cli.cjs, which still loads only light chunks.
    for (const args of [['.', '--help'], ['--help', 'answers'], ['--version', '--json']]) {
      const { files: list } = await loaded(published, args);
      expect(list).toEqual(expect.arrayContaining(['bin.cjs', 'cli.cjs']));
      expect(list.filter((f) => /^chunks\/(create|inquirer|session|lint|detect|add-adr)-/.test(f))).toEqual([]);
    }
    // A scaffold loads its command's chunks, and never the prompt library's.
    const { files: scaffold } = await loaded(published, [join(root, 'published-scaffold'), '--yes', '--date', DATE]);
    expect(scaffold.some((f) => /^chunks\/create-/.test(f))).toBe(true);
    expect(scaffold.filter((f) => /^chunks\/(inquirer|session|lint|detect|add-adr)-/.test(f))).toEqual([]);
  });

  it("bundles one zod, the mini build: not the classic API, nor the JSON Schema output nothing here asks for", () => {
    const bundled = [...files.values()].flatMap((m) => [...m]);
    expect(bundled.some((m) => /zod\/v4\/mini\//.test(m))).toBe(true);
    expect(bundled.filter((m) => /zod\/v4\/classic\/|zod\/v4\/core\/(to-json-schema|json-schema-processors)\.js$/.test(m))).toEqual([]);
  });

  it('bundles no source-map: handlebars compiles packs with its own SourceNode (packs.test.ts runs them)', () => {
    const bundled = [...files.values()].flatMap((m) => [...m]);
    expect(bundled.some((m) => /handlebars@[^/]+\/node_modules\/handlebars\/dist\/cjs\/handlebars\/compiler\/code-gen\.js$/.test(m))).toBe(true);
    expect(bundled.filter((m) => /\/source-map@/.test(m))).toEqual([]);
  });

  it('evaluates only the entry point for --version', async () => {
    expect([...(await evaluated(['--version']))]).toEqual(['src/bin.ts']);
    // Through cli.cjs (more than the flag alone), still only the light modules.
    const ran = [...(await evaluated(['--version', '--json']))];
    expect(ran).toEqual(expect.arrayContaining(['src/cli.ts', 'src/args.ts']));
    // cli.ts may import only light modules statically; commands and the engine come through import().
    const ENTRY = /^(src\/(bin|code-cache|cli|args|exit-codes|version|profile|wrap)\.ts|\.\.\/core\/src\/(errors|closest)\.ts|.*\/node_modules\/picocolors\/.*)$/;
    expect(ran.filter((m) => !ENTRY.test(m))).toEqual([]);
  });

  it('prints --help from the text the build computed: no catalog, renderer, parser, command or prompt', async () => {
    const ran = [...(await evaluated(['--help']))];
    expect(ran.filter((m) => /core\/src\/(catalog|library|answers)\//.test(m) || /core\/src\/catalog\.ts/.test(m))).toEqual([]);
    expect(ran.filter((m) => /@inquirer|yaml@|handlebars@|tinyglobby@|diff@|smol-toml@|@rgrove\+parse-xml@|zod@|src\/commands\//.test(m))).toEqual([]);
  });

  it('never evaluates the prompt library when answers come from flags', async () => {
    const ran = [...(await evaluated([join(root, 'scaffold'), '--yes', '--date', DATE]))];
    // The renderer and the template library did run here, so a module that runs is seen.
    expect(ran.some((m) => /handlebars@/.test(m))).toBe(true);
    expect(ran.some((m) => LIBRARY.test(m))).toBe(true);
    expect(ran.filter((m) => PROMPTS.test(m))).toEqual([]);
    // The library's zod schemas (classic API) validate templates/ at build time; a scaffold reads the
    // already-validated library and checks answers with zod's mini build.
    expect(ran.filter((m) => /core\/src\/library\/schema\.ts$|zod\/v4\/classic\//.test(m))).toEqual([]);
  });

  it("starts no child process machinery for a scaffold: child_process loads only when the wizard pages", async () => {
    const preload = join(root, 'module-list.cjs');
    const list = join(root, 'module-list.txt');
    await fs.writeFile(preload, `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(list)}, process.moduleLoadList.join('\\n')));\n`);
    const result = await run(['-r', preload, join(root, 'unpacked/package/dist/bin.cjs'), join(root, 'no-child'), '--yes', '--date', DATE], root);
    expect(result.exitCode, result.stderr).toBe(0);
    const builtins = (await fs.readFile(list, 'utf8')).split('\n');
    expect(builtins).toContain('NativeModule zlib'); // the list is the run's
    expect(builtins.filter((m) => /^NativeModule (child_process|internal\/child_process|dgram)$/.test(m))).toEqual([]);
  });

  it('loads the template library only for commands that render or read it: not for lint', async () => {
    const agents = join(root, 'lint-target/.claude/agents');
    await fs.ensureDir(agents);
    await fs.writeFile(join(agents, 'reviewer.md'), '---\nname: reviewer\ndescription: Reviews pull requests for correctness.\n---\n\nYou review pull requests.\n');
    const ran = [...(await evaluated(['lint', join(root, 'lint-target/.claude/agents/reviewer.md')]))];
    expect(ran.some((m) => /core\/src\/lint\//.test(m))).toBe(true);
    expect(ran.filter((m) => LIBRARY.test(m) || PROMPTS.test(m) || /core\/src\/(detect|docs)\//.test(m))).toEqual([]);
  });
});
