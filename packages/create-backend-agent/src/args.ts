/** Command-line arguments, parsed with node:util's parseArgs (no dependency, strict about unknown flags). */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { InputError } from '@create-backend-agent/core/errors';
import { didYouMean } from '@create-backend-agent/core/closest';

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

/** Strict parsing shared by every command: a bad option is a one-line InputError ending in `hint`. */
export function parseStrict<O extends NonNullable<ParseArgsConfig['options']>>(argv: readonly string[], options: O, hint: string) {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    // parseArgs messages are long and mention internals; keep the first sentence.
    const first = (error as Error).message.split('. ')[0]!;
    const unknown = /^Unknown option '--?([^']+)'/.exec(first)?.[1];
    const guess = unknown === undefined ? '' : didYouMean(unknown, Object.keys(options)).replace(/"([^"]+)"/, '"--$1"');
    throw new InputError(`${first}.${guess}`, hint);
  }
}

export function parseCliArgs(argv: readonly string[]): Args {
  const parsed = parseStrict(argv, OPTIONS, 'Run with --help to see the options.');
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
