/**
 * One wizard run, as the main job sees it: an introduction saying what the repository told us, the
 * questions, the review of the files, and the closing summary with the equivalent command.
 */
import {
  equivalentSets, library, summarize,
  type AnswerLayer, type Answers, type ConflictChoices, type Detection, type DetectedAnswers, type Plain, type Plan, type WriteDecision,
} from '@create-backend-agent/core';
import { countsLine, diffText, pc, type Output } from '../report.js';
import { nonInteractiveCommand } from '../edge/command-line.js';
import { askAnswers } from './ask.js';
import { reviewPlan } from './review.js';
import type { Prompter } from './prompter.js';

export interface WizardSetup {
  output: Output;
  /** The run's first line: tool, version, target. */
  header: string;
  vars: Readonly<Record<string, string | undefined>>;
  /** The target folder as the user typed it (for the equivalent command). */
  dirArg: string | undefined;
  detection: Detection;
  detected: DetectedAnswers;
  lastRun?: Plain;
  /** Tests pass a prompter; a real run loads inquirer here, and only here. */
  prompter?: Prompter;
}

export interface Finish {
  plan: Plan;
  decision: WriteDecision;
  answers: Answers;
  suggested: readonly AnswerLayer[];
  dryRun: boolean;
  /** The main job's "Done" text (counts and next steps). */
  done: string;
  exitCode: number;
}

export interface WizardSession {
  ask(suggested: readonly AnswerLayer[], given: readonly AnswerLayer[]): Promise<AnswerLayer>;
  review(plan: Plan, options: { dryRun: boolean }): Promise<ConflictChoices>;
  finish(result: Finish): number;
}

export async function startWizard(setup: WizardSetup): Promise<WizardSession> {
  const prompter = setup.prompter ?? (await (await import('./inquirer.js')).loadPrompter());
  const { output } = setup;
  output.out(setup.header);
  for (const line of introLines(setup.detection)) output.out(line);
  return {
    ask: (suggested, given) => askAnswers(prompter, { suggested, given, evidence: setup.detected.evidence, lastRun: setup.lastRun }, output),
    review: (plan, options) => reviewPlan(prompter, plan, output, options),
    finish(result) {
      // Every conflict overwritten: the command needs --force to do the same.
      const overwrote = !result.dryRun && result.plan.changes.some((c) => c.kind === 'conflict') && result.decision.kept.length === 0 && result.decision.unresolved.length === 0;
      const command = nonInteractiveCommand(setup.vars, setup.dirArg, equivalentSets(result.answers, result.suggested, library), overwrote ? ['--force'] : []);
      output.out('');
      if (result.dryRun) {
        const diffs = diffText(result.plan.changes);
        if (diffs) output.out(diffs);
        output.out(`Dry run: ${countsLine(summarize(result.plan))}. Nothing was written.`);
        output.out(`\nTo write these files without questions:\n  ${command}`);
        return result.exitCode;
      }
      if (result.decision.writes.length === 0) output.out('Everything is up to date; nothing to write.');
      else output.out(result.done);
      const overwritten = result.plan.changes.filter((c) => c.kind === 'conflict' && !result.decision.kept.includes(c.path)).map((c) => c.path);
      if (result.decision.writes.length > 0 && overwritten.length > 0) output.out(`\nOverwritten as you chose: ${overwritten.join(', ')}.`);
      if (result.decision.kept.length > 0) {
        output.out(`\nKept as you have ${result.decision.kept.length === 1 ? 'it' : 'them'}: ${result.decision.kept.join(', ')} (still a conflict for later runs; --force overwrites).`);
      }
      output.out(`\nThe same without questions:\n  ${command}`);
      return result.exitCode;
    },
  };
}

/** What the repository told us, before the first question. */
export function introLines(detection: Detection): string[] {
  const lines: string[] = [];
  if (detection.findings.length > 0) {
    lines.push(`Found in the repository: ${detection.findings.map((f) => f.name).join(', ')} ${pc.dim('(why: backend-agent detect)')}`);
  } else {
    lines.push(`No stack found in the repository: the stack offered is the tool's default example ${pc.dim('(answer n at "Keep this stack?" to choose yours)')}`);
  }
  if (detection.monorepo) lines.push(`Monorepo: ${detection.monorepo.tools.map((t) => t.file).join(', ')}, ${detection.monorepo.packages.length} packages`);
  if (detection.agents.length > 0) lines.push(`Agents already here: ${detection.agents.map((a) => a.path).join(', ')}`);
  if (detection.adrLog) lines.push(`ADR log: ${detection.adrLog.dir}/ (${detection.adrLog.count ?? 0} records; new ones continue it)`);
  if (detection.unsupported.length > 0) lines.push(pc.yellow(`Not covered by this version: ${detection.unsupported.map((u) => u.name).join(', ')}`));
  return lines;
}
