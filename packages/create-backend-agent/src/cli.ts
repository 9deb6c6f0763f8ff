/**
 * Entry point of both bins. Parses arguments, runs one command, and maps every typed error to its
 * exit code here, once.
 */
import { phase } from './profile.js';
import { isKnownError } from '@create-backend-agent/core/errors';
import { parseCliArgs } from './args.js';
import { EXIT } from './exit-codes.js';
import type { Environment } from './commands/create.js';

/**
 * Sub-commands, by the first argument. Each takes the rest of argv and returns an exit code.
 * Anything else is the main job, with the first argument as its target folder.
 * Commands and help are loaded with import() when run: each is a chunk of the bundle (build.mjs), so
 * --help and --version load only this entry, and a command only the engine parts it uses (see
 * `pnpm bench`). Import only light modules statically in this file.
 */
type Command = (argv: readonly string[], env: Environment, output: Output) => Promise<number> | number;
const COMMANDS: Record<string, Command> = {
  blocks: async (argv, _env, output) => (await import('./commands/blocks.js')).runBlocks(argv, output),
  lint: async (argv, env, output) => (await import('./commands/lint.js')).runLint(argv, env, output),
  add: async (argv, env, output) => (await import('./commands/add-adr.js')).runAdd(argv, env, output),
  detect: async (argv, env, output) => (await import('./commands/detect.js')).runDetect(argv, env, output),
  import: async (argv, env, output) => (await import('./commands/import.js')).runImport(argv, env, output),
  pack: async (argv, env, output) => (await import('./commands/pack.js')).runPack(argv, env, output),
};
import pc from 'picocolors';
import type { Output } from './report.js';
import { VERSION } from './version.js';
import { fitWidth } from './wrap.js';

/** The --help text, computed by the build (build.mjs); absent when run from source. */
declare const __HELP__: string | undefined;

function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export async function main(argv: readonly string[], env: Environment, output: Output): Promise<number> {
  phase('entry');
  let json = argv.includes('--json');
  try {
    // A first argument naming a command runs it; anything else is the target folder of the main job.
    const [first, ...rest] = argv;
    const command = first === undefined ? undefined : COMMANDS[first];
    if (command) return await command(rest, env, output);
    const args = parseCliArgs(argv);
    json = args.json;
    if (args.help) {
      // The main page is computed by the build; the answers page is rarer and built when asked for.
      const text = args.positionals[0] === 'answers'
        ? (await import('./help.js')).answersHelpText()
        : typeof __HELP__ === 'string' ? __HELP__ : (await import('./help.js')).helpText();
      output.out(env.columns !== undefined && env.columns < 80 ? fitWidth(text, env.columns) : text);
      return EXIT.ok;
    }
    if (args.version) {
      output.out(VERSION);
      return EXIT.ok;
    }
    const { runCreate } = await import('./commands/create.js');
    phase('load');
    return await runCreate(args, env, output);
  } catch (caught) {
    // A file system error a user can cause (read-only, full, a file in the way) is one line, exit 4.
    const error = isKnownError(caught) ? caught : (await import('./edge/fs-errors.js')).fileSystemError(caught, env.cwd);
    if (error === null) throw caught;
    if (json) output.out(JSON.stringify({ ok: false, exitCode: error.exitCode, error: error.message }, null, 2));
    else output.err(error.exitCode === EXIT.cancelled ? error.message : `${pc.red('error')} ${error.message}`);
    return error.exitCode;
  }
}

// A reader that closes the pipe early (`| head`) is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

/**
 * Exits as soon as stdout and stderr have flushed, not when the event loop runs dry: the command has
 * finished and released the lock by now, and what would still run is V8's housekeeping (finishing a
 * major GC's incremental marking: 10-14 ms of a 150 ms dry-run, measured).
 */
function exitWhenFlushed(code: number): void {
  process.exitCode = code;
  const pending = [process.stdout, process.stderr].filter((stream) => stream.writableLength > 0);
  let left = pending.length;
  if (left === 0) process.exit(code);
  for (const stream of pending) stream.once('drain', () => --left === 0 && process.exit(code));
}

const output: Output = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

main(process.argv.slice(2), { cwd: process.cwd(), stdinIsTTY: Boolean(process.stdin.isTTY), stdoutIsTTY: Boolean(process.stdout.isTTY), columns: process.stdout.isTTY ? process.stdout.columns : undefined, vars: process.env, today: localDate(new Date()), ...(process.stdout.rows ? { rows: process.stdout.rows } : {}) }, output).then(
  (code) => exitWhenFlushed(code),
  (error: unknown) => {
    process.stderr.write(`create-backend-agent ${VERSION} failed unexpectedly; please report this with the command you ran.\n${(error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = 70;
  },
);
