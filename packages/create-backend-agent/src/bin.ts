/**
 * The bins' entry. `--help` and `--version` on their own print text the build computed, from
 * CommonJS: they then cost what Node's own start-up costs, where an ES module entry would first start
 * the ESM loader (about 7 ms, a quarter of `node -e 0`). Any other command line, and help for a
 * terminal narrower than the 80 columns it is written for, runs cli.js, which parses it properly.
 */
import * as nodeModule from 'node:module';

/** Set by the build (build.mjs): the main --help page and the version. */
declare const __HELP__: string;
declare const __VERSION__: string;

const args = process.argv.slice(2);
const only = args.length === 1 ? args[0] : undefined;
const fits = !process.stdout.isTTY || process.stdout.columns >= 80;
const text = only === '--version' || only === '-v' ? __VERSION__ : (only === '--help' || only === '-h') && fits ? __HELP__ : undefined;

if (text === undefined) {
  // Before the first chunk loads, so cli.js is cached too (Node 22.1+; absent on Node 20).
  try {
    (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
  } catch {
    // A cache folder that cannot be created only costs speed.
  }
  import('./cli.js').catch((error: unknown) => {
    // Only a damaged install gets here (a chunk missing or unreadable): cli.js handles everything else.
    process.stderr.write(`create-backend-agent could not load its own code: ${(error as Error)?.message ?? String(error)}\nReinstall it (with npx or pnpm dlx, remove their cached copy) and run again.\n`);
    process.exitCode = 70;
  });
} else {
  // A reader that closes the pipe early (`| head`) is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  process.stdout.write(`${text}\n`);
}
