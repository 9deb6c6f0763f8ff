// Bundles the CLI into ONE minified ESM file with every dependency inlined (templates included,
// precompiled by packages/core/build/build-library.ts), so `pnpm create backend-agent` downloads a
// single package with no runtime dependencies.
//
// Start-up is the first thing every user feels (`pnpm create` fetches and runs the package each
// time), so the bundle keeps the --help/--version path small: cli.ts imports commands with
// `import()`, which esbuild (without code splitting) turns into lazy initialisers inside the same
// file. Only what a path runs is evaluated; the rest is only parsed. Figures: `pnpm bench`.
//
//   node build.mjs              the published bundle (minified)
//   node build.mjs --readable   the same bundle unminified, for debugging a stack trace
//   node build.mjs --outdir DIR  write somewhere other than dist/ (tests inspect a readable build)
import { build } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';

const here = dirname(fileURLToPath(import.meta.url));
const pkg = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8'));
const readable = process.argv.includes('--readable');
const outdirArg = process.argv.indexOf('--outdir');

if (Object.keys(pkg.dependencies ?? {}).length > 0) {
  // Everything is bundled; a runtime dependency would be downloaded on every `pnpm create` for nothing.
  throw new Error(`${pkg.name} must have no "dependencies" (found: ${Object.keys(pkg.dependencies).join(', ')}); add them as devDependencies, they are bundled.`);
}

/**
 * tshy-built packages (@inquirer/*) put a bare {"type":"module"} package.json in dist/esm/, and
 * esbuild reads "sideEffects" from the nearest package.json, so their own `"sideEffects": false`
 * is lost and every prompt (with iconv-lite's 480 KB of code-page tables, for the editor prompt)
 * would be bundled. This restores the flag the packages declare.
 */
const SIDE_EFFECT_FREE = /^@inquirer\//;
const keepDeclaredSideEffects = {
  name: 'keep-declared-side-effects',
  setup(b) {
    b.onResolve({ filter: SIDE_EFFECT_FREE }, async (args) => {
      if (args.pluginData?.resolving) return undefined;
      const result = await b.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: { resolving: true } });
      return result.errors.length > 0 ? result : { ...result, sideEffects: false };
    });
  },
};

const dist = outdirArg > 0 ? resolve(process.argv[outdirArg + 1]) : join(here, 'dist');
const outfile = join(dist, 'cli.js');
/**
 * The bundle is built twice: the first build prints its own --help, and the second carries that text
 * as a constant, so --help at run time builds neither the question catalog nor the library it lists.
 */
const options = (define) => ({
  // Paths in the output (comments, lazy-initialiser keys of a readable build) are relative to here.
  absWorkingDir: here,
  entryPoints: [join(here, 'src/cli.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: !readable,
  metafile: true,
  write: false,
  legalComments: 'none',
  define: { __VERSION__: JSON.stringify(pkg.version), ...define },
  banner: {
    js: [
      '#!/usr/bin/env node',
      `// ${pkg.name} ${pkg.version} (${pkg.license}). One-file bundle of the CLI and its dependencies; their licences: THIRD-PARTY-LICENSES.txt.`,
      '// Source: packages/create-backend-agent in the repository; `node build.mjs --readable` builds it unminified.',
      // Bundled CommonJS dependencies call require() for Node built-ins.
      "import { createRequire as __createRequire } from 'node:module';",
      'const require = __createRequire(import.meta.url);',
    ].join('\n'),
  },
  plugins: [keepDeclaredSideEffects],
  logLevel: 'warning',
});
const result = await build(options({ __HELP__: JSON.stringify(await helpOfFirstBuild()) }));

/**
 * The package's main, for `plop.load('create-backend-agent')`: the plop generators
 * (generators/plopfile.ts) are in the CLI bundle as a lazy initialiser (cli.ts, plopGenerators), so
 * this file only imports the bundle as a library. Shipping them as a second bundle would carry the
 * engine and the templates twice (about 300 kB more in the tarball). They run inside plop or
 * @turbo/gen, which bring node-plop and inquirer: those must never be bundled (types only).
 */
const hostOwned = Object.keys(Object.values(result.metafile.outputs)[0].inputs).filter((input) => /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?(?:plop|node-plop|inquirer|@turbo\/gen)\//.test(input));
if (hostOwned.length > 0) throw new Error(`The bundle must not contain what plop provides (import its types only): ${hostOwned.join(', ')}`);
const plopfile = [
  `// ${pkg.name} ${pkg.version} (${pkg.license}): the plop / turbo gen generators, generators/plopfile.ts in the repository.`,
  "// They are bundled into cli.js; imported with this flag set, it runs no command.",
  "globalThis[Symbol.for('create-backend-agent.as-library')] = true;",
  "const { plopGenerators } = await import('./cli.js');",
  'export default (await plopGenerators()).default;',
  '',
].join('\n');

async function helpOfFirstBuild() {
  const first = await build(options({}));
  const probe = join(tmpdir(), `cba-help-${process.pid}.mjs`);
  writeFileSync(probe, first.outputFiles[0].contents);
  try {
    return execFileSync(process.execPath, [probe, '--help'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } }).replace(/\n$/, '');
  } finally {
    rmSync(probe, { force: true });
  }
}

// dist/ holds exactly what is published. Each file is replaced atomically (temp file, then rename),
// because tests elsewhere in the workspace may be running the CLI while it is rebuilt.
const files = new Map([
  [outfile, { contents: result.outputFiles[0].contents, mode: 0o755 }],
  [join(dist, 'plopfile.js'), { contents: plopfile, mode: 0o644 }],
  [join(dist, 'THIRD-PARTY-LICENSES.txt'), { contents: thirdPartyLicenses(result.metafile), mode: 0o644 }],
]);
mkdirSync(dist, { recursive: true });
for (const [path, { contents, mode }] of files) {
  writeFileSync(`${path}.tmp`, contents, { mode });
  renameSync(`${path}.tmp`, path);
}
for (const name of readdirSync(dist)) {
  if (!files.has(join(dist, name))) rmSync(join(dist, name), { recursive: true, force: true });
}

/** The licence of every package whose code ended up in the bundle (MIT and friends ask for it). */
function thirdPartyLicenses(metafile) {
  const output = Object.values(metafile.outputs)[0];
  const roots = new Set();
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
    if (bytesInOutput === 0) continue;
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(join(here, input));
    if (match) roots.add(match[1]);
  }
  const entries = [...roots]
    .map((root) => {
      const meta = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
      const file = ['LICENSE', 'LICENSE.md', 'LICENSE.txt', 'license', 'LICENCE', 'LICENSE-MIT'].map((f) => join(root, f)).find(existsSync);
      const text = file ? readFileSync(file, 'utf8').trim() : `${meta.license ?? 'see the package'} (no licence file in the package)`;
      return { id: `${meta.name}@${meta.version}`, license: meta.license ?? 'unknown', text };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
  const unique = [...new Map(entries.map((e) => [e.id, e])).values()];
  return [
    `${pkg.name} ${pkg.version} bundles the following packages into dist/cli.js.`,
    '',
    ...unique.flatMap((e) => [`${'-'.repeat(72)}`, `${e.id} (${e.license})`, '', e.text, '']),
  ].join('\n');
}
