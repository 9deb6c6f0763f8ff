/** Command-line arguments, parsed with node:util's parseArgs (no dependency, strict about unknown flags). */
import { parseArgs } from 'node:util';
import { InputError } from '@create-backend-agent/core/errors';

export const OPTIONS = {
  yes: { type: 'boolean', short: 'y' },
  preset: { type: 'string' },
  answers: { type: 'string' },
  set: { type: 'string', multiple: true },
  date: { type: 'string' },
  'dry-run': { type: 'boolean' },
  check: { type: 'boolean' },
  force: { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

export interface Args {
  positionals: string[];
  yes: boolean;
  preset?: string;
  answers?: string;
  set: string[];
  date?: string;
  dryRun: boolean;
  /** Write nothing; exit 3 when a re-run would change a file (drift), 0 when all is up to date. */
  check: boolean;
  force: boolean;
  json: boolean;
  help: boolean;
  version: boolean;
}

export function parseCliArgs(argv: readonly string[]): Args {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    // parseArgs messages are long and mention internals; keep the first sentence.
    const message = (error as Error).message.split('. ')[0]!.replace(/^Unknown option/, 'Unknown option');
    throw new InputError(`${message}.`, 'Run with --help to see the options.');
  }
  const v = parsed.values;
  return {
    positionals: parsed.positionals,
    yes: v.yes ?? false,
    preset: v.preset,
    answers: v.answers,
    set: v.set ?? [],
    date: v.date,
    dryRun: v['dry-run'] ?? false,
    check: v.check ?? false,
    force: v.force ?? false,
    json: v.json ?? false,
    help: v.help ?? false,
    version: v.version ?? false,
  };
}
