// Bundles the CLI into chunks in dist/ with every dependency inlined (templates included,
// precompiled by packages/core/build/build-library.ts), so `pnpm create backend-agent` downloads one
// package with no runtime dependencies.
//
// Start-up is the first thing every user feels (`pnpm create` fetches and runs the package each
// time), so the bundle is split (esbuild `splitting`, which makes ES modules) and each file is then
// turned into CommonJS, whose compiled code the CLI keeps between runs (src/code-cache.ts). The bins
// run dist/bin.cjs, a few kB that prints --help and --version on its own and otherwise loads
// dist/cli.cjs, which parses the command line, through dist/code-cache.cjs; each command's import()
// in cli.ts is a chunk in dist/chunks/, and the engine, its libraries and the compiled template
// library are chunks that load only with the command that uses them. Figures: `pnpm bench`.
//
//   node build.mjs              the published build (minified)
//   node build.mjs --readable   the same build unminified, for debugging a stack trace
//   node build.mjs --outdir DIR  write somewhere other than dist/ (tests inspect a readable build)
//   node build.mjs --metafile F  also write esbuild's metafile (what each chunk holds, in bytes) to F
import { build, transform } from 'esbuild';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { brotliCompressSync, constants as zlibConstants } from 'node:zlib';
import { createHash } from 'node:crypto';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';

const here = dirname(fileURLToPath(import.meta.url));
const pkg = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8'));
const readable = process.argv.includes('--readable');
const outdirArg = process.argv.indexOf('--outdir');
const metafileArg = process.argv.indexOf('--metafile');

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

/**
 * handlebars' compiler (compiler/code-gen.js, needed at run time by the packs) requires `source-map`
 * only to build source maps, which nothing here asks for (no `srcName` option), and falls back to
 * its own minimal SourceNode when that require yields nothing. Resolving it to an empty module keeps
 * ~27 kB of source-map out of the tarball; test/e2e/package.test.ts checks it stays out, and
 * test/e2e/packs.test.ts that the built CLI still compiles a pack's templates.
 */
const noSourceMap = {
  name: 'no-source-map',
  setup(b) {
    b.onResolve({ filter: /^source-map$/ }, () => ({ path: 'source-map', namespace: 'no-source-map' }));
    b.onLoad({ filter: /.*/, namespace: 'no-source-map' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
  },
};

/**
 * esbuild puts a module in the chunk of every entry point and import() whose import graph reaches
 * it, and that graph runs through each re-export of a barrel, used or not. Through core's index.ts,
 * the linter, the detectors and the template library would all reach every command, so every
 * command would load them. This points the CLI's and the generators' imports of the barrel at the
 * modules that define the names (read from index.ts's `export { ... } from` lines), so a chunk holds
 * what its command uses. Type-only names are dropped: the core declares no side effects.
 */
const CORE_INDEX = join(here, '../core/src/index.ts');
function coreExports() {
  const byName = new Map();
  for (const [, typeOnly, specs, from] of readFileSync(CORE_INDEX, 'utf8').matchAll(/export\s+(type\s+)?\{([^}]*)\}\s*from\s*'([^']+)'/g)) {
    if (typeOnly) continue;
    const file = resolve(dirname(CORE_INDEX), from.replace(/\.js$/, '.ts'));
    for (const spec of specs.split(',').map((s) => s.trim()).filter((s) => s && !s.startsWith('type '))) {
      const [name, exported = name] = spec.split(/\s+as\s+/);
      byName.set(exported, { file, name });
    }
  }
  return byName;
}
const CORE_BARREL_IMPORT = /import\s+(type\s+)?\{([^}]*)\}\s*from\s*'@create-backend-agent\/core';/g;
const directCoreImports = {
  name: 'direct-core-imports',
  setup(b) {
    const exportsOf = coreExports();
    const core = join(here, '../core/');
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      if (args.path.includes('/node_modules/') || args.path.startsWith(core)) return undefined;
      const source = await readFile(args.path, 'utf8');
      if (!source.includes("'@create-backend-agent/core'")) return undefined;
      const contents = source.replace(CORE_BARREL_IMPORT, (statement, typeOnly, specs) => {
        const byFile = new Map();
        for (const spec of typeOnly ? [] : specs.split(',').map((s) => s.trim()).filter((s) => s && !s.startsWith('type '))) {
          const [name, local = name] = spec.split(/\s+as\s+/);
          const target = exportsOf.get(name);
          if (!target) throw new Error(`${relative(here, args.path)} imports ${name} from @create-backend-agent/core, which its index.ts does not re-export by name`);
          byFile.set(target.file, [...(byFile.get(target.file) ?? []), `${target.name} as ${local}`]);
        }
        const imports = [...byFile].map(([file, names]) => `import { ${names.join(', ')} } from ${JSON.stringify(file)};`);
        // The same number of lines, so stack traces of a readable build point at the source lines.
        return imports.join(' ') + '\n'.repeat(statement.split('\n').length - 1);
      });
      return { contents, loader: 'ts' };
    });
  },
};

/**
 * The library's data (facets, presets, operations: the knowledge, about 500 kB of JSON) ships as one
 * brotli file beside the chunks, chunks/library-data-<hash>.br, instead of JSON strings in the
 * library chunk: brotli at its best setting takes it to about three quarters of what the tarball's
 * gzip makes of the strings. The chunk reads and inflates it when it loads (a few ms, in place of
 * compiling the strings). Content-hashed like the chunks, so a chunk never reads another build's
 * data while dist/ is being rewritten. Run from source (tests, tsx), library.generated.js keeps the
 * strings.
 */
const DATA_EXPORT = /^export const (facets|presets|operations) = JSON\.parse\(("(?:[^"\\\n]|\\.)*")\);$/gm;
/** The data file of the last build: its name under dist/ and its bytes. */
let libraryData;
const libraryDataAsset = {
  name: 'library-data-asset',
  setup(b) {
    b.onLoad({ filter: /core\/src\/library\/library\.generated\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const data = {};
      const contents = source.replace(DATA_EXPORT, (_, name, literal) => {
        data[name] = JSON.parse(JSON.parse(literal));
        return `export const ${name} = __libraryData.${name};`;
      });
      if (Object.keys(data).length !== 3) throw new Error(`library.generated.js: expected the facets, presets and operations as JSON strings, found ${Object.keys(data).join(', ') || 'none'}`);
      const bytes = brotliCompressSync(Buffer.from(JSON.stringify(data), 'utf8'), {
        params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_LGWIN]: 24 },
      });
      const file = `library-data-${createHash('sha256').update(bytes).digest('hex').slice(0, 8).toUpperCase()}.br`;
      libraryData = { name: `chunks/${file}`, bytes };
      const read = [
        "import { readFileSync as __readLibraryData } from 'node:fs';",
        "import { brotliDecompressSync as __inflateLibraryData } from 'node:zlib';",
        `const __libraryData = JSON.parse(__inflateLibraryData(__readLibraryData(new URL('./${file}', import.meta.url))).toString('utf8'));`,
      ].join('\n');
      return { contents: `${read}\n${contents}`, loader: 'js' };
    });
  },
};

const dist = outdirArg > 0 ? resolve(process.argv[outdirArg + 1]) : join(here, 'dist');
/**
 * Two entry points sharing their chunks: the CLI (both bins), and the package's main for
 * `plop.load('create-backend-agent')`, the plop generators (generators/plopfile.ts), so the engine
 * and the templates ship once. They run inside plop or @turbo/gen, which bring node-plop and
 * inquirer: those must never be bundled (types only).
 */
const ENTRY_POINTS = { cli: join(here, 'src/cli.ts'), plopfile: join(here, '../../generators/plopfile.ts') };
const HOST_OWNED = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?(?:plop|node-plop|inquirer|@turbo\/gen)\//;
const ENTRY_BANNER = [
  `// ${pkg.name} ${pkg.version} (${pkg.license}). The CLI, started by bin.cjs; the rest of the bundle is in chunks/, its dependencies' licences in THIRD-PARTY-LICENSES.txt.`,
  '// Source: packages/create-backend-agent in the repository; `node build.mjs --readable` builds it unminified.',
].join('\n');

/**
 * The bundle is built twice: the first build prints its own --help, and the second carries that text
 * as a constant, so --help at run time builds neither the question catalog nor the library it lists.
 */
const options = (define) => ({
  // Paths in the output (comments of a readable build, the metafile) are relative to here.
  absWorkingDir: here,
  entryPoints: ENTRY_POINTS,
  outdir: dist,
  // Content-hashed: an unchanged chunk keeps its name from build to build.
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: !readable,
  metafile: true,
  write: false,
  legalComments: 'none',
  define: { __VERSION__: JSON.stringify(pkg.version), ...define },
  plugins: [libraryDataAsset, keepDeclaredSideEffects, directCoreImports, noSourceMap],
  logLevel: 'warning',
});

/** A relative specifier in require() or import(): `require("./chunks/chunk-X.js")`. */
const RELATIVE = /\b(require|import)\("(\.\.?\/[^"]+\.js)"\)/g;

/**
 * esbuild splits only ES modules, so the split build is made as ESM and each file is then turned
 * into CommonJS, the form V8's code cache can be kept for between runs on every Node version
 * (src/code-cache.ts): imports of sibling files become require() of their .cjs names, and import()
 * becomes a require() in a promise, which keeps each command's chunks unloaded until it runs. Only
 * specifiers naming a file of this build are rewritten: the same text inside a template is content.
 */
async function asCommonJs(name, text, outputs) {
  const { code } = await transform(text, {
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    minify: !readable,
    legalComments: 'none',
    // The library's data is read beside its chunk (libraryDataAsset).
    define: { 'import.meta.url': '__importMetaUrl' },
    banner: text.includes('import.meta.url') ? 'var __importMetaUrl = require("node:url").pathToFileURL(__filename).href;' : '',
    logLevel: 'warning',
  });
  const own = (specifier) => outputs.has(join(dirname(name), specifier));
  const converted = code.replace(RELATIVE, (call, kind, specifier) => {
    if (!own(specifier)) return call;
    const cjs = specifier.replace(/\.js$/, '.cjs');
    return kind === 'require' ? `require("${cjs}")` : `Promise.resolve().then(() => require("${cjs}"))`;
  });
  // What the loader could not run: an import() or .js require() of this build the rewrite missed,
  // or an import() of a built-in (write createRequire(import.meta.url)('node:…') in the source).
  const leftover = [...converted.matchAll(RELATIVE)].find(([, , specifier]) => own(specifier)) ?? /\bimport\("node:[\w/]+"\)/.exec(converted);
  if (leftover) throw new Error(`${name}: "${leftover[0]}" is left after the CommonJS conversion, which the loader (src/code-cache.ts) cannot run`);
  return converted;
}

/**
 * The build's files as dist/ will hold them: every script as CommonJS (.cjs), and dist/plopfile.js,
 * the package's main, as the ES module plop imports, handing over the generators of plopfile.cjs.
 */
async function filesOf(result) {
  const files = new Map();
  const outputs = new Set(result.outputFiles.map((file) => relative(dist, file.path)));
  for (const file of result.outputFiles) {
    const name = relative(dist, file.path);
    const cjs = name.replace(/\.js$/, '.cjs');
    const contents = await asCommonJs(name, file.text, outputs);
    files.set(cjs, { contents: name === 'cli.js' ? `${ENTRY_BANNER}\n${contents}` : contents, mode: 0o644 });
  }
  files.set('plopfile.js', {
    contents: "// The package's main: the plop / turbo gen generators (plopfile.cjs).\nimport { createRequire } from 'node:module';\nexport default createRequire(import.meta.url)('./plopfile.cjs').default;\n",
    mode: 0o644,
  });
  return files;
}

async function helpOfFirstBuild() {
  const first = await filesOf(await build(options({})));
  const probe = mkdtempSync(join(tmpdir(), 'cba-help-'));
  try {
    for (const [name, { contents }] of first) {
      mkdirSync(dirname(join(probe, name)), { recursive: true });
      writeFileSync(join(probe, name), contents);
    }
    writeFileSync(join(probe, libraryData.name), libraryData.bytes);
    return execFileSync(process.execPath, [join(probe, 'cli.cjs'), '--help'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } }).replace(/\n$/, '');
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

const help = await helpOfFirstBuild();
const result = await build(options({ __HELP__: JSON.stringify(help) }));
const main = await filesOf(result);
/** What keys the code cache: a change to any file the loader runs is a new build to it. */
const buildId = createHash('sha256')
  .update([...main].filter(([name]) => name.endsWith('.cjs')).sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, { contents }]) => `${name}\0${contents}`).join('\0'))
  .digest('hex')
  .slice(0, 16);
/** A standalone CommonJS file of dist/: one entry bundled whole, Node built-ins left to require. */
const commonJsFile = (entry, outfile, extra = {}) => build({
  absWorkingDir: here,
  entryPoints: [join(here, entry)],
  outfile: join(dist, outfile),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: !readable,
  write: false,
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
  ...extra,
});
/**
 * The bins' entry (src/bin.ts), in CommonJS: `--help` and `--version` alone print from it; everything
 * else runs cli.cjs through the code cache's loader, code-cache.cjs (src/code-cache.ts).
 */
const loader = await commonJsFile('src/code-cache.ts', 'code-cache.cjs');
const bin = await commonJsFile('src/bin.ts', 'bin.cjs', {
  external: ['./code-cache.cjs'],
  define: { __VERSION__: JSON.stringify(pkg.version), __HELP__: JSON.stringify(help), __BUILD_ID__: JSON.stringify(buildId) },
});
if (metafileArg > 0) {
  // Named as shipped: each output of the split build is its .cjs.
  const outputs = Object.fromEntries([...Object.entries(result.metafile.outputs), ...Object.entries(bin.metafile.outputs), ...Object.entries(loader.metafile.outputs)].map(([name, output]) => [name.replace(/\.js$/, '.cjs'), output]));
  writeFileSync(resolve(process.argv[metafileArg + 1]), JSON.stringify({ ...result.metafile, outputs }));
}
const inputsOf = (metafile) => Object.values(metafile.outputs).flatMap((output) => Object.entries(output.inputs));
const hostOwned = [...new Set(inputsOf(result.metafile).map(([input]) => input).filter((input) => HOST_OWNED.test(input)))];
if (hostOwned.length > 0) throw new Error(`The bundle must not contain what plop provides (import its types only): ${hostOwned.join(', ')}`);

// dist/ holds exactly what is published. Each file is replaced atomically (temp file, then rename),
// chunks before the entry points that import them (bin.cjs last), because tests elsewhere in the workspace may be
// running the CLI while it is rebuilt; chunks no entry refers to any more are removed last.
const files = new Map(main);
files.set('code-cache.cjs', { contents: loader.outputFiles[0].text, mode: 0o644 });
files.set('bin.cjs', { contents: `#!/usr/bin/env node\n${ENTRY_BANNER.replace('The CLI, started by bin.cjs', "The bins' entry, which starts cli.cjs")}\n${bin.outputFiles[0].text}`, mode: 0o755 });
files.set('THIRD-PARTY-LICENSES.txt', { contents: thirdPartyLicenses(result.metafile), mode: 0o644 });
files.set(libraryData.name, { contents: libraryData.bytes, mode: 0o644 });
const writeRank = (name) => (name.startsWith('chunks/') ? 0 : name === 'bin.cjs' ? 3 : name === 'plopfile.js' ? 2 : 1);
const ordered = [...files].sort(([a], [b]) => writeRank(a) - writeRank(b));
for (const [name, { contents, mode }] of ordered) {
  const path = join(dist, name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(`${path}.tmp`, contents, { mode });
  renameSync(`${path}.tmp`, path);
}
for (const name of readdirSync(dist, { recursive: true })) {
  const path = join(dist, name);
  if (!files.has(name) && !(name === 'chunks' && existsSync(path))) rmSync(path, { recursive: true, force: true });
}

/** The licence of every package whose code ended up in the bundle (MIT and friends ask for it). */
function thirdPartyLicenses(metafile) {
  const roots = new Set();
  for (const [input, { bytesInOutput }] of inputsOf(metafile)) {
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
    `${pkg.name} ${pkg.version} bundles the following packages into dist/.`,
    '',
    ...unique.flatMap((e) => [`${'-'.repeat(72)}`, `${e.id} (${e.license})`, '', e.text, '']),
  ].join('\n');
}
