/**
 * One wizard run, as the main job sees it: an introduction saying what the repository told us, the
 * questions, the review of the files, and the closing summary with the equivalent command.
 */
import {
  equivalentSets, library, summarize,
  type AnswerLayer, type Answers, type ConflictChoices, type ConflictMode, type Detection, type DetectedAnswers, type Plain, type Plan, type WriteDecision,
} from '@create-backend-agent/core';
import { countsLine, diffText, pc, type Output } from '../report.js';
import { nonInteractiveCommand } from '../edge/command-line.js';
import { askAnswers } from './ask.js';
import { reviewPlan } from './review.js';
import type { Prompter } from './prompter.js';
import type { Library } from '@create-backend-agent/core';
import type { Pager } from '../edge/pager.js';

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
  /** Shows a long difference (the CLI pages it through $PAGER or less -R); printed when absent. */
  pager?: Pager;
  /** The library with the team packs composed in; the built-in one when absent. */
  lib?: Library;
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
  review(plan: Plan, options: { dryRun: boolean; mode?: ConflictMode }): Promise<ConflictChoices>;
  finish(result: Finish): number;
}

export async function startWizard(setup: WizardSetup): Promise<WizardSession> {
  const prompter = setup.prompter ?? (await (await import('./inquirer.js')).loadPrompter());
  const { output } = setup;
  output.out(setup.header);
  for (const line of introLines(setup.detection)) output.out(line);
  return {
    ask: (suggested, given) => askAnswers(prompter, { suggested, given, evidence: setup.detected.evidence, lastRun: setup.lastRun, ...(setup.lib ? { lib: setup.lib } : {}) }, output),
    review: (plan, options) => reviewPlan(prompter, plan, output, { ...options, ...(setup.pager ? { page: setup.pager } : {}) }),
    finish(result) {
      // One choice for every conflict: the command says it with --conflict.
      const chosen = new Set([...result.decision.markers.map(() => 'markers'), ...result.decision.kept.map(() => 'mine'), ...theirsOf(result).map(() => 'theirs')]);
      const extra = !result.dryRun && chosen.size === 1 ? ['--conflict', [...chosen][0]!] : [];
      const command = nonInteractiveCommand(setup.vars, setup.dirArg, equivalentSets(result.answers, result.suggested, setup.lib ?? library), extra);
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
      const taken = theirsOf(result);
      if (result.decision.writes.length > 0 && taken.length > 0) output.out(`\nTook the new version as you chose: ${taken.join(', ')}.`);
      if (result.decision.kept.length > 0) output.out(`\nKept your lines where both changed: ${result.decision.kept.join(', ')} (new content elsewhere merged in).`);
      if (result.decision.markers.length > 0) {
        output.out(`\n${pc.yellow('Conflict markers written')} in ${result.decision.markers.join(', ')}: edit each <<<<<<< yours … >>>>>>> place, then run again.`);
      }
      output.out(`\nThe same without questions:\n  ${command}`);
      return result.exitCode;
    },
  };
}

/** Conflicts that took the new rendering. */
function theirsOf(result: Finish): string[] {
  const { decision } = result;
  if (decision.unresolved.length > 0) return [];
  return result.plan.changes.filter((c) => c.kind === 'conflict' && !decision.kept.includes(c.path) && !decision.markers.includes(c.path)).map((c) => c.path);
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
