/**
 * The bins' entry. `--help` and `--version` on their own print text the build computed, from
 * CommonJS: they then cost what Node's own start-up costs, where an ES module entry would first start
 * the ESM loader (about 7 ms, a quarter of `node -e 0`). Any other command line, and help for a
 * terminal narrower than the 80 columns it is written for, runs cli.cjs, which parses it properly,
 * through the code cache (code-cache.ts).
 */

/** Set by the build (build.mjs): the main --help page and the version. */
declare const __HELP__: string;
declare const __VERSION__: string;
/** Set by the build: the content hash of the chunks, which keys their code cache (code-cache.ts). */
declare const __BUILD_ID__: string;

const args = process.argv.slice(2);
const only = args.length === 1 ? args[0] : undefined;
const fits = !process.stdout.isTTY || process.stdout.columns >= 80;
const text = only === '--version' || only === '-v' ? __VERSION__ : (only === '--help' || only === '-h') && fits ? __HELP__ : undefined;

if (text === undefined) {
  try {
    // A file of its own (src/code-cache.ts), so --help and --version load none of it.
    const { CachedChunkLoader, codeCacheDir } = require('./code-cache.cjs') as typeof import('./code-cache.js');
    const { join } = require('node:path') as typeof import('node:path');
    const { homedir } = require('node:os') as typeof import('node:os');
    const cli = join(__dirname, 'cli.cjs');
    const cacheDir = codeCacheDir({ env: process.env, platform: process.platform, home: homedir(), buildId: __BUILD_ID__, nodeVersion: process.versions.node, arch: process.arch });
    if (cacheDir === null) {
      // No cache of ours: Node's own, where it has one (22.1+), still skips compiling top-level code.
      try {
        (require('node:module') as { enableCompileCache?: () => unknown }).enableCompileCache?.();
      } catch {
        // A cache folder that cannot be created only costs speed.
      }
      require(cli);
    } else {
      const loader = new CachedChunkLoader(cacheDir, cli);
      process.once('exit', () => loader.saveAtExit());
      loader.load(cli);
    }
  } catch (error) {
    // Only a damaged install gets here (a file of the bundle missing or unreadable): cli.cjs handles everything else.
    process.stderr.write(`create-backend-agent could not load its own code: ${(error as Error)?.message?.split('\n')[0] ?? String(error)}\nReinstall it (with npx or pnpm dlx, remove their cached copy) and run again.\n`);
    process.exitCode = 70;
  }
} else {
  // A reader that closes the pipe early (`| head`) is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  process.stdout.write(`${text}\n`);
}
