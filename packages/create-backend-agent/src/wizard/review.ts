/**
 * The end of the wizard: the files to be written (create / update / merged / moved / unchanged /
 * conflict / deleted by you), one confirmation, then a choice for each conflict: merge with
 * markers, keep mine, take the new one, or see the difference first (paged when it is longer than
 * the screen). Declining is a cancel: nothing is written.
 */
import { CancelledError } from '@create-backend-agent/core/errors';
import { resolveAll, unifiedDiff, type Change, type ConflictMode, type ConflictChoice, type ConflictChoices, type Plan } from '@create-backend-agent/core';
import { diffText, planLines, pc, REASON, type Output } from '../report.js';
import type { Prompter } from './prompter.js';
import type { Pager } from '../edge/pager.js';

type ConflictAction = ConflictChoice | 'diff';

export async function reviewPlan(prompter: Prompter, plan: Plan, output: Output, options: { dryRun: boolean; page?: Pager; mode?: ConflictMode }): Promise<ConflictChoices> {
  output.out(`\n${pc.cyan('◆')} ${pc.bold('Files')}`);
  output.out(planLines(plan).join('\n'));
  const pending = plan.changes.filter((c) => c.kind !== 'unchanged' && c.kind !== 'deleted-by-you');
  if (options.dryRun || pending.length === 0) return new Map();

  // A file still holding markers has nothing to choose: the run stops and says so (create.ts).
  const conflicts = plan.changes.filter((c) => c.kind === 'conflict' && c.resolutions);
  if (plan.changes.some((c) => c.kind === 'conflict' && !c.resolutions)) return new Map();
  const message = conflicts.length > 0
    ? `Write these files? ${pc.dim(`(you choose for each of the ${conflicts.length} conflict${conflicts.length === 1 ? '' : 's'} next)`)}`
    : 'Write these files?';
  if (!(await prompter.confirm({ message, default: true }))) throw new CancelledError();

  // --conflict given on the command line answers for every file.
  if (options.mode !== undefined && options.mode !== 'stop') return resolveAll(plan, options.mode);
  const choices = new Map<string, ConflictChoice>();
  const page = options.page ?? (async (text: string) => output.out(text));
  for (const change of conflicts) choices.set(change.path, await chooseFor(prompter, change, page));
  return choices;
}

async function chooseFor(prompter: Prompter, change: Change, page: Pager): Promise<ConflictChoice> {
  const n = change.hunks?.length ?? 0;
  for (;;) {
    const action = await prompter.select<ConflictAction>({
      message: `${change.path}: ${REASON[change.reason ?? 'edited']} (${n} ${n === 1 ? 'place' : 'places'}):`,
      choices: [
        { value: 'markers', name: 'Merge with markers', description: 'Both versions of each conflicting place, between <<<<<<< and >>>>>>>, for you to edit; the run exits 2.' },
        { value: 'mine', name: 'Keep mine', description: 'Your lines where both changed; the new content elsewhere is merged in.' },
        { value: 'theirs', name: 'Take the new one', description: 'The newly generated file; your edits to it are lost.' },
        { value: 'diff', name: 'Show the difference', description: 'Your file against the merge with markers, then choose.' },
      ],
      default: 'mine',
    });
    if (action !== 'diff') return action;
    // What "merge with markers" would write, as a diff of the file as it is now: each conflict in its context.
    await page(diffText([{ ...change, after: change.resolutions!.markers }]) || unifiedDiff(change));
  }
}
