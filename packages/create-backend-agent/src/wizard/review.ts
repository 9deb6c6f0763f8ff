/**
 * The end of the wizard: the files to be written (create / update / unchanged / conflict), one
 * confirmation, then a choice for each conflict: overwrite it, keep the user's file, or see the
 * difference first. Declining is a cancel: nothing is written.
 */
import { CancelledError } from '@create-backend-agent/core/errors';
import type { Change, ConflictChoice, ConflictChoices, Plan } from '@create-backend-agent/core';
import { diffText, planLines, pc, type Output } from '../report.js';
import type { Prompter } from './prompter.js';

const REASON = {
  edited: 'was edited since it was generated',
  unmanaged: 'exists and was not written by this tool',
} as const;

type ConflictAction = ConflictChoice | 'diff';

export async function reviewPlan(prompter: Prompter, plan: Plan, output: Output, options: { dryRun: boolean }): Promise<ConflictChoices> {
  output.out(`\n${pc.cyan('◆')} ${pc.bold('Files')}`);
  output.out(planLines(plan).join('\n'));
  const pending = plan.changes.filter((c) => c.kind !== 'unchanged');
  if (options.dryRun || pending.length === 0) return new Map();

  const conflicts = plan.changes.filter((c) => c.kind === 'conflict');
  const message = conflicts.length > 0
    ? `Write these files? ${pc.dim(`(you choose for each of the ${conflicts.length} conflict${conflicts.length === 1 ? '' : 's'} next)`)}`
    : 'Write these files?';
  if (!(await prompter.confirm({ message, default: true }))) throw new CancelledError();

  const choices = new Map<string, ConflictChoice>();
  for (const change of conflicts) choices.set(change.path, await chooseFor(prompter, change, output));
  return choices;
}

async function chooseFor(prompter: Prompter, change: Change, output: Output): Promise<ConflictChoice> {
  for (;;) {
    const action = await prompter.select<ConflictAction>({
      message: `${change.path} ${REASON[change.reason ?? 'edited']}:`,
      choices: [
        { value: 'overwrite', name: 'Overwrite', description: 'Replace it with the generated version.' },
        { value: 'keep', name: 'Keep mine', description: 'Leave the file as it is; later runs will ask again.' },
        { value: 'diff', name: 'Show the difference', description: 'Print the unified diff, then choose.' },
      ],
      default: 'keep',
    });
    if (action !== 'diff') return action;
    output.out(diffText([change]));
  }
}
