/**
 * Whether a run prompts. Never when nobody can answer: no terminal (stdin or stdout), --yes, --json,
 * CI or a coding agent. Without any answers source such a run stops at once with a one-line error
 * saying what to pass instead, before any work, so it never hangs.
 */
import { InputError } from '@create-backend-agent/core/errors';
import type { Args } from '../args.js';
import { detectAutomation, type Automation } from '../edge/automation.js';
import { nonInteractiveCommand } from '../edge/command-line.js';

export type Interaction =
  | { kind: 'prompt' }
  | { kind: 'unattended' }
  /** Under CI or a coding agent with a terminal: the caller prints the exact command to run instead. */
  | { kind: 'automation'; automation: Automation };

export interface InteractionEnv {
  stdinIsTTY: boolean;
  stdoutIsTTY?: boolean;
  vars?: Readonly<Record<string, string | undefined>>;
  /** The target holds a manifest: --yes re-runs with its answers, which the hint says. */
  previousRun?: boolean;
}

export function hasAnswersSource(args: Args): boolean {
  return args.yes || args.preset !== undefined || args.answers !== undefined || args.set.length > 0;
}

export function interactionFor(args: Args, env: InteractionEnv): Interaction {
  const vars = env.vars ?? {};
  // A drift check compares with the last run's answers (and any given); it never asks anything.
  if (args.check) return { kind: 'unattended' };
  const automation = detectAutomation(vars);
  if (hasAnswersSource(args) && (args.yes || args.json || automation || !env.stdinIsTTY || env.stdoutIsTTY === false)) return { kind: 'unattended' };
  if (hasAnswersSource(args)) return { kind: 'prompt' };
  const hint = noAnswersHint(vars, env.previousRun ?? false);
  if (!env.stdinIsTTY || env.stdoutIsTTY === false) {
    const command = automation ? ` Non-interactively: ${nonInteractiveCommand(vars, args.positionals[0], [])}` : '';
    throw new InputError('No answers given and no terminal to prompt in.', `${hint}${command}`);
  }
  if (args.json) throw new InputError('No answers given; --json never prompts.', hint);
  if (automation) return { kind: 'automation', automation };
  return { kind: 'prompt' };
}

/** The error an automated run gets: who runs it, and the exact command that does the same without questions. */
export function automationError(automation: Automation, command: string): InputError {
  return new InputError(`Not prompting: ${automation.who} runs this (${automation.variable} is set).`, `Run it non-interactively: ${command}`);
}

/** What to pass when no answers were given, in the words of the package manager that ran us. */
function noAnswersHint(vars: Readonly<Record<string, string | undefined>>, previousRun: boolean): string {
  const yes = previousRun ? 'Pass --yes to re-run with the last answers (from .backend-agent/manifest.json)' : 'Pass --yes to use the defaults';
  const others = 'or --answers FILE, --preset NAME or --set KEY=VALUE';
  if (!(vars.npm_config_user_agent ?? '').startsWith('npm/')) return `${yes}, ${others}.`;
  // `npm create x --yes` keeps --yes for npm itself (it sets npm_config_yes) and passes nothing on.
  const swallowed = vars.npm_config_yes === 'true' ? 'npm kept --yes for itself. ' : '';
  return `${swallowed}With npm, options go after \`--\`: npm create backend-agent@latest -- --yes. ${yes}, ${others}.`;
}
