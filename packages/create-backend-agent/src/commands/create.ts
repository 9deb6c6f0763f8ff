/** The main job: resolve answers, render in memory, plan against the disk, then apply or report. */
import { resolve } from 'node:path';
import {
  resolveAnswers, parseSetFlag, summarize, findPreset, library,
  InputError, unifiedDiff, outputPaths, type AnswerLayer, type Answers, type Plain, type Plan,
} from '@create-backend-agent/core';
import { type RepoView } from '@create-backend-agent/core';
import { equivalentSets, overwriteAll } from '@create-backend-agent/core';
import { automationError, interactionFor } from '../wizard/mode.js';
import { nonInteractiveCommand } from '../edge/command-line.js';
import { diskRepoView } from '../edge/repo-view.js';
import type { Args } from '../args.js';
import { readAnswersFile } from '../edge/answers-file.js';
import { withTarget } from '../edge/guard.js';
import { checkTargetDir } from '../edge/target.js';
import { applyScaffold, readRepo, renderScaffold, suggestedLayers } from '../scaffold.js';
import { countsLine, diffText, planLines, pc, type Output } from '../report.js';
import { VERSION } from '../version.js';
import { EXIT } from '../exit-codes.js';

export interface Environment {
  cwd: string;
  stdinIsTTY: boolean;
  /** Prompts need a terminal to draw on too; undefined counts as one. */
  stdoutIsTTY?: boolean;
  /** Environment variables: CI and coding agents (never prompted), the package manager that ran us. */
  vars?: Readonly<Record<string, string | undefined>>;
  /** Today's date, YYYY-MM-DD, read from the clock at the edge. */
  today: string;
}

export { EXIT } from '../exit-codes.js';

// Reading the target, rendering, planning and applying live in scaffold.ts, shared with the plop generators.
export { suggestedLayers } from '../scaffold.js';

/** What the command line gives: --preset, --answers, --set, later winning. The wizard never asks these. */
export async function givenLayers(args: Args): Promise<AnswerLayer[]> {
  const layers: AnswerLayer[] = [];
  if (args.preset !== undefined) layers.push({ source: `preset ${args.preset}`, values: findPreset(library, args.preset).answers });
  if (args.answers !== undefined) layers.push({ source: args.answers, values: await readAnswersFile(resolve(args.answers)) });
  for (const expression of args.set) layers.push({ source: '--set', values: parseSetFlag(expression) });
  return layers;
}

export async function resolveLayers(args: Args, dir: string, previous: Answers | undefined, view: RepoView = diskRepoView(dir)): Promise<AnswerLayer[]> {
  return [...suggestedLayers(dir, previous, view), ...(await givenLayers(args))];
}

export async function runCreate(args: Args, env: Environment, output: Output): Promise<number> {
  // Decided first, from argv and env only: a run nobody can answer stops here, at once.
  const interaction = interactionFor(args, env);
  if (args.positionals.length > 1) throw new InputError(`Expected one target folder, got ${args.positionals.length}: ${args.positionals.join(' ')}.`);
  const dir = resolve(env.cwd, args.positionals[0] ?? '.');
  await checkTargetDir(dir);
  const write = !args.dryRun && !args.check;
  return withTarget(dir, { write, command: 'create-backend-agent', notify: (note) => output.err(`${pc.yellow('note')} ${note}`) }, () => createIn(dir, args, env, output, interaction));
}

async function createIn(dir: string, args: Args, env: Environment, output: Output, interaction: ReturnType<typeof interactionFor>): Promise<number> {
  const repo = await readRepo(dir);
  const { previous, detection, detected, suggested } = repo;
  const given = await givenLayers(args);
  if (interaction.kind === 'automation') {
    const unattended = resolveAnswers([...suggested, ...given], library).answers;
    throw automationError(interaction.automation, nonInteractiveCommand(env.vars ?? {}, args.positionals[0], equivalentSets(unattended, suggested, library)));
  }
  const wizard = interaction.kind === 'prompt'
    ? await (await import('../wizard/session.js')).startWizard({
      output, vars: env.vars ?? {}, dirArg: args.positionals[0], detection, detected,
      header: `${pc.bold('create-backend-agent')} ${VERSION} ${pc.dim('→')} ${dir}`,
      ...(previous ? { lastRun: previous.answers as unknown as Plain } : {}),
    })
    : null;
  const layers = wizard ? [...suggested, ...given, await wizard.ask(suggested, given)] : [...suggested, ...given];
  const rendered = await renderScaffold(repo, layers, { date: args.date, today: env.today });
  if (args.check) return reportDrift(rendered.plan, dir, previous !== null, args.json, output);
  const { answers, warnings, date, plan } = rendered;
  const counts = summarize(plan);
  // A conflict is overwritten only by --force or by the user's choice in the wizard; one kept keeps
  // its old manifest record, so it stays a conflict.
  const choices = wizard ? await wizard.review(plan, { dryRun: args.dryRun }) : args.force ? overwriteAll(plan) : new Map();
  const decision = await applyScaffold(rendered, choices, { dryRun: args.dryRun });
  const { unresolved, writes } = decision;
  const exitCode = unresolved.length > 0 ? EXIT.conflicts : EXIT.ok;

  if (args.json) {
    output.out(JSON.stringify({
      ok: exitCode === EXIT.ok,
      exitCode,
      target: dir,
      dryRun: args.dryRun,
      written: args.dryRun || unresolved.length > 0 ? [] : writes.map((c) => c.path),
      changes: plan.changes.map((c) => ({
        path: c.path,
        action: c.kind,
        ...(c.reason ? { reason: c.reason } : {}),
        ...(args.dryRun && c.kind !== 'unchanged' ? { diff: unifiedDiff(c) } : {}),
      })),
      summary: counts,
      warnings,
      answers,
      date,
    }, null, 2));
    return exitCode;
  }

  for (const warning of warnings) output.err(`${pc.yellow('warning')} ${warning}`);
  if (wizard) return wizard.finish({ plan, decision, answers, suggested, dryRun: args.dryRun, done: doneText(plan, answers), exitCode });
  output.out(`${pc.bold('create-backend-agent')} ${VERSION} ${pc.dim('→')} ${dir}\n`);
  output.out(planLines(plan).join('\n'));
  output.out('');
  if (args.dryRun) {
    const diffs = diffText(plan.changes);
    if (diffs) output.out(diffs);
    output.out(`Dry run: ${countsLine(counts)}. Nothing was written.`);
    if (unresolved.length > 0) output.out(conflictAdvice(unresolved.length));
    return exitCode;
  }
  if (unresolved.length > 0) {
    output.out(`${pc.red(`${unresolved.length} ${unresolved.length === 1 ? 'file has' : 'files have'} local changes`)}, so nothing was written.`);
    output.out(conflictAdvice(unresolved.length));
    return exitCode;
  }
  if (writes.length === 0) {
    output.out('Everything is up to date; nothing to write.');
    return exitCode;
  }
  output.out(doneText(plan, answers));
  return exitCode;
}

/** --check: nothing is written; any file a re-run would create or change is drift (exit 3). */
function reportDrift(plan: Plan, dir: string, generatedBefore: boolean, json: boolean, output: Output): number {
  const drifted = plan.changes.filter((c) => c.kind !== 'unchanged');
  const exitCode = drifted.length > 0 ? EXIT.drift : EXIT.ok;
  if (json) {
    output.out(JSON.stringify({
      ok: exitCode === EXIT.ok,
      exitCode,
      target: dir,
      drift: drifted.map((c) => ({ path: c.path, action: c.kind, ...(c.reason ? { reason: c.reason } : {}) })),
    }, null, 2));
    return exitCode;
  }
  if (drifted.length === 0) {
    output.out(`Up to date: the ${plan.changes.length} generated files match what this version writes for the recorded answers.`);
    return exitCode;
  }
  output.out(planLines({ changes: drifted }).join('\n'));
  output.out('');
  if (!generatedBefore) {
    output.out(`${pc.red('Nothing was generated here yet')} (no .backend-agent/manifest.json). Run with --yes, or without flags for the wizard.`);
    return exitCode;
  }
  output.out(`${pc.red(`${drifted.length} ${drifted.length === 1 ? 'file differs' : 'files differ'}`)} from what this version writes for the recorded answers. See the diff with --dry-run; update with --yes (edited files need --force).`);
  return exitCode;
}

function conflictAdvice(count: number): string {
  return `See the ${count === 1 ? 'difference' : 'differences'} with --dry-run; re-run with --force to overwrite ${count === 1 ? 'it' : 'them'}, or undo your edits to keep the generated version.`;
}

function doneText(plan: Plan, answers: Answers): string {
  const c = summarize(plan);
  const done = [c.create && `${c.create} created`, c.update && `${c.update} updated`, c.unchanged && `${c.unchanged} unchanged`].filter(Boolean).join(', ');
  const paths = outputPaths(answers);
  const next = [
    answers.outputs.formats.includes('claude') && `Read ${paths.claudeAgent}: Claude Code loads it from .claude/agents/ (check with /agents).`,
    answers.outputs.docs.runbook && `Fill the {placeholders} listed at the top of ${paths.runbook}.`,
    'Commit everything, including .backend-agent/manifest.json: it lets re-runs keep your edits.',
  ].filter(Boolean);
  return `${pc.green('Done:')} ${done}.\n\nNext:\n${next.map((n) => `  - ${n}`).join('\n')}`;
}
