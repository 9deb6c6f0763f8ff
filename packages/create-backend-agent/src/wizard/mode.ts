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
  const hint = 'Pass --yes to use the defaults, or --answers FILE, --preset NAME or --set KEY=VALUE.';
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
