/** Command-line arguments, parsed with node:util's parseArgs (no dependency, strict about unknown flags). */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { InputError } from '@create-backend-agent/core/errors';
import { didYouMean } from '@create-backend-agent/core/closest';
import type { ConflictMode } from '@create-backend-agent/core';

const CONFLICT_MODES: readonly ConflictMode[] = ['stop', 'markers', 'mine', 'theirs'];

export const OPTIONS = {
  yes: { type: 'boolean', short: 'y' },
  preset: { type: 'string' },
  answers: { type: 'string' },
  set: { type: 'string', multiple: true },
  date: { type: 'string' },
  'dry-run': { type: 'boolean' },
  check: { type: 'boolean' },
  force: { type: 'boolean' },
  conflict: { type: 'string' },
  restore: { type: 'string', multiple: true },
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
  /** How conflicting hunks end: stop (the default: write nothing), markers, mine or theirs (--force). */
  conflict: ConflictMode;
  /** Generated files the user deleted, to be written again. */
  restore: string[];
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
    conflict: conflictMode(v.conflict, v.force ?? false),
    restore: (v.restore ?? []).map((p) => p.replace(/^\.\//, '')),
    json: v.json ?? false,
    help: v.help ?? false,
    version: v.version ?? false,
  };
}

/** --conflict, with --force as the alias of `theirs` it has always been. */
function conflictMode(given: string | undefined, force: boolean): ConflictMode {
  if (given === undefined) return force ? 'theirs' : 'stop';
  const mode = CONFLICT_MODES.find((m) => m === given.trim().toLowerCase());
  if (mode === undefined) throw new InputError(`--conflict ${given}: not a mode.`, `Use one of ${CONFLICT_MODES.join(', ')}.`);
  if (force && mode !== 'theirs') throw new InputError(`--force means --conflict theirs, but --conflict ${mode} was given too.`, 'Pass one of them.');
  return mode;
}
